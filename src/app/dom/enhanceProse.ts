import { openDeepForHash } from './openDeepForHash.ts';
import { watchOverflowEdges } from './watchOverflowEdges.ts';

const COPIED_FOR_MS = 2000;

/**
 * What a note's prerendered body needs from a script, without React: copy
 * buttons on code blocks (one delegated listener), and tables and code too
 * wide for the screen fading on the side with more to see (prose.css,
 * code.css), and the 심화 fold a link points into opened. `announce` speaks a short message politely. Used by the island
 * loader and, in the full app, by NoteBody. Returns the function that stops.
 */
export function enhanceProse(element: HTMLElement, announce: (message: string) => void): () => void {
  const timers = new Set<number>();

  const copyCode = async (button: HTMLButtonElement) => {
    const code = button.closest('.code-block')?.querySelector('code')?.textContent ?? '';
    try {
      await navigator.clipboard.writeText(code.replace(/\n$/, ''));
      button.textContent = '복사됨';
      button.dataset.state = 'copied';
      announce('코드를 클립보드에 복사했습니다.');
    } catch {
      button.textContent = '복사 실패';
      button.dataset.state = 'failed';
      announce('복사하지 못했습니다. 코드를 직접 선택해 복사해 주세요.');
    }
    const timer = window.setTimeout(() => {
      button.textContent = '복사';
      delete button.dataset.state;
      timers.delete(timer);
    }, COPIED_FOR_MS);
    timers.add(timer);
  };

  const onClick = (event: MouseEvent) => {
    if (!(event.target instanceof Element)) return;
    const button = event.target.closest<HTMLButtonElement>('button[data-copy-code]');
    if (button) void copyCode(button);
  };
  element.addEventListener('click', onClick);
  const stopWatching = [
    ...[...element.querySelectorAll<HTMLElement>('.scroll-frame > .table-scroll')].map((scroller) =>
      watchOverflowEdges(scroller, (edges) => (scroller.parentElement!.dataset.overflow = edges)),
    ),
    ...[...element.querySelectorAll<HTMLElement>('.code-block > pre')].map((pre) =>
      watchOverflowEdges(pre, (edges) => (pre.dataset.overflow = edges)),
    ),
    openDeepForHash(element),
  ];
  return () => {
    element.removeEventListener('click', onClick);
    for (const stop of stopWatching) stop();
    for (const timer of timers) window.clearTimeout(timer);
  };
}
