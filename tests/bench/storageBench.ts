// Defines indexedDB and the IDB* globals (Node has none) when bench.ts loads this
// file, after its browser measurements; nothing else in the bench uses them.
import 'fake-indexeddb/auto';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { build } from 'vite';
import { launchBrowser } from '../browser/launchBrowser.ts';
import { startPagesServer } from '../browser/pagesServer.ts';
import { measureStorage, type StorageFigures } from './storageFigures.ts';

/**
 * Issue 14, item 7: the progress store with 100,000 stored answers, measured
 * twice with the same code (`storageFigures.ts`):
 *
 * - in Chromium (headless, its real IndexedDB), the figure that counts;
 * - in Node on fake-indexeddb (an in-memory IndexedDB written in JavaScript,
 *   much slower than a browser's at inserting into large stores).
 *
 * "/stats/ ready" is the store opened plus the stats page's numbers, without
 * rendering. Run alone with `npx tsx tests/bench/storageBench.ts`.
 */
export async function printStorageBench(stored = 100_000, merged = 170_000): Promise<void> {
  const figures: [string, StorageFigures][] = [['Chromium (headless)', await inChromium(stored, merged)]];
  figures.push(['Node + fake-indexeddb', await measureStorage(stored, merged, `bench-${Date.now()}`)]);
  const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] ?? 0;
  const ms = (value: number) => `${value.toFixed(1)} ms`;
  console.log(`\nProgress store with ${stored.toLocaleString('en')} stored answers:`);
  for (const [where, result] of figures) {
    console.log(
      `  ${where} (storing them one by one took ${(result.seedMs / 1000).toFixed(1)} s; the one-time upgrade that totals them ${(result.upgradeMs / 1000).toFixed(1)} s):`,
    );
    console.log(
      `    /stats/ ready (open store + stats numbers): median ${ms(median(result.readyMs))} of 5 (goal ≤ 500 ms)`,
    );
    console.log(
      `    an answer saved: median ${ms(median(result.saveMs))}, max ${ms(Math.max(...result.saveMs))} of 30 (goal ≤ 50 ms)`,
    );
    console.log(
      `    merge of ${merged.toLocaleString('en')} answers (${(result.fileBytes / 1e6).toFixed(0)} MB file): ${(result.mergeMs / 1000).toFixed(1)} s, parse + preview ${(result.previewMs / 1000).toFixed(1)} s of it; ${result.progressUpdates} progress updates; ${result.answersAfter.toLocaleString('en')} answers after (goal ≤ 10 s)`,
    );
  }
}

/** `measureStorage` bundled by Vite and run in a page served over http (IndexedDB needs an origin). */
async function inChromium(stored: number, merged: number): Promise<StorageFigures> {
  const dir = await mkdtemp(path.join(tmpdir(), 'storage-bench-'));
  try {
    await build({
      configFile: false,
      logLevel: 'error',
      build: {
        outDir: dir,
        emptyOutDir: false,
        lib: { entry: path.resolve('tests/bench/storageFigures.ts'), formats: ['es'], fileName: 'storageFigures' },
      },
    });
    await writeFile(
      path.join(dir, 'index.html'),
      `<!doctype html><script type="module">import { measureStorage } from './storageFigures.js'; window.measureStorage = measureStorage;</script>`,
    );
    const { server, origin } = await startPagesServer(dir, '/');
    const browser = await launchBrowser();
    try {
      const page = await browser.newPage();
      await page.goto(`${origin}/`);
      await page.waitForFunction(() => 'measureStorage' in window);
      return await page.evaluate(
        ([count, file]) =>
          (window as unknown as { measureStorage: typeof measureStorage }).measureStorage(count, file, 'bench'),
        [stored, merged] as const,
      );
    } finally {
      await browser.close();
      server.close();
    }
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) await printStorageBench();
