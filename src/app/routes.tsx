import type { RouteObject } from 'react-router';
import { Layout } from './components/Layout.tsx';
import { loadNoteBySlug, loadNoteList } from './noteData.ts';
import { HomePage } from './pages/HomePage.tsx';
import { LoadingPage } from './pages/LoadingPage.tsx';
import { NotePage } from './pages/NotePage.tsx';
import { NotFoundPage } from './pages/NotFoundPage.tsx';
import { RouteErrorPage } from './pages/RouteErrorPage.tsx';

export const ROOT_ROUTE_ID = 'root';

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
        path: 'notes/:slug',
        loader: loadNoteBySlug,
        element: <NotePage />,
        errorElement: <RouteErrorPage />,
      },
      { path: '*', element: <NotFoundPage /> },
    ],
  },
];
