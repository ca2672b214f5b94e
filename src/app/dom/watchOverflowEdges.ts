/** Which sides of a sideways-scrolling box have more content beyond them. */
export type OverflowEdges = 'none' | 'start' | 'end' | 'both';

/**
 * Watches a box that may scroll sideways (a wide diagram or table on a phone)
 * and reports on which side there is more to see, so the page can hint at it:
 * a scrollbar alone is easy to miss on touch screens, where it only shows
 * while scrolling. Returns the function that stops watching.
 */
export function watchOverflowEdges(element: HTMLElement, onChange: (edges: OverflowEdges) => void): () => void {
  let last: OverflowEdges | undefined;
  const measure = () => {
    const hidden = element.scrollWidth - element.clientWidth;
    const before = element.scrollLeft > 1;
    const after = element.scrollLeft < hidden - 1;
    const edges = hidden <= 1 ? 'none' : before && after ? 'both' : before ? 'start' : after ? 'end' : 'none';
    if (edges !== last) onChange((last = edges));
  };
  measure();
  element.addEventListener('scroll', measure, { passive: true });
  const observer = typeof ResizeObserver === 'function' ? new ResizeObserver(measure) : undefined;
  observer?.observe(element);
  return () => {
    element.removeEventListener('scroll', measure);
    observer?.disconnect();
  };
}
