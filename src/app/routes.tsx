import type { RouteObject } from 'react-router';
import { Layout } from './components/Layout.tsx';
import { loadNoteBySlug, loadNoteList, loadNotesWithTag, notFound } from './noteData.ts';
import { HomePage } from './pages/HomePage.tsx';
import { LoadingPage } from './pages/LoadingPage.tsx';
import { NotePage } from './pages/NotePage.tsx';
import { NotFoundPage } from './pages/NotFoundPage.tsx';
import { RouteErrorPage } from './pages/RouteErrorPage.tsx';
import { TagPage } from './pages/TagPage.tsx';

/** Route ids, the keys of loader data (also in hydration data). */
export const ROOT_ROUTE_ID = 'root';
export const NOTE_ROUTE_ID = 'note';
export const NOT_FOUND_ROUTE_ID = 'not-found';
export const REVIEW_ROUTE_ID = 'review';
export const STATS_ROUTE_ID = 'stats';
export const TAG_ROUTE_ID = 'tag';

export const routes: RouteObject[] = [
  {
    id: ROOT_ROUTE_ID,
    path: '/',
    loader: loadNoteList,
    element: <Layout />,
    HydrateFallback: LoadingPage,
    errorElement: <RouteErrorPage standalone />,
    children: [
      { index: true, element: <HomePage /> },
      {
        id: NOTE_ROUTE_ID,
        path: 'notes/:slug',
        loader: loadNoteBySlug,
        element: <NotePage />,
        errorElement: <RouteErrorPage />,
      },
      {
        id: TAG_ROUTE_ID,
        path: 'tags/:tag',
        loader: loadNotesWithTag,
        element: <TagPage />,
        errorElement: <RouteErrorPage />,
      },
      {
        id: REVIEW_ROUTE_ID,
        path: 'review',
        // Its own chunks: the review page and every question load only here.
        lazy: () =>
          import('./pages/ReviewPage.tsx').then((module) => ({
            Component: module.ReviewPage,
            loader: module.reviewLoader,
          })),
        errorElement: <RouteErrorPage />,
      },
      {
        id: STATS_ROUTE_ID,
        path: 'stats',
        lazy: () => import('./pages/StatsPage.tsx').then((module) => ({ Component: module.StatsPage })),
        errorElement: <RouteErrorPage />,
      },
      // A loader that answers 404, so the prerendered 404.html and the
      // browser agree that unknown paths are "not found", not a page.
      {
        id: NOT_FOUND_ROUTE_ID,
        path: '*',
        loader: notFound,
        element: <NotFoundPage />,
        errorElement: <RouteErrorPage />,
      },
    ],
  },
];
