import type { RouteObject } from 'react-router';
import { Layout } from './components/Layout.tsx';
import { loadNoteBySlug, loadNoteList, notFound } from './noteData.ts';
import { HomePage } from './pages/HomePage.tsx';
import { LoadingPage } from './pages/LoadingPage.tsx';
import { NotePage } from './pages/NotePage.tsx';
import { NotFoundPage } from './pages/NotFoundPage.tsx';
import { RouteErrorPage } from './pages/RouteErrorPage.tsx';

/** Route ids, the keys of loader data (also in hydration data). */
export const ROOT_ROUTE_ID = 'root';
export const NOTE_ROUTE_ID = 'note';
export const NOT_FOUND_ROUTE_ID = 'not-found';

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
