import { createReadStream } from 'node:fs';
import { createServer, type Server } from 'node:http';
import path from 'node:path';
import { createGzip } from 'node:zlib';
import { answerPagesRequest } from '../../src/node/preview/pagesRouting.ts';

const types: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.woff2': 'font/woff2',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.txt': 'text/plain; charset=utf-8',
  '.xml': 'application/xml; charset=utf-8',
  '.webmanifest': 'application/manifest+json',
};

/**
 * Serves a built `dist/` the way GitHub Pages serves a project site
 * (src/node/preview/pagesRouting.ts, which `npm run preview` uses too), with
 * gzip for text and GitHub's cache header.
 */
export function startPagesServer(distDir: string, base: string, port = 0): Promise<{ server: Server; origin: string }> {
  const root = path.resolve(distDir);
  const server = createServer((request, response) => {
    const url = new URL(request.url ?? '/', 'http://localhost');
    const send = (file: string, status = 200) => {
      const type = types[path.extname(file)] ?? 'application/octet-stream';
      // Like GitHub Pages: text is gzipped when the client accepts it, and
      // everything may be cached for ten minutes.
      const gzip =
        !type.startsWith('font/') &&
        !type.startsWith('image/png') &&
        /\bgzip\b/.test(String(request.headers['accept-encoding']));
      response.writeHead(status, {
        'content-type': type,
        'cache-control': 'max-age=600',
        ...(gzip ? { 'content-encoding': 'gzip', vary: 'Accept-Encoding' } : {}),
      });
      const stream = createReadStream(file);
      if (gzip) stream.pipe(createGzip()).pipe(response);
      else stream.pipe(response);
    };
    const answer = answerPagesRequest(root, base, url.pathname, url.search);
    if (answer.kind === 'file') return send(answer.file);
    if (answer.kind === 'redirect') {
      response.writeHead(301, { location: answer.location }).end();
      return;
    }
    if (answer.file) return send(answer.file, 404);
    response.writeHead(404).end('Not found');
  });
  return new Promise((resolve) => {
    server.listen(port, '127.0.0.1', () => {
      const address = server.address();
      const actualPort = typeof address === 'object' && address ? address.port : port;
      resolve({ server, origin: `http://127.0.0.1:${actualPort}` });
    });
  });
}
