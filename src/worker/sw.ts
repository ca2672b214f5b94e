/**
 * The site's service worker, built by Vite (vite-plugin-pwa's injectManifest)
 * with the precache list the build writes into `self.__WB_MANIFEST`.
 *
 * Every page, note chunk, Anki deck and the site font are precached, so after
 * one visit the whole site reads offline, notes not opened yet included (the
 * build keeps the list under its budget: src/node/pwa/precacheBudget.ts). A new
 * version waits until the reader accepts the page's "새로고침" prompt, which
 * sends SKIP_WAITING (virtual:pwa-register).
 */
import { ExpirationPlugin } from 'workbox-expiration';
import { cleanupOutdatedCaches, precacheAndRoute } from 'workbox-precaching';
import { registerRoute } from 'workbox-routing';
import { CacheFirst, NetworkFirst } from 'workbox-strategies';

declare const self: ServiceWorkerGlobalScope & { __WB_MANIFEST: (string | { url: string; revision: string | null })[] };

self.addEventListener('message', (event) => {
  if ((event.data as { type?: unknown } | null)?.type === 'SKIP_WAITING') void self.skipWaiting();
});

precacheAndRoute(self.__WB_MANIFEST);
cleanupOutdatedCaches();

// Note pages left out of a precache over budget are kept once visited.
registerRoute(
  ({ request, url }) => request.mode === 'navigate' && url.pathname.includes('/notes/'),
  new NetworkFirst({ cacheName: 'note-pages', plugins: [new ExpirationPlugin({ maxEntries: 200 })] }),
);

// The full font's subsets only draw characters no page contains (what a learner
// types): cached when first needed, not up front.
registerRoute(
  ({ url }) => url.pathname.includes('/PretendardVariable.subset.'),
  new CacheFirst({ cacheName: 'font-fallback', plugins: [new ExpirationPlugin({ maxEntries: 100 })] }),
);
