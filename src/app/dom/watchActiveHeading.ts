/**
 * Calls `onChange` with the id of the heading the reader is in: the last one
 * whose top has passed the reading line, `offset` pixels below the top of the
 * viewport or a third of the way down, whichever is lower (a heading just
 * under the sticky header with a screenful of its section below it is the one
 * being read). Recomputed once per frame while scrolling, which is cheap for a
 * note's few dozen headings. Returns the function that stops watching.
 */
/**
 * A heading inside a closed fold (심화) is not on the page for the reader, and measuring
 * it would lay out the fold's hidden contents, one forced layout per heading.
 */
function folded(element: Element): boolean {
  const fold = element.closest('details');
  return !!fold && !fold.open && !element.closest('summary');
}

export function watchActiveHeading(
  ids: readonly string[],
  onChange: (id: string | undefined) => void,
  offset = 96,
): () => void {
  let frame = 0;
  let last: string | undefined | null = null;
  const update = () => {
    frame = 0;
    let current = ids[0];
    const line = Math.max(offset, window.innerHeight / 3);
    for (const id of ids) {
      const element = document.getElementById(id);
      if (element && !folded(element) && element.getBoundingClientRect().top <= line) current = id;
    }
    // At the very bottom the last headings may never reach the top line.
    const atBottom = window.innerHeight + window.scrollY >= document.documentElement.scrollHeight - 2;
    if (atBottom && ids.length > 0 && window.scrollY > 0) current = ids[ids.length - 1];
    if (current !== last) onChange((last = current));
  };
  const schedule = () => {
    if (!frame) frame = requestAnimationFrame(update);
  };
  // In the next frame, not now: measuring now would lay out the page in the middle of
  // its start-up script, one long task where the browser would have laid it out anyway.
  schedule();
  window.addEventListener('scroll', schedule, { passive: true });
  window.addEventListener('resize', schedule);
  return () => {
    window.removeEventListener('scroll', schedule);
    window.removeEventListener('resize', schedule);
    if (frame) cancelAnimationFrame(frame);
  };
}
