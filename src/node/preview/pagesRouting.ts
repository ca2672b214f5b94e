import { existsSync, statSync } from 'node:fs';
import path from 'node:path';

/** What GitHub Pages answers for one request path. */
export type PagesAnswer =
  | { kind: 'file'; file: string }
  | { kind: 'redirect'; location: string }
  | { kind: 'not-found'; file: string | undefined };

/**
 * Answers a request the way GitHub Pages serves a project site from `root`
 * under `base`: a file as is, `dir/` → `dir/index.html`, `dir` → 301 to
 * `dir/` (keeping the query), and `404.html` for anything else. No rewrites:
 * a page that only works through a client-side fallback is a 404 here too.
 * Used by `npm run preview` (pagesPreviewPlugin.ts) and the browser tests'
 * server, so both behave like the published site.
 */
export function answerPagesRequest(root: string, base: string, pathname: string, search = ''): PagesAnswer {
  const notFoundPage = path.join(root, '404.html');
  const notFound: PagesAnswer = { kind: 'not-found', file: existsSync(notFoundPage) ? notFoundPage : undefined };
  // `/study-notes` is the site's folder without its slash.
  if (`${pathname}/` === base) return { kind: 'redirect', location: `${base}${search}` };
  if (!pathname.startsWith(base)) return notFound;
  let relative: string;
  try {
    relative = decodeURIComponent(pathname.slice(base.length));
  } catch {
    return notFound;
  }
  const file = path.join(root, relative);
  if (file !== root && !file.startsWith(root + path.sep)) return notFound;
  if (!existsSync(file)) return notFound;
  if (statSync(file).isDirectory()) {
    if (!pathname.endsWith('/')) return { kind: 'redirect', location: `${pathname}/${search}` };
    const index = path.join(file, 'index.html');
    return existsSync(index) ? { kind: 'file', file: index } : notFound;
  }
  return { kind: 'file', file };
}
