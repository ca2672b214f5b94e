import { readFile } from 'node:fs/promises';
import path from 'node:path';
import type { Plugin } from 'vite';
import { answerPagesRequest } from './pagesRouting.ts';

/**
 * Makes `npm run preview` answer like GitHub Pages (pagesRouting.ts): an
 * unknown URL gets 404.html with status 404 instead of Vite's index.html
 * fallback, and `/notes/x` redirects to `/notes/x/`. Files are still served
 * by Vite's own static handler, with its headers.
 */
export function pagesPreviewPlugin(): Plugin {
  return {
    name: 'study-notes:pages-preview',
    configurePreviewServer(server) {
      const { config } = server;
      const root = path.resolve(config.root, config.build.outDir);
      // Added here (not in a returned hook), so it runs before Vite strips the base.
      server.middlewares.use((request, response, next) => {
        if (request.method !== 'GET' && request.method !== 'HEAD') return next();
        const url = new URL(request.url ?? '/', 'http://localhost');
        const answer = answerPagesRequest(root, config.base, url.pathname, url.search);
        if (answer.kind === 'file') return next();
        if (answer.kind === 'redirect') {
          response.writeHead(301, { location: answer.location }).end();
          return;
        }
        if (!answer.file) {
          response.writeHead(404, { 'content-type': 'text/plain; charset=utf-8' }).end('Not found');
          return;
        }
        readFile(answer.file).then(
          (html) => {
            response.writeHead(404, { 'content-type': 'text/html; charset=utf-8' });
            response.end(request.method === 'HEAD' ? undefined : html);
          },
          (error: unknown) => next(error),
        );
      });
    },
  };
}
