/**
 * Runs `task` once the page has loaded and the main thread is idle: for work
 * the reader did not ask for (the service worker's precache, the site font),
 * which must never compete with the page being read. `timeout` bounds the wait
 * for idle time on a page that never quite settles.
 */
export function afterLoadIdle(task: () => void, timeout = 5000): void {
  const onIdle = () => {
    if (typeof requestIdleCallback === 'function') requestIdleCallback(() => task(), { timeout });
    else setTimeout(task, 1000);
  };
  if (document.readyState === 'complete') onIdle();
  else window.addEventListener('load', onIdle, { once: true });
}
