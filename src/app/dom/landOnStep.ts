/** `#<diagram id>-step-<n>` (shared/diagram.ts `stepAnchor`). */
const STEP_FRAGMENT = /^(.+)-step-(\d+)$/;

/**
 * Lands a step link (`#tls13-handshake-step-3`) on the figure, once, as the
 * page opens: the browser alone scrolls to the step's line in the list under
 * the drawing, and the diagram island, waking seconds later, used to jump
 * the page to the drawing. Here the page goes at once to where the step's
 * caption and the part of the drawing it changes (its `data-current`
 * elements) are both on screen, the whole figure when it fits. The
 * prerendered drawing is laid out as the island will show it, so the island
 * finds the page in place and leaves it there (`data-step-landed`).
 *
 * Until the page has loaded, the browser may scroll to the fragment again
 * (fonts and styles arriving): the place is set again then, unless the reader
 * has scrolled in between. Returns the function that stops.
 */
export function landOnStep(hash = window.location.hash): () => void {
  let fragment: string;
  try {
    fragment = decodeURIComponent(hash.replace(/^#/, ''));
  } catch {
    return () => {};
  }
  const match = STEP_FRAGMENT.exec(fragment);
  const figure = match ? document.getElementById(match[1]!) : null;
  const item = document.getElementById(fragment);
  if (!figure?.matches('figure.diagram') || !item || !figure.contains(item)) return () => {};
  figure.closest('.island')?.setAttribute('data-step-landed', '');

  const place = () => {
    const target = landingTop(figure, item);
    if (Math.abs(target - window.scrollY) > 1) window.scrollTo({ top: target, behavior: 'instant' });
  };
  let frame = 0;
  const stop = () => {
    cancelAnimationFrame(frame);
    window.removeEventListener('load', onLoad);
    for (const type of ['wheel', 'touchstart', 'keydown', 'pointerdown'] as const)
      window.removeEventListener(type, stop, true);
  };
  // Twice: the first scroll brings the figure near the screen, where the
  // browser lays it out for real (content-visibility), and the second uses
  // its real size.
  const placeTwice = () => {
    place();
    frame = requestAnimationFrame(place);
  };
  const onLoad = () => {
    placeTwice();
    window.removeEventListener('load', onLoad);
  };
  placeTwice();
  if (document.readyState !== 'complete') window.addEventListener('load', onLoad);
  for (const type of ['wheel', 'touchstart', 'keydown', 'pointerdown'] as const)
    window.addEventListener(type, stop, { capture: true, passive: true });
  return stop;
}

/**
 * The scroll position that shows the figure, else its drawing and caption,
 * else its step's changes and caption, else its changes.
 */
function landingTop(figure: HTMLElement, item: HTMLElement): number {
  const changed = new Set((item.dataset.current ?? '').split(' ').filter(Boolean));
  const parts = [...figure.querySelectorAll<Element>('[data-element]')].filter((element) =>
    changed.has(element.getAttribute('data-element')!),
  );
  const stage = figure.querySelector('.diagram-stage') ?? figure;
  const caption = figure.querySelector('.diagram-caption') ?? stage;
  const box = figure.getBoundingClientRect();
  const drawn = union(parts.length > 0 ? parts : [stage]);
  const said = caption.getBoundingClientRect();
  // What covers the page's top: the header, and the phone's contents bar.
  const covered = Math.max(
    0,
    ...[...document.querySelectorAll('.site-header, .page-bar')].map(
      (element) => element.getBoundingClientRect().bottom,
    ),
  );
  const margin = 12;
  const room = window.innerHeight - covered - 2 * margin;
  const end = Math.max(said.bottom, drawn.bottom);
  const picture = stage.getBoundingClientRect().top;
  let top: number;
  if (end - box.top <= room) top = box.top;
  // The whole drawing without its title: a sequence keeps its participants' names in view.
  else if (end - picture <= room) top = picture;
  // The changes and the caption, with as much of the drawing above them (the steps before) as fits.
  else if (end - Math.min(drawn.top, said.top) <= room) top = end - room;
  else top = drawn.top;
  return Math.max(0, window.scrollY + top - covered - margin);
}

function union(elements: readonly Element[]): { top: number; bottom: number } {
  let top = Infinity;
  let bottom = -Infinity;
  for (const element of elements) {
    const rect = element.getBoundingClientRect();
    if (rect.height === 0 && rect.width === 0) continue;
    top = Math.min(top, rect.top);
    bottom = Math.max(bottom, rect.bottom);
  }
  return Number.isFinite(top) ? { top, bottom } : { top: 0, bottom: 0 };
}
