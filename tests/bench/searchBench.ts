/**
 * Search figures for `npm run bench` (issue 16 item 3, issue 17):
 *
 * - what opening search downloads, measured in Chromium on the home page
 *   (the React app is already there, so what is fetched is search's own:
 *   engine, index) and then what the first query adds (snippet text);
 * - the query set's score (tests/unit/search/querySet.yaml), for this
 *   checkout and, with BENCH_BASELINE_SRC=<a checkout of main>, for main's
 *   search code on the same notes.
 *
 * Each is printed beside the baseline build (BENCH_BASELINE_DIST) when given.
 */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { launchBrowser } from '../browser/launchBrowser.ts';
import { startPagesServer } from '../browser/pagesServer.ts';
import { formatScore, readContent, readQuerySet, scoreQuerySet } from '../unit/search/querySet.ts';
import type { SectionSearch } from '../../src/app/search/searchSections.ts';

const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} KiB`;

interface Download {
  open: { files: number; gzip: number; names: string[] };
  query: { files: number; gzip: number };
}

/** Gzip bytes of search's files that the page fetched from `outDir` while `act` ran. */
async function fetchedDuring(
  outDir: string,
  base: string,
  urls: string[],
  act: () => Promise<void>,
): Promise<{ files: number; gzip: number; names: string[] }> {
  const before = urls.length;
  await act();
  let gzip = 0;
  const names: string[] = [];
  for (const url of urls.slice(before)) {
    const relative = decodeURIComponent(new URL(url).pathname.slice(base.length));
    // Search's own chunks only (dialog, engine, index, snippet text): on a
    // loaded machine the home page may still be hydrating when search opens.
    if (!/search/i.test(path.basename(relative)) || !relative.endsWith('.js')) continue;
    const bytes = await readFile(path.join(outDir, relative)).catch(() => undefined);
    if (!bytes) continue;
    const size = gzipSync(bytes, { level: 9 }).length;
    gzip += size;
    names.push(`${path.basename(relative)} ${kb(size)}`);
  }
  return { files: names.length, gzip, names };
}

/** Opens search on the home page (its button), waits for the index, then types a query and waits for snippets. */
export async function searchDownload(outDir: string, base: string): Promise<Download> {
  const { server, origin } = await startPagesServer(outDir, base);
  const browser = await launchBrowser();
  try {
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    const page = await context.newPage();
    const urls: string[] = [];
    page.on('response', (response) => urls.push(response.url()));
    await page.goto(`${origin}${base}`, { waitUntil: 'networkidle' });
    await page.locator('main h1').waitFor();
    const open = await fetchedDuring(outDir, base, urls, async () => {
      await page.getByRole('button', { name: '검색' }).click();
      // Ready when the examples (shown once the index has loaded) appear.
      await page.locator('dialog[open] .search-help').waitFor({ timeout: 90_000 });
      await page.waitForLoadState('networkidle');
    });
    const query = await fetchedDuring(outDir, base, urls, async () => {
      await page.keyboard.type('정규화');
      await page.locator('dialog[open] .search-hit-snippet mark').first().waitFor({ timeout: 90_000 });
      await page.waitForLoadState('networkidle');
    });
    await context.close();
    return { open, query };
  } finally {
    await browser.close();
    server.close();
  }
}

/** The query set's score for the search code in `srcRoot` (this checkout, or a checkout of main). */
async function querySetScore(srcRoot: string): Promise<string> {
  const { notes, synonyms, glossary } = readContent();
  const build = (await import(path.join(srcRoot, 'src/node/search/buildSearchIndex.ts'))) as {
    buildSearchIndex: (notes: unknown, synonyms: string[][], glossary: unknown) => unknown;
  };
  const sections = (await import(path.join(srcRoot, 'src/app/search/searchSections.ts'))) as {
    createSectionSearch: (data: unknown, loadText?: (note: number) => string[]) => SectionSearch;
  };
  const built = JSON.parse(JSON.stringify(build.buildSearchIndex(notes, synonyms, glossary))) as Record<
    string,
    unknown
  >;
  // Main's build returns the data itself; this one returns it beside the notes' texts.
  const search =
    'texts' in built
      ? sections.createSectionSearch(built.data, (note) => (built.texts as string[][])[note] ?? [])
      : sections.createSectionSearch(built);
  return formatScore(scoreQuerySet(search, notes, readQuerySet()));
}

export async function printSearchFigures(
  builds: Array<{ label: string; dir: string }>,
  base: string,
  baselineSrc: string | undefined,
): Promise<void> {
  console.log("\nSearch download (home page, Chromium; gzip of search's own scripts fetched):");
  for (const { label, dir } of builds) {
    const figures = await searchDownload(dir, base);
    console.log(
      `  ${label.padEnd(9)} opening search: ${kb(figures.open.gzip).padStart(9)} in ${figures.open.files} files; ` +
        `first query (‘정규화’) adds ${kb(figures.query.gzip)} in ${figures.query.files} files`,
    );
    console.log(`            ${figures.open.names.join(', ')}`);
  }

  console.log('\nSearch query set (tests/unit/search/querySet.yaml, expected section in the top 3):');
  console.log(`  today     ${await querySetScore(path.resolve('.'))}`);
  if (baselineSrc) console.log(`  baseline  ${await querySetScore(path.resolve(baselineSrc))}`);
}
