import { keepTocItemInView } from './keepTocItemInView.ts';

/**
 * The phone's "이 페이지의 내용" bar (TableOfContents.tsx, `collapsible`):
 * sticky under the header, it opens the table of contents, shows how far the
 * reader is through the note, and takes them back to the top. The current
 * section's name is written by whoever tracks the headings (the loader's
 * tableOfContents.ts, or React). Plain DOM, shared by the loader and the app.
 * Returns the function that stops.
 */
export function startPageBar(bar: HTMLElement): () => void {
  const details = bar.querySelector('details');
  const progress = bar.querySelector<HTMLElement>('.page-bar-progress');
  const article = bar.closest('article');
  const stops: (() => void)[] = [];
  const listen = <K extends keyof DocumentEventMap>(
    target: Document | HTMLElement,
    type: K,
    handler: (event: DocumentEventMap[K]) => void,
  ) => {
    target.addEventListener(type, handler as EventListener);
    stops.push(() => target.removeEventListener(type, handler as EventListener));
  };

  if (details) {
    const close = (focusSummary: boolean) => {
      if (!details.open) return;
      details.open = false;
      if (focusSummary) details.querySelector('summary')?.focus();
    };
    // A section picked from the list: the list closes and the page goes there.
    listen(details, 'click', (event) => {
      if ((event.target as Element).closest('a')) close(false);
    });
    listen(details, 'keydown', (event) => {
      if (event.key === 'Escape') close(true);
    });
    listen(document, 'click', (event) => {
      if (!bar.contains(event.target as Node)) close(false);
    });
    // Opened far down a long note, the list shows where the reader is, not its first items.
    const showCurrent = () => {
      const list = details.querySelector<HTMLElement>('.toc-list');
      const current = list?.querySelector<HTMLElement>('a[aria-current="true"]');
      if (details.open && current) keepTocItemInView(current, list);
    };
    details.addEventListener('toggle', showCurrent);
    stops.push(() => details.removeEventListener('toggle', showCurrent));
  }

  for (const link of bar.querySelectorAll<HTMLAnchorElement>('a[href="#top"]')) listen(link, 'click', backToTop);

  if (progress && article) {
    let frame = 0;
    const update = () => {
      frame = 0;
      const box = article.getBoundingClientRect();
      const travel = box.height - window.innerHeight;
      const done = travel <= 0 ? 1 : Math.min(1, Math.max(0, -box.top / travel));
      progress.style.setProperty('--progress', done.toFixed(3));
    };
    const schedule = () => {
      if (!frame) frame = requestAnimationFrame(update);
    };
    update();
    window.addEventListener('scroll', schedule, { passive: true });
    window.addEventListener('resize', schedule);
    stops.push(() => {
      window.removeEventListener('scroll', schedule);
      window.removeEventListener('resize', schedule);
      if (frame) cancelAnimationFrame(frame);
    });
  }
  return () => {
    for (const stop of stops) stop();
  };
}

/**
 * `#top` works without a script (the document's top); with one, the page
 * scrolls up, the title takes focus (so the next Tab starts from there, as
 * after a reload) and the address keeps no fragment.
 */
function backToTop(event: MouseEvent): void {
  if (event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return;
  event.preventDefault();
  window.scrollTo({ top: 0 });
  document.querySelector<HTMLElement>('main h1')?.focus({ preventScroll: true });
  if (window.location.hash) history.replaceState(history.state, '', window.location.pathname + window.location.search);
}
