/**
 * `npm run bench`: prints build and page-weight figures. Nothing here asserts;
 * the figures go into issue notes and are compared by people.
 *
 * 1. Build the real site under /study-notes/ and time it.
 * 2. Load the home page and a note page cold in Chromium and sum what they
 *    fetch, by kind (JS, CSS, fonts, HTML), raw and gzip; Lighthouse on the
 *    note page, and its first paint observed under real throttling.
 * 3. Generate 1,000 synthetic notes into a temporary content folder, build
 *    again, and show how build time and first-page JS grow.
 * 3b. The question browser (questionsBench.ts) and /stats/ (statsBench.ts): time
 *    to ready over those notes (10 questions each), 10,000 cards and 100,000 answers.
 * 4. Search: bytes of the index chunk for both builds, and the time to load
 *    the 1,000-note index and answer queries (median and p95).
 * 4b. Usable at first paint (islandsBench.ts): taps under 4× CPU, JS fetched,
 *    Lighthouse TBT, beside a baseline build when BENCH_BASELINE_DIST is set.
 * 5. Diagrams: bytes of diagram code (script and stylesheet) each page loads,
 *    and the build time the twelve diagrams add (pipeline and whole build).
 *
 * First, issue 16's goals (pageGoals.ts): every note's HTML gzip, the build
 * beside VitePress's, and Lighthouse (median of `BENCH_LIGHTHOUSE_RUNS`, default
 * 5) on every note page and home, beside the baseline and the Starlight and
 * VitePress anchors when they are built (`BENCH_ANCHORS_DIR`).
 */
import { execFileSync } from 'node:child_process';
import { copyFile, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { gzipSync } from 'node:zlib';
import { build } from 'vite';
import { createSectionSearch } from '../../src/app/search/searchSections.ts';
import type { SearchData } from '../../src/shared/search/searchData.ts';
import { launchBrowser } from '../browser/launchBrowser.ts';
import { startPagesServer } from '../browser/pagesServer.ts';
import { runLighthouseMedian } from './lighthouse.ts';
import { printPageGoals } from './pageGoals.ts';
import { observePaint } from './observedPaint.ts';
import { islandsFigures } from './islandsBench.ts';
import { printSearchFigures } from './searchBench.ts';
import { benchDueQueue } from './quizBench.ts';
import { syntheticNote } from './syntheticNote.ts';
import { printDeckSizes, printStatsBench } from './statsBench.ts';

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
  // As `npm run build` loads it (src/node/buildSite.ts): imported by Node under tsx, not bundled.
  await build({
    configFile: path.resolve('vite.config.ts'),
    configLoader: 'native',
    logLevel: 'error',
    build: { outDir, emptyOutDir: true },
  });
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

/**
 * A first visit paints in the system's Korean font (src/app/styles/tokens.css). On a
 * machine without one, Chromium searches every installed font for each Hangul
 * syllable while it lays the page out, and draws boxes: the parse of a long note
 * took twice as long, so the figures would describe no reader's phone.
 */
function warnWithoutKoreanFont(): void {
  let families = '';
  try {
    families = execFileSync('fc-list', [':lang=ko', 'family'], { encoding: 'utf8' });
  } catch {
    return; // not fontconfig (not Linux): the system has its own Korean font
  }
  if (!families.trim())
    console.log(
      "Warning: no Korean system font (fc-list :lang=ko is empty); install fonts-noto-cjk, as .ci/run does, or the page figures are not a phone's.",
    );
}

warnWithoutKoreanFont();
const work = await mkdtemp(path.join(tmpdir(), 'study-notes-bench-'));
try {
  const realOut = path.join(work, 'dist-real');
  const realBuild = await buildSite(path.resolve('content'), realOut);
  console.log(`Build, 5 real notes (inside this process, without start-up): ${seconds(realBuild)}`);
  await printPageGoals({
    today: realOut,
    baseline: process.env.BENCH_BASELINE_DIST ? path.resolve(process.env.BENCH_BASELINE_DIST) : undefined,
    lighthouseRuns: Number(process.env.BENCH_LIGHTHOUSE_RUNS ?? 5),
  });
  if (process.env.BENCH_ONLY_GOALS === '1') {
    await rm(work, { recursive: true, force: true });
    process.exit(0);
  }
  const noteWeight = await pageWeight(realOut, 'notes/https-ssl/');
  printWeight('Cold load of /study-notes/notes/https-ssl/ (390 px):', noteWeight);
  printWeight('Cold load of /study-notes/ (home, 390 px):', await pageWeight(realOut, ''));

  {
    const { server, origin } = await startPagesServer(realOut, BASE);
    try {
      const route = 'notes/https-ssl/';
      const figures = await runLighthouseMedian(`${origin}${BASE}${route}`, 3);
      console.log(`\nLighthouse 12, mobile profile, cold load of ${BASE}${route} (median of 3 runs by LCP):`);
      console.log(
        `  scores: ${Object.entries(figures.scores)
          .map(([id, score]) => `${id} ${score}`)
          .join(', ')}`,
      );
      console.log(
        `  LCP ${(figures.lcpMs / 1000).toFixed(2)} s (runs: ${figures.lcpRangeMs.map((ms) => (ms / 1000).toFixed(2)).join('–')} s), TBT ${Math.round(figures.tbtMs)} ms, CLS ${figures.cls.toFixed(3)}`,
      );
      for (const [type, entry] of Object.entries(figures.transfer)) {
        console.log(
          `  ${type.padEnd(11)} ${String(entry.requests).padStart(3)} req ${kb(entry.bytes).padStart(10)} transferred`,
        );
      }

      const observed = await observePaint(`${origin}${BASE}${route}`, 5);
      const ms = (values: number[]) =>
        `${(
          percentile(
            [...values].sort((a, b) => a - b),
            0.5,
          ) / 1000
        ).toFixed(2)} s`;
      console.log(
        `\nObserved under real throttling (4x CPU, 1.6 Mbit/s, 150 ms; 390 px; median of 5), ${BASE}${route}:`,
      );
      console.log(
        `  CSS and font arrived ${ms(observed.criticalDoneMs)}, first paint ${ms(observed.fcpMs)}, LCP ${ms(observed.lcpMs)} (runs: ${observed.lcpMs.map((value) => (value / 1000).toFixed(2)).join(', ')} s)`,
      );
    } finally {
      server.close();
    }
  }

  // Set BENCH_BASELINE_DIST to another /study-notes/ build (say, of main) to see the two side by side.
  await islandsFigures(
    [
      { label: 'today', dir: realOut },
      ...(process.env.BENCH_BASELINE_DIST
        ? [{ label: 'baseline', dir: path.resolve(process.env.BENCH_BASELINE_DIST) }]
        : []),
    ],
    ['notes/https-ssl/', 'notes/nginx-wsgi/'],
  );

  printWeight('Cold load of /study-notes/review/ (390 px):', await pageWeight(realOut, 'review/'));
  {
    const queue = benchDueQueue();
    console.log(
      `\nDue queue over 10,000 stored cards: median ${queue.median.toFixed(2)} ms, p95 ${queue.p95.toFixed(2)} ms (${queue.queued} queued)`,
    );
  }
  await (await import('./storageBench.ts')).printStorageBench();

  const syntheticDir = path.join(work, 'content-1000');
  await import('node:fs/promises').then((fs) => fs.mkdir(syntheticDir));
  for (let i = 1; i <= 1000; i++) {
    // Ten questions each, of every type (issues 20 and 21): the question browser and /stats/
    // are measured with 10,000 cards of these notes.
    await writeFile(
      path.join(syntheticDir, `note-${String(i).padStart(4, '0')}.md`),
      syntheticNote(i, 1000, { questions: 10 }),
    );
  }
  const bigOut = path.join(work, 'dist-1000');
  const bigBuild = await buildSite(syntheticDir, bigOut);
  const bigWeight = await pageWeight(bigOut, 'notes/note-0500/');
  console.log(`\nBuild, 1,000 synthetic notes: ${seconds(bigBuild)} (${(bigBuild / 1000).toFixed(1)} ms per note)`);
  printWeight('Cold load of /study-notes/notes/note-0500/ with 1,000 notes (390 px):', bigWeight);

  // A learner's progress over these notes' 10,000 questions (the same build: no second one).
  await (await import('./questionsBench.ts')).printQuestionsFigures(bigOut);

  console.log('\nGrowth from 5 to 1,000 notes (note page, JS):');
  console.log(
    `  JS gzip ${kb(noteWeight.js.gzip)} → ${kb(bigWeight.js.gzip)}; JS requests ${noteWeight.js.requests} → ${bigWeight.js.requests}`,
  );

  console.log('\nService worker precache (what a first visit downloads for offline use):');
  for (const [label, outDir] of [
    ['5 real notes', realOut],
    ['1,000 synthetic notes', bigOut],
  ] as const) {
    const precache = await precacheSize(outDir);
    console.log(
      `  ${label.padEnd(22)} ${String(precache.entries).padStart(5)} files ${kb(precache.bytes).padStart(12)}`,
    );
  }

  console.log('\nAnki decks (.apkg, precached):');
  await printDeckSizes('5 real notes', realOut);
  await printDeckSizes('1,000 synthetic notes', bigOut);
  await printStatsBench(bigOut, BASE);

  await searchFigures(realOut, bigOut);
  await printSearchFigures(
    [
      { label: 'today', dir: realOut },
      ...(process.env.BENCH_BASELINE_DIST
        ? [{ label: 'baseline', dir: path.resolve(process.env.BENCH_BASELINE_DIST) }]
        : []),
    ],
    BASE,
    process.env.BENCH_BASELINE_SRC,
  );
  await diagramFigures(work, realOut, bigOut);
} finally {
  await rm(work, { recursive: true, force: true });
}

/** The value of a chunk's first `JSON.parse("…")` (how the search plugin writes its data). */
function jsonOf<T>(source: string): T {
  const literal = /JSON\.parse\(("(?:[^"\\]|\\.)*")\)/.exec(source)?.[1];
  if (!literal) throw new Error('no JSON.parse literal in the chunk');
  return JSON.parse(JSON.parse(literal) as string) as T;
}

/** Files and bytes listed in the service worker's precache manifest. */
async function precacheSize(outDir: string): Promise<{ entries: number; bytes: number }> {
  const worker = await readFile(path.join(outDir, 'sw.js'), 'utf8');
  const urls = [...worker.matchAll(/url:"([^"]+)"/g)].map((match) => match[1] as string);
  let bytes = 0;
  for (const url of urls) bytes += (await readFile(path.join(outDir, url)).catch(() => Buffer.alloc(0))).length;
  return { entries: urls.length, bytes };
}

/** The built chunk that holds the search index (only it contains MiniSearch's serialized form). */
async function searchIndexChunk(outDir: string): Promise<string> {
  const assets = path.join(outDir, 'assets');
  for (const name of await readdir(assets)) {
    if (!name.endsWith('.js')) continue;
    if ((await readFile(path.join(assets, name), 'utf8')).includes('serializationVersion'))
      return path.join(assets, name);
  }
  throw new Error(`no search index chunk in ${assets}`);
}

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((sorted.length - 1) * p))] ?? 0;
}

async function searchFigures(realOut: string, bigOut: string): Promise<void> {
  /** Queries a learner might type, including half-typed words, synonyms and bad input. */
  const SEARCH_QUERIES = [
    ...['정규화', '정규화를', '정규', '핸드셰이크', '핸드쉐이크', '소켓', '소켓으로', '가상 서버', '합성 노트'],
    ...['노트 500', 'ALLOWED_HOSTS', 'allowed hosts', 'uwsgi_pass', 'chmod-socket', 'nginx', 'echo', 'P-500'],
    ...['주문번호 수량', '측정 규모', '없는낱말', '정', 'a', '!!!', '.*+?^${}()|[]\\', '가'.repeat(10_000)],
  ];
  console.log('\nSearch index (one chunk, fetched the first time search opens):');
  let bigChunk = '';
  for (const [label, outDir] of [
    ['5 real notes', realOut],
    ['1,000 synthetic notes', bigOut],
  ] as const) {
    const file = await searchIndexChunk(outDir);
    const bytes = await readFile(file);
    console.log(
      `  ${label.padEnd(22)} ${kb(bytes.length).padStart(10)} raw ${kb(gzipSync(bytes, { level: 9 }).length).padStart(10)} gzip`,
    );
    bigChunk = file;
  }

  // The chunk imports the bundler's preload helper (and, on demand, each
  // note's text chunk): read the JSON out of each rather than run them.
  const source = await readFile(bigChunk, 'utf8');
  let started = performance.now();
  const data = jsonOf<SearchData>(source);
  const parseMs = performance.now() - started;
  const textChunks = [...source.matchAll(/import\(["']\.\/([^"']+\.js)["']\)/g)].map((match) => match[1] as string);
  const texts = await Promise.all(
    textChunks.map(async (name) => jsonOf<string[]>(await readFile(path.join(path.dirname(bigChunk), name), 'utf8'))),
  );
  started = performance.now();
  const search = createSectionSearch(data, (note) => texts[note] ?? []);
  await search.loadText(data.notes.map((note) => note.slug));
  const loadMs = performance.now() - started;
  console.log(
    `  1,000 notes: ${search.size} sections; JSON.parse ${parseMs.toFixed(0)} ms, MiniSearch.loadJS ${loadMs.toFixed(0)} ms (Node)`,
  );

  for (const query of SEARCH_QUERIES) search.search(query); // warm up the JIT
  const times: number[] = [];
  for (let round = 0; round < 20; round++) {
    for (const query of SEARCH_QUERIES) {
      const start = performance.now();
      search.search(query, { limit: 20 });
      times.push(performance.now() - start);
    }
  }
  times.sort((a, b) => a - b);
  console.log(
    `  query on 1,000 notes (${SEARCH_QUERIES.length} queries × 20, incl. snippets of the first 20 hits): ` +
      `median ${percentile(times, 0.5).toFixed(2)} ms, p95 ${percentile(times, 0.95).toFixed(2)} ms, max ${(times.at(-1) ?? 0).toFixed(2)} ms`,
  );
  const slowest = SEARCH_QUERIES.map((query) => {
    const start = performance.now();
    const outcome = search.search(query, { limit: 20 });
    return { query, ms: performance.now() - start, total: outcome.total };
  }).sort((a, b) => b.ms - a.ms);
  console.log(
    `  slowest: ${slowest
      .slice(0, 3)
      .map(({ query, ms, total }) => `“${query.slice(0, 12)}” ${ms.toFixed(1)} ms (${total} hits)`)
      .join(', ')}`,
  );
}

/** Diagram code a cold load of `route` fetches: the lazy DiagramView chunk and its stylesheet. */
async function diagramAssets(outDir: string, route: string): Promise<{ files: string[]; raw: number; gzip: number }> {
  const { server, origin } = await startPagesServer(outDir, BASE);
  const browser = await launchBrowser();
  const urls: string[] = [];
  try {
    const context = await browser.newContext({ viewport: { width: 390, height: 844 }, serviceWorkers: 'block' });
    const page = await context.newPage();
    page.on('response', (response) => urls.push(response.url()));
    await page.goto(`${origin}${BASE}${route}`, { waitUntil: 'networkidle' });
    await context.close();
  } finally {
    await browser.close();
    server.close();
  }
  const files = urls
    .map((url) => decodeURIComponent(new URL(url).pathname.slice(BASE.length)))
    .filter((file) => /^assets\/(DiagramView-[^/]+\.js|diagram-[^/]+\.css)$/.test(file));
  let raw = 0;
  let gzip = 0;
  for (const file of files) {
    const bytes = await readFile(path.join(outDir, file));
    raw += bytes.length;
    gzip += gzipSync(bytes, { level: 9 }).length;
  }
  return { files: files.map((file) => path.basename(file)), raw, gzip };
}

/** Median of `runs` timings of `task`, in ms. */
function medianMs(runs: number, task: () => void): number {
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const start = performance.now();
    task();
    times.push(performance.now() - start);
  }
  return percentile(
    times.sort((a, b) => a - b),
    0.5,
  );
}

async function diagramFigures(work: string, realOut: string, bigOut: string): Promise<void> {
  const { collectNotes } = await import('../../src/node/pipeline/collectNotes.ts');
  console.log('\nDiagrams (code loaded lazily, only on pages that have diagrams):');
  for (const [label, outDir, route] of [
    ['https-ssl (7 diagrams)', realOut, 'notes/https-ssl/'],
    ['normalization (2 tables diagrams)', realOut, 'notes/normalization/'],
    ['home (none)', realOut, ''],
    ['note-0500 of 1,000 synthetic (none)', bigOut, 'notes/note-0500/'],
  ] as const) {
    const loaded = await diagramAssets(outDir, route);
    console.log(
      `  ${label.padEnd(36)} ${String(loaded.files.length).padStart(2)} files ${kb(loaded.raw).padStart(10)} raw ${kb(loaded.gzip).padStart(10)} gzip`,
    );
  }

  // Build time the diagrams add: the same notes with every ```diagram block taken out.
  const names = (await readdir('content')).filter((name) => name.endsWith('.md'));
  const withDiagrams = await Promise.all(
    names.map(async (name) => ({ path: `content/${name}`, text: await readFile(path.join('content', name), 'utf8') })),
  );
  const block = /^```diagram\n[\s\S]*?^```\n/gm;
  const count = withDiagrams.reduce((sum, file) => sum + (file.text.match(block)?.length ?? 0), 0);
  const without = withDiagrams.map((file) => ({ ...file, text: file.text.replace(block, '') }));
  const base = { base: BASE };
  const pipelineWith = medianMs(7, () => collectNotes(withDiagrams, base));
  const pipelineWithout = medianMs(7, () => collectNotes(without, base));
  console.log(
    `  pipeline (collectNotes, median of 7): ${pipelineWith.toFixed(0)} ms with ${count} diagrams, ${pipelineWithout.toFixed(0)} ms without: +${(pipelineWith - pipelineWithout).toFixed(0)} ms (${((pipelineWith - pipelineWithout) / count).toFixed(1)} ms per diagram)`,
  );
  const plainDir = path.join(work, 'content-no-diagrams');
  await import('node:fs/promises').then((fs) => fs.mkdir(plainDir));
  for (const file of without) await writeFile(path.join(plainDir, path.basename(file.path)), file.text);
  for (const name of (await readdir('content')).filter((n) => !n.endsWith('.md'))) {
    await copyFile(path.join('content', name), path.join(plainDir, name));
  }
  const withBuild = await buildSite(path.resolve('content'), path.join(work, 'dist-diagrams'));
  const withoutBuild = await buildSite(plainDir, path.join(work, 'dist-no-diagrams'));
  console.log(
    `  whole build: ${seconds(withBuild)} with diagrams, ${seconds(withoutBuild)} without: ${withBuild >= withoutBuild ? '+' : ''}${seconds(withBuild - withoutBuild)} (one run each; noisy)`,
  );
}
