/**
 * How long background work waits after the page has loaded and painted. The
 * first seconds after a page shows are when a reader starts scrolling and
 * tapping, and on a phone-class CPU the service worker's start (three scripts
 * and the precache's requests) and the site font's fetch were each a task of
 * up to 70 ms there, beside the page's own start-up. None of it is needed
 * now: the precache and the font serve later visits, and a first visit's due
 * count has no answered marks to go with it.
 */
const SETTLE_MS = 3000;

/**
 * Runs `task` once the page has loaded, has painted its content, has had a
 * few seconds to settle (SETTLE_MS) and the main thread is idle: for work the
 * reader did not ask for and does not need yet (the service worker's
 * precache, the site font, a first visit's due count), which must never
 * compete with the page being read. A long page on a slow phone can load well before it first paints
 * (style and layout take the time), so `load` alone is too early. `timeout`
 * bounds the wait for idle time on a page that never quite settles.
 */
export function afterLoadIdle(task: () => void, timeout = 5000): void {
  const onIdle = () => {
    if (typeof requestIdleCallback === 'function') requestIdleCallback(() => task(), { timeout });
    else setTimeout(task, 1000);
  };
  const afterLoad = () => void firstContentfulPaint().then(() => setTimeout(onIdle, SETTLE_MS));
  if (document.readyState === 'complete') afterLoad();
  else window.addEventListener('load', afterLoad, { once: true });
}

let painted: Promise<void> | undefined;

/**
 * Resolves once the page has painted text or an image (at once where paints
 * are not reported, or the tab is hidden), or after `safetyMs`: a busy phone
 * can take a while to paint a long page, and what waits must start anyway.
 */
export function firstContentfulPaint(safetyMs = 10_000): Promise<void> {
  if (document.visibilityState === 'hidden' || !PerformanceObserver.supportedEntryTypes?.includes('paint')) {
    return Promise.resolve();
  }
  painted ??= new Promise((resolve) => {
    const observer = new PerformanceObserver((list) => {
      if (list.getEntriesByName('first-contentful-paint').length === 0) return;
      observer.disconnect();
      resolve();
    });
    observer.observe({ type: 'paint', buffered: true });
  });
  return Promise.race([painted, new Promise<void>((resolve) => setTimeout(resolve, safetyMs))]);
}
