import { openDeepForHash } from './openDeepForHash.ts';
import { watchOverflowEdges } from './watchOverflowEdges.ts';
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
  const stopWatching: (() => void)[] = [watchTermPopovers(element), openDeepForHash(element)];
  // Measuring a box lays it out, and a long note's blocks away from the screen are not laid
  // out at all (content-visibility, prose.css): each wide table or code block is measured
  // only once it nears the screen, which is also the only place its fade hint is seen.
  /** Each box that may scroll sideways, and the element its fade hint is set on. */
  const marked = new Map<HTMLElement, HTMLElement>();
  for (const scroller of element.querySelectorAll<HTMLElement>('.scroll-frame > .table-scroll'))
    marked.set(scroller, scroller.parentElement!);
  for (const pre of element.querySelectorAll<HTMLElement>('.code-block > pre')) marked.set(pre, pre);
  const watch = (scroller: HTMLElement) => {
    const target = marked.get(scroller);
    if (target) stopWatching.push(watchOverflowEdges(scroller, (edges) => (target.dataset.overflow = edges)));
  };
  const near =
    typeof IntersectionObserver === 'function'
      ? new IntersectionObserver(
          (entries) => {
            for (const entry of entries) {
              if (!entry.isIntersecting) continue;
              near?.unobserve(entry.target);
              watch(entry.target as HTMLElement);
            }
          },
          { rootMargin: '50% 0px' },
        )
      : undefined;
  for (const scroller of marked.keys()) {
    if (near) near.observe(scroller);
    else watch(scroller);
  }
  return () => {
    element.removeEventListener('click', onClick);
    near?.disconnect();
    for (const stop of stopWatching) stop();
    for (const timer of timers) window.clearTimeout(timer);
  };
}
