import { openDeepForHash } from './openDeepForHash.ts';
import { watchOverflowEdges, type OverflowEdges } from './watchOverflowEdges.ts';
import { watchTermPopovers } from './termPopovers.ts';

const COPIED_FOR_MS = 2000;

/**
 * What a note's prerendered body needs from a script, without React: copy
 * buttons on code blocks (one delegated listener), and tables and code too
 * wide for the screen fading on the side with more to see (prose.css,
 * code.css), glossary terms showing their definition (termPopovers.ts), and
 * the 심화 fold a link points into opened. `announce` speaks a short message politely. Used by the island
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
  // Measuring a box lays it out, and an off-screen block is skipped by
  // `content-visibility: auto` until it nears the screen: measure each one only
  // then, so a long note's dozens of code blocks cost nothing at load.
  const wide = [
    ...[...element.querySelectorAll<HTMLElement>('.scroll-frame > .table-scroll')].map(
      (scroller) => [scroller, (edges: OverflowEdges) => (scroller.parentElement!.dataset.overflow = edges)] as const,
    ),
    ...[...element.querySelectorAll<HTMLElement>('.code-block > pre')].map(
      (pre) => [pre, (edges: OverflowEdges) => (pre.dataset.overflow = edges)] as const,
    ),
  ];
  const stopWatching: (() => void)[] = [watchTermPopovers(element), openDeepForHash(element)];
  let nearScreen: IntersectionObserver | undefined;
  if (typeof IntersectionObserver === 'function') {
    const report = new Map<Element, (edges: OverflowEdges) => void>(wide);
    nearScreen = new IntersectionObserver(
      (entries) => {
        for (const entry of entries) {
          const onChange = report.get(entry.target);
          if (!entry.isIntersecting || !onChange) continue;
          nearScreen?.unobserve(entry.target);
          stopWatching.push(watchOverflowEdges(entry.target as HTMLElement, onChange));
        }
      },
      { rootMargin: '400px 0px' },
    );
    for (const [box] of wide) nearScreen.observe(box);
  } else {
    for (const [box, onChange] of wide) stopWatching.push(watchOverflowEdges(box, onChange));
  }
  return () => {
    element.removeEventListener('click', onClick);
    nearScreen?.disconnect();
    for (const stop of stopWatching) stop();
    for (const timer of timers) window.clearTimeout(timer);
  };
}
