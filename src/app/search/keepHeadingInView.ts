/** How long after opening a result its heading is kept in place at most. */
const SETTLE_MS = 3000;
/** Anything the reader does to move on ends it at once. */
const READER_EVENTS = ['wheel', 'touchstart', 'keydown', 'pointerdown'] as const;

/**
 * Keeps the heading with `id` at the top of the window while the page it
 * belongs to settles, then lets go. The browser scrolls to a URL fragment once;
 * blocks that render a moment later above it (quizzes and diagrams load their
 * code on first use) would push the heading out of view again. Whenever
 * `main` changes size during the first seconds, the heading is scrolled back,
 * instantly; the first wheel, touch, key or click ends this.
 */
export function keepHeadingInView(id: string): void {
  const main = document.querySelector('main');
  if (!main || typeof ResizeObserver === 'undefined') return;
  const align = () => document.getElementById(id)?.scrollIntoView({ block: 'start', behavior: 'instant' });
  const observer = new ResizeObserver(align);
  const stop = () => {
    observer.disconnect();
    window.clearTimeout(timer);
    for (const type of READER_EVENTS) window.removeEventListener(type, stop, true);
  };
  const timer = window.setTimeout(stop, SETTLE_MS);
  for (const type of READER_EVENTS) window.addEventListener(type, stop, { capture: true, passive: true });
  observer.observe(main);
}
