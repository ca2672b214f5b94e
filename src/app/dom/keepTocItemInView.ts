/**
 * Scrolls a table of contents that scrolls on its own so the marked item is
 * visible: the desktop column (the default) as the reader scrolls a long note,
 * so that at the end of the note "정리" is in view, and the phone bar's list
 * as it opens. Only the list moves, never the page, and only when the item
 * has left the list's visible part.
 */
export function keepTocItemInView(
  link: HTMLElement,
  scroller: HTMLElement | null = link.closest<HTMLElement>('.toc-column'),
): void {
  if (!scroller || scroller.scrollHeight <= scroller.clientHeight) return;
  const item = link.getBoundingClientRect();
  const box = scroller.getBoundingClientRect();
  // A margin of two items, so the neighbours of the current section show too.
  const margin = Math.min(item.height * 2, box.height / 4);
  let delta = 0;
  if (item.top < box.top + margin) delta = item.top - box.top - margin;
  else if (item.bottom > box.bottom - margin) delta = item.bottom - box.bottom + margin;
  if (delta !== 0) scroller.scrollTop += delta;
}
