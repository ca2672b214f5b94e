/**
 * Starts the app on the page: hydrates the prerendered HTML (or renders from
 * scratch when the HTML is not this page's) and registers the service worker.
 * Loaded by main.tsx once the page has painted, which then calls `startApp`.
 */
// The full font's unicode-range subsets, for characters the site font lacks
// (what a learner types). Not needed for the first paint, which the site
// font covers; its 90-odd @font-face rules would double the blocking CSS.
import 'pretendard/dist/web/variable/pretendardvariable-dynamic-subset.css';
import { startTransition, StrictMode } from 'react';
import { createRoot, hydrateRoot } from 'react-dom/client';
import { createBrowserRouter, matchRoutes, RouterProvider, type HydrationState } from 'react-router';
import { registerSW } from 'virtual:pwa-register';
import { afterLoadIdle } from './dom/afterLoadIdle.ts';
import { linkManifest } from './pwa/linkManifest.ts';
import { serviceWorkerState } from './pwa/serviceWorkerState.ts';
import { NOT_FOUND_ROUTE_ID, routes } from './routes.tsx';

// Vite's base ("/study-notes/") without the trailing slash is the router's basename.
const basename = import.meta.env.BASE_URL.replace(/\/$/, '') || '/';

const root = findRoot();

function findRoot(): HTMLElement {
  const element = document.getElementById('root');
  if (!element) throw new Error('index.html has no #root element');
  return element;
}

/**
 * Loader data for the page the prerendered HTML shows, so React can hydrate
 * it as is. Instead of repeating the data in an inline script (the note's
 * text is in the HTML already), each matched route's loader runs here: it
 * loads the same chunks the app needs anyway. Lazy routes are resolved first,
 * as React Router asks for hydration. Returns undefined when the HTML was
 * prerendered for another path (404.html served for an unknown URL).
 */
async function hydrationData(): Promise<HydrationState | undefined> {
  if (root.dataset.route !== window.location.pathname) return undefined;
  const matches = matchRoutes(routes, window.location, basename) ?? [];
  if (matches.some((match) => match.route.id === NOT_FOUND_ROUTE_ID)) return undefined;
  const loaderData: Record<string, unknown> = {};
  try {
    for (const match of matches) {
      const route = match.route;
      if (typeof route.lazy === 'function') {
        const resolved = await route.lazy();
        Object.assign(route, { ...resolved, lazy: undefined });
      }
      if (typeof route.loader === 'function' && route.id) {
        loaderData[route.id] = await route.loader({
          params: match.params,
          request: new Request(window.location.href),
          context: undefined,
        } as Parameters<Extract<typeof route.loader, (...args: never[]) => unknown>>[0]);
      }
    }
  } catch {
    return undefined;
  }
  return { loaderData };
}

/** Hydrates the page (or renders it) and registers the service worker. */
export async function startApp(): Promise<void> {
  const data = await hydrationData();
  const router = createBrowserRouter(routes, { basename, ...(data ? { hydrationData: data } : {}) });
  const app = (
    <StrictMode>
      <RouterProvider router={router} />
    </StrictMode>
  );
  if (data) {
    // As a transition, hydration yields to the browser every few milliseconds
    // instead of holding the main thread for the whole (long) note at once, so
    // a tap or a scroll during it is answered.
    startTransition(() => {
      hydrateRoot(root, app);
    });
  } else {
    // Not our prerendered page (or none): render from scratch.
    root.replaceChildren();
    createRoot(root).render(app);
  }

  // Offline support: the service worker precaches the whole site, once the
  // page is loaded and idle so its downloads never compete with this page's.
  // A new version waits until the learner chooses to reload (see UpdatePrompt).
  if ('serviceWorker' in navigator && import.meta.env.PROD) {
    afterLoadIdle(() => {
      linkManifest();
      const updateSW = registerSW({
        onNeedRefresh: () => serviceWorkerState.set({ needRefresh: true }),
        onOfflineReady: () => serviceWorkerState.set({ offlineReady: true }),
      });
      serviceWorkerState.setUpdater(() => updateSW(true));
    });
  }
}
