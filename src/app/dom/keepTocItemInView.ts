/**
 * Scrolls the desktop table of contents (its own scrolling column) so the
 * marked item stays visible on a long note, as the reader scrolls the page:
 * at the end of the note, "정리" is in view. Only the column moves, never the
 * page, and only when the item has left the column's visible part.
 */
export function keepTocItemInView(link: HTMLElement): void {
  const column = link.closest<HTMLElement>('.toc-column');
  if (!column || column.scrollHeight <= column.clientHeight) return;
  const item = link.getBoundingClientRect();
  const box = column.getBoundingClientRect();
  // A margin of two items, so the neighbours of the current section show too.
  const margin = Math.min(item.height * 2, box.height / 4);
  let delta = 0;
  if (item.top < box.top + margin) delta = item.top - box.top - margin;
  else if (item.bottom > box.bottom - margin) delta = item.bottom - box.bottom + margin;
  if (delta !== 0) column.scrollTop += delta;
}
