import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { build, type Plugin, type ResolvedConfig } from 'vite';
import type { NoteMeta } from '../shared/note.ts';
import type { PageHead } from '../shared/pageHead.ts';
import { SITE_NAME } from '../shared/pageHead.ts';
import { allTags, notePath, tagPath } from '../shared/routes.ts';
import { sleepQuizControls } from './islands/sleepControls.ts';
import { ContentError, NOTES_PLUGIN_NAME, type NotesPluginApi } from './notesPlugin.ts';
import { MAX_PRECACHE_FILE_BYTES, noteSizeProblems, type NoteFile } from './pwa/noteSizeLimit.ts';

/** Set while the nested server build runs, so it does not prerender itself. */
export const SSR_BUILD_ENV = 'STUDY_NOTES_SSR_BUILD';

export interface PrerenderOptions {
  /**
   * Public URL of the site including the base path, e.g.
   * `https://me.github.io/study-notes/`. Needed for canonical links, Open
   * Graph URLs and sitemap.xml, which must be absolute; without it those are
   * left out (with a warning) rather than guessed.
   */
  siteUrl?: string | undefined;
  /**
   * The service worker's per-file precache limit (default
   * `MAX_PRECACHE_FILE_BYTES`): a note page over it fails the build with the
   * note's file and place.
   */
  maxFileBytes?: number;
}

interface RenderedRoute {
  html: string;
  status: number;
  head: PageHead;
  notes: NoteMeta[];
  /** Set on island pages (a note's slug, '' on the home page), written as `#root[data-islands]` for the island loader. */
  islands?: string;
  errors?: string[];
}

/**
 * Writes a real HTML file for every route after the client build: home, each
 * note, and 404.html, so pages are readable without JavaScript, paint before
 * any script runs, and work as deep links on GitHub Pages (no rewrites).
 *
 * The app's own routes and loaders render them (src/app/entryServer.tsx,
 * bundled for Node by a nested Vite build), so the markup is exactly what
 * React hydrates. Each page gets its title, description, canonical URL, Open
 * Graph tags and a Content-Security-Policy that allows only this origin (plus
 * the hash of the inline theme script). Runs in `writeBundle`, before
 * vite-plugin-pwa lists the files to precache in `closeBundle`. A failure
 * fails the build; `npm run build` then leaves the published `dist/` as it
 * was (src/node/buildSite.ts).
 */
export function prerenderPlugin(options: PrerenderOptions = {}): Plugin {
  let config: ResolvedConfig;
  return {
    name: 'study-notes:prerender',
    apply: 'build',
    configResolved(resolved) {
      config = resolved;
    },
    async writeBundle() {
      if (config.build.ssr || process.env[SSR_BUILD_ENV]) return;
      await prerender(config, path.resolve(config.root, config.build.outDir), options);
    },
  };
}

async function prerender(config: ResolvedConfig, outDir: string, options: PrerenderOptions): Promise<void> {
  // A fresh folder per build, so builds running side by side (tests, bench)
  // never share one; inside node_modules so the bundle's imports resolve.
  const tmpRoot = path.resolve(config.root, 'node_modules/.tmp');
  await mkdir(tmpRoot, { recursive: true });
  const serverDir = await mkdtemp(path.join(tmpRoot, 'study-notes-prerender-'));
  process.env[SSR_BUILD_ENV] = '1';
  try {
    await build({
      configFile: config.configFile,
      // As the build that runs this one loaded it (buildSite.ts), or Vite's default.
      configLoader: config.inlineConfig.configLoader,
      root: config.root,
      mode: config.mode,
      logLevel: 'warn',
      build: {
        ssr: path.resolve(config.root, 'src/app/entryServer.tsx'),
        outDir: serverDir,
        emptyOutDir: true,
        copyPublicDir: false,
        minify: false,
        // As in vite.config.ts, said again here: a busy machine's test run
        // printed the "slowest callbacks" notice for a build of about 3 s.
        rolldownOptions: { checks: { bundlerTimings: false } },
      },
    });
  } finally {
    delete process.env[SSR_BUILD_ENV];
  }
  // A fresh URL per build: Node caches modules by URL, and one process may
  // build several times (tests, the bench).
  const entry = `${pathToFileURL(path.join(serverDir, 'entryServer.js')).href}?build=${Date.now()}`;
  const { renderRoute } = (await import(entry)) as { renderRoute: (path: string) => Promise<RenderedRoute> };

  const template = await readFile(path.join(outDir, 'index.html'), 'utf8');
  const base = config.base;
  const siteUrl = options.siteUrl ? options.siteUrl.replace(/\/?$/, '/') : undefined;
  if (!siteUrl) {
    config.logger.warn(
      'study-notes: SITE_URL is not set, so canonical links, og:url and sitemap.xml are left out (set it to the public URL, e.g. https://me.github.io/study-notes/)',
    );
  }

  const home = await renderRoute(base);
  const pages: { route: string; file: string; rendered: RenderedRoute }[] = [
    { route: base, file: 'index.html', rendered: home },
  ];
  for (const note of home.notes) {
    const route = `${base}${notePath(note.slug).slice(1)}`;
    pages.push({ route, file: `${notePath(note.slug).slice(1)}index.html`, rendered: await renderRoute(route) });
  }
  // One page per tag, listing the notes with it (the tags on every note link there).
  for (const tag of allTags(home.notes)) {
    const relative = tagPath(tag).slice(1);
    pages.push({
      route: `${base}${relative}`,
      file: `${decodeURIComponent(relative)}index.html`,
      rendered: await renderRoute(`${base}${relative}`),
    });
  }
  // App pages: their frame and headings are prerendered; progress fills in after hydration.
  for (const page of ['review', 'stats', 'questions', 'study', 'glossary']) {
    pages.push({
      route: `${base}${page}/`,
      file: `${page}/index.html`,
      rendered: await renderRoute(`${base}${page}/`),
    });
  }
  pages.push({ route: `${base}404/`, file: '404.html', rendered: await renderRoute(`${base}404/`) });

  const filled = pages.map((page) => {
    const expected = page.file === '404.html' ? 404 : 200;
    if (page.rendered.status !== expected) {
      const detail = page.rendered.errors?.join('\n') ?? '';
      throw new Error(`Prerendering ${page.route} answered ${page.rendered.status}, expected ${expected}\n${detail}`);
    }
    const canonical = siteUrl && page.file !== '404.html' ? siteUrl + page.route.slice(base.length) : undefined;
    return { file: page.file, html: fillTemplate(template, page.rendered, page.route, canonical) };
  });
  await checkNotePageSizes(config, filled, options.maxFileBytes ?? MAX_PRECACHE_FILE_BYTES);
  for (const { file, html } of filled) {
    const target = path.join(outDir, file);
    await mkdir(path.dirname(target), { recursive: true });
    await writeFile(target, html);
  }

  await writeFile(
    path.join(outDir, 'robots.txt'),
    `User-agent: *\nAllow: /\n${siteUrl ? `Sitemap: ${siteUrl}sitemap.xml\n` : ''}`,
  );
  if (siteUrl) {
    const updated = new Map(home.notes.map((note) => [notePath(note.slug), note.updated]));
    const urls = pages
      .filter(
        (page) =>
          page.file === 'index.html' ||
          page.file.startsWith('notes/') ||
          page.file.startsWith('glossary/') ||
          page.file.startsWith('tags/'),
      )
      .map((page) => {
        const relative = page.route.slice(base.length);
        const lastmod = updated.get(`/${relative}`);
        return `  <url><loc>${escapeXml(siteUrl + relative)}</loc>${lastmod ? `<lastmod>${lastmod}</lastmod>` : ''}</url>`;
      });
    await writeFile(
      path.join(outDir, 'sitemap.xml'),
      `<?xml version="1.0" encoding="UTF-8"?>\n<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">\n${urls.join('\n')}\n</urlset>\n`,
    );
  }
  if (!existsSync(path.join(outDir, '404.html'))) throw new Error('404.html was not written');
  await rm(serverDir, { recursive: true, force: true });
}

/**
 * Fails the build, naming the note and its largest block, when a note page is
 * too large for the service worker to precache. Checked before any page is
 * written: vite-plugin-pwa's own check runs in `closeBundle`, which Vite runs
 * even after this failure, and its error (naming only the output file) would
 * replace ours if the page were on disk. Data chunks are checked by
 * notesPlugin in `generateBundle`, for the same reason.
 */
async function checkNotePageSizes(
  config: ResolvedConfig,
  pages: readonly { file: string; html: string }[],
  limitBytes: number,
): Promise<void> {
  const api = config.plugins.find((plugin) => plugin.name === NOTES_PLUGIN_NAME)?.api as NotesPluginApi | undefined;
  if (!api) return;
  const { notes } = await api.getCollection();
  const files: NoteFile[] = notes.flatMap(({ note }) => {
    const file = `${notePath(note.slug).slice(1)}index.html`;
    const page = pages.find((candidate) => candidate.file === file);
    return page ? [{ slug: note.slug, file, bytes: Buffer.byteLength(page.html) }] : [];
  });
  const problems = noteSizeProblems(files, notes, limitBytes);
  if (problems.length > 0) throw ContentError.of(problems);
}

/** Puts the rendered app and its head into index.html (markers `<!--app-head-->` and `<!--app-html-->`). */
function fillTemplate(template: string, rendered: RenderedRoute, route: string, canonical: string | undefined): string {
  if (!template.includes('<!--app-head-->') || !template.includes('<!--app-html-->')) {
    throw new Error('index.html must contain <!--app-head--> and <!--app-html--> markers');
  }
  const { title, description } = rendered.head;
  const head = [
    `<title>${escapeHtml(title)}</title>`,
    `<meta name="description" content="${escapeHtml(description)}" />`,
    canonical ? `<link rel="canonical" href="${escapeHtml(canonical)}" />` : '',
    `<meta property="og:type" content="${route.includes('/notes/') ? 'article' : 'website'}" />`,
    `<meta property="og:site_name" content="${escapeHtml(SITE_NAME)}" />`,
    `<meta property="og:locale" content="ko_KR" />`,
    `<meta property="og:title" content="${escapeHtml(title)}" />`,
    `<meta property="og:description" content="${escapeHtml(description)}" />`,
    canonical ? `<meta property="og:url" content="${escapeHtml(canonical)}" />` : '',
    `<meta name="twitter:card" content="summary" />`,
    `<meta http-equiv="Content-Security-Policy" content="${contentSecurityPolicy(template)}" />`,
  ]
    .filter(Boolean)
    .join('\n    ');
  return template.replace('<!--app-head-->', head).replace(
    '<div id="root"><!--app-html--></div>',
    // An island page's questions are prerendered with their fields asleep; the loader wakes them.
    `<div id="root" data-route="${escapeHtml(route)}"${rendered.islands !== undefined ? ` data-islands="${escapeHtml(rendered.islands)}"` : ''}>${rendered.islands !== undefined ? sleepQuizControls(rendered.html) : rendered.html}</div>`,
  );
}

/**
 * Only this origin, nothing inline but the theme script (by hash).
 * `data:` images are the callout icons in CSS masks. `frame-ancestors` cannot
 * be set from a `<meta>` tag; GitHub Pages sends no CSP header of its own.
 */
function contentSecurityPolicy(template: string): string {
  const hashes = [...template.matchAll(/<script>([\s\S]*?)<\/script>/g)].map(
    (match) =>
      `'sha256-${createHash('sha256')
        .update(match[1] ?? '')
        .digest('base64')}'`,
  );
  return [
    "default-src 'self'",
    `script-src 'self' ${hashes.join(' ')}`.trim(),
    "style-src 'self'",
    "img-src 'self' data:",
    "font-src 'self'",
    "connect-src 'self'",
    "manifest-src 'self'",
    "worker-src 'self'",
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
  ].join('; ');
}

function escapeHtml(value: string): string {
  return value.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

function escapeXml(value: string): string {
  return escapeHtml(value).replace(/'/g, '&apos;');
}
