import { createReadStream, existsSync, statSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import path from 'node:path';
import { createGzip } from 'node:zlib';

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
 * Serves a built `dist/` the way GitHub Pages serves a project site: under a
 * base path, `dir/` → `dir/index.html`, `dir` → 301 to `dir/`, and
 * `404.html` with status 404 for anything else, gzip for text. No rewrites, so a route
 * that only works through client-side fallback shows up as a 404.
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
    const notFound = () => {
      const page = path.join(root, '404.html');
      if (existsSync(page)) send(page, 404);
      else response.writeHead(404).end('Not found');
    };
    if (!url.pathname.startsWith(base)) return notFound();
    let relative: string;
    try {
      relative = decodeURIComponent(url.pathname.slice(base.length));
    } catch {
      return notFound();
    }
    const file = path.join(root, relative);
    if (!file.startsWith(root)) return notFound();
    if (existsSync(file) && statSync(file).isDirectory()) {
      if (!url.pathname.endsWith('/')) {
        response.writeHead(301, { location: `${url.pathname}/${url.search}` }).end();
        return;
      }
      const index = path.join(file, 'index.html');
      return existsSync(index) ? send(index) : notFound();
    }
    if (existsSync(file)) return send(file);
    return notFound();
  });
  return new Promise((resolve) => {
    server.listen(port, '127.0.0.1', () => {
      const address = server.address();
      const actualPort = typeof address === 'object' && address ? address.port : port;
      resolve({ server, origin: `http://127.0.0.1:${actualPort}` });
    });
  });
}
