/**
 * Renders one route to HTML at build time (src/node/prerenderPlugin.ts
 * bundles this file for Node and calls `renderRoute` for every page).
 * Uses React Router's own static rendering: the same routes and loaders as in
 * the browser, so the prerendered page and the hydrated app cannot drift.
 */
import { StrictMode } from 'react';
import { prerender } from 'react-dom/static';
import { createStaticHandler, createStaticRouter, StaticRouterProvider } from 'react-router';
import type { Note, NoteMeta } from '../shared/note.ts';
import {
  glossaryHead,
  homeHead,
  notFoundHead,
  noteHead,
  questionsHead,
  reviewHead,
  statsHead,
  studyHead,
  tagHead,
  type PageHead,
} from '../shared/pageHead.ts';
import { preloadEmbeds } from './lazyEmbed.ts';
import type { TagPageData } from './noteData.ts';
import {
  GLOSSARY_ROUTE_ID,
  NOTE_ROUTE_ID,
  QUESTIONS_ROUTE_ID,
  REVIEW_ROUTE_ID,
  ROOT_ROUTE_ID,
  routes,
  STATS_ROUTE_ID,
  STUDY_ROUTE_ID,
  TAG_ROUTE_ID,
} from './routes.tsx';

export interface RenderedRoute {
  /** Markup for inside `<div id="root">`. */
  html: string;
  status: number;
  head: PageHead;
  notes: NoteMeta[];
  /**
   * Set when the page is HTML with islands, which no React app hydrates: a
   * note page (the note's slug; its quizzes and diagrams start one by one)
   * or the home page, a tag's page and the glossary (''; on the home page the
   * loader fills in stored progress, on the glossary the term cards switch).
   */
  islands?: string;
  /** What a failing loader threw, for the build's error message. */
  errors?: string[];
}

const basename = import.meta.env.BASE_URL.replace(/\/$/, '') || '/';
const handler = createStaticHandler(routes, { basename });

/** `path` includes the base path, e.g. `/study-notes/notes/uwsgi/`. */
export async function renderRoute(path: string): Promise<RenderedRoute> {
  const context = await handler.query(new Request(new URL(path, 'http://prerender.invalid')));
  if (context instanceof Response) throw new Error(`Route ${path} answered with a redirect (${context.status})`);
  const router = createStaticRouter(handler.dataRoutes, context);
  await preloadEmbeds();
  // `prerender` (unlike renderToString) waits for lazy components such as
  // diagrams, so their markup is in the page too.
  const { prelude } = await prerender(
    <StrictMode>
      <StaticRouterProvider router={router} context={context} hydrate={false} />
    </StrictMode>,
    // Never outline large Suspense boundaries: that streams them in with
    // inline scripts, which a static page with a strict CSP must not have.
    { progressiveChunkSize: Number.POSITIVE_INFINITY },
  );
  const html = await new Response(prelude).text();
  const note = context.loaderData[NOTE_ROUTE_ID] as Note | undefined;
  const tag = context.loaderData[TAG_ROUTE_ID] as TagPageData | undefined;
  const notes = (context.loaderData[ROOT_ROUTE_ID] as NoteMeta[] | undefined) ?? [];
  const leaf = context.matches.at(-1)?.route.id;
  // Pages with nothing for React to do beyond what the island loader does.
  const plain = context.matches.at(-1)?.route.index === true || leaf === TAG_ROUTE_ID || leaf === GLOSSARY_ROUTE_ID;
  const head =
    context.statusCode === 404
      ? notFoundHead()
      : note
        ? noteHead(note)
        : leaf === REVIEW_ROUTE_ID
          ? reviewHead()
          : leaf === STATS_ROUTE_ID
            ? statsHead()
            : leaf === QUESTIONS_ROUTE_ID
              ? questionsHead()
              : leaf === STUDY_ROUTE_ID
                ? studyHead()
                : leaf === GLOSSARY_ROUTE_ID
                  ? glossaryHead()
                  : tag
                    ? tagHead(tag.tag, tag.notes.length)
                    : homeHead();
  const errors = Object.values(context.errors ?? {}).map((error) =>
    error instanceof Error ? (error.stack ?? error.message) : JSON.stringify(error),
  );
  return {
    html,
    status: context.statusCode,
    head,
    notes,
    ...(context.statusCode !== 200 ? {} : note ? { islands: note.slug } : plain ? { islands: '' } : {}),
    ...(errors.length > 0 ? { errors } : {}),
  };
}
