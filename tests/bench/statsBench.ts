import { mkdir, readFile, rm, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { build } from 'vite';
import { launchBrowser } from '../browser/launchBrowser.ts';
import { startPagesServer } from '../browser/pagesServer.ts';

/**
 * Issue 21: /stats/ time to ready on a built site whose notes hold
 * `questions` questions, with `questions` cards and `answers` stored answers
 * (three years), in Chromium's real IndexedDB. "Ready" is navigation start
 * to the page showing its figures: the forecast chart drawn and accuracy per
 * note filled in (the recent answers read). The seeding script is bundled
 * into `<outDir>/__bench/` (a bench build, never published).
 */
export async function statsReadyFigures(
  outDir: string,
  base: string,
  { questions = 10_000, answers = 100_000, runs = 5 } = {},
): Promise<{ readyMs: number[]; reviewMs: number[]; seedMs: number }> {
  const benchDir = path.join(outDir, '__bench');
  await mkdir(benchDir, { recursive: true });
  await build({
    configFile: false,
    logLevel: 'error',
    build: {
      outDir: benchDir,
      emptyOutDir: false,
      lib: { entry: path.resolve('tests/bench/statsSeed.ts'), formats: ['es'], fileName: 'statsSeed' },
    },
  });
  await writeFile(
    path.join(benchDir, 'index.html'),
    `<!doctype html><script type="module">import { seedStats } from './statsSeed.js'; window.seedStats = seedStats;</script>`,
  );
  const { server, origin } = await startPagesServer(outDir, base);
  const browser = await launchBrowser();
  try {
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, serviceWorkers: 'block' });
    const page = await context.newPage();
    await page.goto(`${origin}${base}__bench/`);
    await page.waitForFunction(() => 'seedStats' in window);
    const seedMs = await page.evaluate(
      ([count, stored, prefix]) =>
        (window as unknown as { seedStats: (q: number, a: number, b: string) => Promise<number> }).seedStats(
          count,
          stored,
          prefix,
        ),
      [questions, answers, base] as const,
    );
    const readyMs: number[] = [];
    const reviewMs: number[] = [];
    // Alternating with the review page (its first question shown, on the same build and store),
    // which every version has: on a busy machine the ratio says more than either figure.
    for (let run = 0; run < runs; run++) {
      await page.goto(`${origin}${base}stats/`);
      await page.waitForFunction(
        () =>
          document.querySelector('.forecast-chart') !== null &&
          ![...document.querySelectorAll('.stats-table td')].some((cell) => cell.textContent === '…'),
        undefined,
        { timeout: 120_000, polling: 'raf' },
      );
      readyMs.push(await page.evaluate(() => performance.now()));
      await page.goto(`${origin}${base}review/`);
      await page.waitForSelector('.practice-question', { timeout: 120_000 });
      reviewMs.push(await page.evaluate(() => performance.now()));
    }
    return { readyMs, reviewMs, seedMs };
  } finally {
    await browser.close();
    server.close();
  }
}

/** Bytes of every built Anki deck: the whole-site one and the note decks (total, largest). */
export async function deckSizes(
  outDir: string,
): Promise<{ site: number; notes: number; total: number; largest: number }> {
  const site = (await stat(path.join(outDir, 'anki/study-notes.apkg'))).size;
  const { readdir } = await import('node:fs/promises');
  const names = await readdir(path.join(outDir, 'anki/notes'));
  let total = 0;
  let largest = 0;
  for (const name of names) {
    const size = (await stat(path.join(outDir, 'anki/notes', name))).size;
    total += size;
    largest = Math.max(largest, size);
  }
  return { site, notes: names.length, total, largest };
}

/** The deck sizes of a build, as bench.ts prints them. */
export async function printDeckSizes(label: string, outDir: string): Promise<void> {
  const sizes = await deckSizes(outDir);
  const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} KiB`;
  console.log(
    `  ${label.padEnd(22)} whole site ${kb(sizes.site).padStart(11)}; ${sizes.notes} note decks ${kb(sizes.total)} in all, largest ${kb(sizes.largest)}`,
  );
}

export async function printStatsBench(outDir: string, base: string): Promise<void> {
  const { readyMs, reviewMs, seedMs } = await statsReadyFigures(outDir, base);
  const sorted = [...readyMs].sort((a, b) => a - b);
  const median = sorted[Math.floor(sorted.length / 2)] ?? 0;
  const review = [...reviewMs].sort((a, b) => a - b)[Math.floor(reviewMs.length / 2)] ?? 0;
  console.log(
    `\n/stats/ time to ready, 1,000 synthetic notes, 10,000 cards and 100,000 answers in Chromium's IndexedDB (seeded in ${(seedMs / 1000).toFixed(1)} s): median ${median.toFixed(0)} ms of ${readyMs.length} (${sorted.map((ms) => ms.toFixed(0)).join(', ')}; goal ≤ 500 ms)`,
  );
  console.log(
    `  beside /review/ on the same build and store (navigation start → first question shown): median ${review.toFixed(0)} ms; ratio ${(median / review).toFixed(2)}`,
  );
}

// `npx tsx tests/bench/statsBench.ts <built dist with synthetic quizzes> [base]`
if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const [dir, base = '/study-notes/'] = process.argv.slice(2);
  if (!dir) throw new Error('usage: statsBench.ts <dist> [base]');
  await readFile(path.join(dir, 'stats/index.html'));
  await printDeckSizes('given build', dir);
  await printStatsBench(dir, base);
  await rm(path.join(dir, '__bench'), { recursive: true, force: true });
}
