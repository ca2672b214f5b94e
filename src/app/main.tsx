import 'pretendard/dist/web/variable/pretendardvariable-dynamic-subset.css';
import './styles/tokens.css';
import './styles/base.css';
import './styles/layout.css';
import './styles/prose.css';
import './styles/code.css';
import { StrictMode } from 'react';
import { createRoot, hydrateRoot } from 'react-dom/client';
import { createBrowserRouter, matchRoutes, RouterProvider, type HydrationState } from 'react-router';
import { registerSW } from 'virtual:pwa-register';
import { preloadEmbeds } from './lazyEmbed.ts';
import { loadNoteBySlug, loadNoteList } from './noteData.ts';
import { serviceWorkerState } from './pwa/serviceWorkerState.ts';
import { NOT_FOUND_ROUTE_ID, NOTE_ROUTE_ID, ROOT_ROUTE_ID, routes } from './routes.tsx';

// Vite's base ("/study-notes/") without the trailing slash is the router's basename.
const basename = import.meta.env.BASE_URL.replace(/\/$/, '') || '/';

const root = document.getElementById('root');
if (!root) throw new Error('index.html has no #root element');

/**
 * Loader data for the page the prerendered HTML shows, so React can hydrate
 * it as is. The note's text is in the HTML already; instead of repeating it
 * in an inline script we load the note's chunk (which the app needs anyway
 * for navigation) before hydrating. Returns undefined when the HTML was
 * prerendered for another path (404.html served for an unknown URL).
 */
async function hydrationData(): Promise<HydrationState | undefined> {
  if (root?.dataset.route !== window.location.pathname) return undefined;
  const matches = matchRoutes(routes, window.location, basename) ?? [];
  if (matches.some((match) => match.route.id === NOT_FOUND_ROUTE_ID)) return undefined;
  const loaderData: Record<string, unknown> = { [ROOT_ROUTE_ID]: await loadNoteList() };
  const noteMatch = matches.find((match) => match.route.id === NOTE_ROUTE_ID);
  if (noteMatch) {
    try {
      const note = await loadNoteBySlug({
        params: noteMatch.params,
        request: new Request(window.location.href),
        context: undefined,
      } as Parameters<typeof loadNoteBySlug>[0]);
      loaderData[NOTE_ROUTE_ID] = note;
      // The page's quizzes/diagrams, loaded now so hydration does not wait on them.
      await preloadEmbeds(note.body.filter((block) => block.kind !== 'html').map((block) => block.kind));
    } catch {
      return undefined;
    }
  }
  return { loaderData };
}

const data = await hydrationData();
const router = createBrowserRouter(routes, { basename, ...(data ? { hydrationData: data } : {}) });
const app = (
  <StrictMode>
    <RouterProvider router={router} />
  </StrictMode>
);
if (data) {
  hydrateRoot(root, app);
} else {
  // Not our prerendered page (or none): render from scratch.
  root.replaceChildren();
  createRoot(root).render(app);
}

// Offline support: the service worker precaches the whole site. A new
// version waits until the learner chooses to reload (see UpdatePrompt).
if ('serviceWorker' in navigator && import.meta.env.PROD) {
  const updateSW = registerSW({
    onNeedRefresh: () => serviceWorkerState.set({ needRefresh: true }),
    onOfflineReady: () => serviceWorkerState.set({ offlineReady: true }),
  });
  serviceWorkerState.setUpdater(() => updateSW(true));
}
