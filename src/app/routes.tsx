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
export const QUESTIONS_ROUTE_ID = 'questions';
export const STUDY_ROUTE_ID = 'study';
export const GLOSSARY_ROUTE_ID = 'glossary';
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
      {
        id: QUESTIONS_ROUTE_ID,
        path: 'questions',
        // The question browser and the custom-study form load only when opened, never with a note page.
        lazy: () =>
          import('./study/QuestionsPage.tsx').then((module) => ({
            Component: module.QuestionsPage,
            loader: module.questionsLoader,
          })),
        errorElement: <RouteErrorPage />,
      },
      {
        id: STUDY_ROUTE_ID,
        path: 'study',
        lazy: () =>
          import('./study/StudyPage.tsx').then((module) => ({
            Component: module.StudyPage,
            loader: module.studyLoader,
          })),
        errorElement: <RouteErrorPage />,
      },
      {
        id: GLOSSARY_ROUTE_ID,
        path: 'glossary',
        // Its own chunks: the page and every term's definition load only here.
        lazy: () =>
          import('./pages/GlossaryPage.tsx').then((module) => ({
            Component: module.GlossaryPage,
            loader: module.glossaryLoader,
          })),
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
