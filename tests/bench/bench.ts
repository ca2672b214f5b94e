/**
 * `npm run bench`: prints build and page-weight figures. Nothing here asserts;
 * the figures go into issue notes and are compared by people.
 *
 * 1. Build the real site under /study-notes/ and time it.
 * 2. Load the home page and a note page cold in Chromium and sum what they
 *    fetch, by kind (JS, CSS, fonts, HTML), raw and gzip.
 * 3. Generate 1,000 synthetic notes into a temporary content folder, build
 *    again, and show how build time and first-page JS grow.
 */
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { gzipSync } from 'node:zlib';
import { build } from 'vite';
import { launchBrowser } from '../browser/launchBrowser.ts';
import { startPagesServer } from '../browser/pagesServer.ts';
import { runLighthouse } from './lighthouse.ts';
import { syntheticNote } from './syntheticNote.ts';

const BASE = '/study-notes/';

interface Weight {
  requests: number;
  raw: number;
  gzip: number;
}
type Kind = 'js' | 'css' | 'font' | 'html' | 'other';

async function buildSite(contentDir: string, outDir: string): Promise<number> {
  process.env.BASE_PATH = BASE;
  process.env.NODE_ENV = 'production';
  process.env.CONTENT_DIR = contentDir;
  const start = performance.now();
  await build({ configFile: path.resolve('vite.config.ts'), logLevel: 'error', build: { outDir, emptyOutDir: true } });
  return performance.now() - start;
}

/** What a cold load of `route` fetches, measured from the files served (raw) and their gzip size. */
async function pageWeight(outDir: string, route: string): Promise<Record<Kind, Weight> & { scripts: string[] }> {
  const { server, origin } = await startPagesServer(outDir, BASE);
  const browser = await launchBrowser();
  const urls: string[] = [];
  try {
    const context = await browser.newContext({ viewport: { width: 390, height: 844 } });
    const page = await context.newPage();
    page.on('response', (response) => urls.push(response.url()));
    await page.goto(`${origin}${BASE}${route}`, { waitUntil: 'networkidle' });
    await page.locator('main h1').waitFor();
    await context.close();
  } finally {
    await browser.close();
    server.close();
  }
  const scripts: string[] = [];
  const totals: Record<Kind, Weight> & { scripts: string[] } = {
    scripts,
    js: { requests: 0, raw: 0, gzip: 0 },
    css: { requests: 0, raw: 0, gzip: 0 },
    font: { requests: 0, raw: 0, gzip: 0 },
    html: { requests: 0, raw: 0, gzip: 0 },
    other: { requests: 0, raw: 0, gzip: 0 },
  };
  for (const url of urls) {
    let relative = decodeURIComponent(new URL(url).pathname.slice(BASE.length));
    if (relative === '' || relative.endsWith('/')) relative += 'index.html';
    const bytes = await readFile(path.join(outDir, relative)).catch(() => undefined);
    if (!bytes) continue;
    const kind: Kind = relative.endsWith('.js')
      ? 'js'
      : relative.endsWith('.css')
        ? 'css'
        : relative.endsWith('.woff2')
          ? 'font'
          : relative.endsWith('.html')
            ? 'html'
            : 'other';
    totals[kind].requests += 1;
    totals[kind].raw += bytes.length;
    // Fonts are already compressed; servers send woff2 as is.
    const gzip = kind === 'font' ? bytes.length : gzipSync(bytes, { level: 9 }).length;
    totals[kind].gzip += gzip;
    if (kind === 'js') scripts.push(`${path.basename(relative)} ${kb(bytes.length)} raw, ${kb(gzip)} gzip`);
  }
  return totals;
}

const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} KiB`;
const seconds = (ms: number) => `${(ms / 1000).toFixed(2)} s`;

function printWeight(title: string, weight: Record<Kind, Weight> & { scripts: string[] }): void {
  console.log(`\n${title}`);
  for (const [kind, w] of Object.entries(weight)) {
    if (kind === 'scripts' || !('requests' in w) || w.requests === 0) continue;
    console.log(
      `  ${kind.padEnd(5)} ${String(w.requests).padStart(3)} req  ${kb(w.raw).padStart(10)} raw  ${kb(w.gzip).padStart(10)} gzip`,
    );
  }
}

const work = await mkdtemp(path.join(tmpdir(), 'study-notes-bench-'));
try {
  const realOut = path.join(work, 'dist-real');
  const realBuild = await buildSite(path.resolve('content'), realOut);
  console.log(`Build, 5 real notes: ${seconds(realBuild)}`);
  const noteWeight = await pageWeight(realOut, 'notes/https-ssl/');
  printWeight('Cold load of /study-notes/notes/https-ssl/ (390 px):', noteWeight);
  printWeight('Cold load of /study-notes/ (home, 390 px):', await pageWeight(realOut, ''));

  {
    const { server, origin } = await startPagesServer(realOut, BASE);
    try {
      const route = 'notes/https-ssl/';
      const figures = await runLighthouse(`${origin}${BASE}${route}`);
      console.log(`\nLighthouse 12, mobile profile, cold load of ${BASE}${route}:`);
      console.log(
        `  scores: ${Object.entries(figures.scores)
          .map(([id, score]) => `${id} ${score}`)
          .join(', ')}`,
      );
      console.log(
        `  LCP ${(figures.lcpMs / 1000).toFixed(2)} s, TBT ${Math.round(figures.tbtMs)} ms, CLS ${figures.cls.toFixed(3)}`,
      );
      for (const [type, entry] of Object.entries(figures.transfer)) {
        console.log(
          `  ${type.padEnd(11)} ${String(entry.requests).padStart(3)} req ${kb(entry.bytes).padStart(10)} transferred`,
        );
      }
    } finally {
      server.close();
    }
  }

  const syntheticDir = path.join(work, 'content-1000');
  await import('node:fs/promises').then((fs) => fs.mkdir(syntheticDir));
  for (let i = 1; i <= 1000; i++) {
    await writeFile(path.join(syntheticDir, `note-${String(i).padStart(4, '0')}.md`), syntheticNote(i, 1000));
  }
  const bigOut = path.join(work, 'dist-1000');
  const bigBuild = await buildSite(syntheticDir, bigOut);
  const bigWeight = await pageWeight(bigOut, 'notes/note-0500/');
  console.log(`\nBuild, 1,000 synthetic notes: ${seconds(bigBuild)} (${(bigBuild / 1000).toFixed(1)} ms per note)`);
  printWeight('Cold load of /study-notes/notes/note-0500/ with 1,000 notes (390 px):', bigWeight);

  console.log('\nGrowth from 5 to 1,000 notes (note page, JS):');
  console.log(
    `  JS gzip ${kb(noteWeight.js.gzip)} → ${kb(bigWeight.js.gzip)}; JS requests ${noteWeight.js.requests} → ${bigWeight.js.requests}`,
  );
} finally {
  await rm(work, { recursive: true, force: true });
}
