import * as chromeLauncher from 'chrome-launcher';
import lighthouse from 'lighthouse';
import { chromeFlags, chromePath } from '../browser/launchBrowser.ts';

export interface LighthouseFigures {
  scores: Record<string, number>;
  lcpMs: number;
  fcpMs: number;
  speedIndexMs: number;
  tbtMs: number;
  cls: number;
  /** Lighthouse's measure of this machine's speed at the time (higher is faster). */
  benchmarkIndex: number;
  /** Transfer by resource type from Lighthouse's resource summary: requests and bytes. */
  transfer: Record<string, { requests: number; bytes: number }>;
}

/**
 * A cold load of `url` under Lighthouse's default mobile profile (simulated
 * slow 4G, 4× CPU slowdown), in Debian's Chromium. Lighthouse 12 supports
 * Node 20; it finds the browser through CHROME_PATH.
 */
export async function runLighthouse(url: string, options: { quiet?: boolean } = {}): Promise<LighthouseFigures> {
  const chrome = await chromeLauncher.launch({ chromePath, chromeFlags });
  try {
    const result = await lighthouse(url, {
      port: chrome.port,
      output: 'json',
      logLevel: 'error',
      onlyCategories: ['performance', 'accessibility', 'best-practices', 'seo'],
    });
    if (!result) throw new Error('Lighthouse returned no result');
    const { lhr } = result;
    const scores = Object.fromEntries(
      Object.values(lhr.categories).map((category) => [category.id, Math.round((category.score ?? 0) * 100)]),
    );
    const numeric = (id: string) => lhr.audits[id]?.numericValue ?? Number.NaN;
    const summary =
      (
        lhr.audits['resource-summary']?.details as
          { items?: { resourceType: string; requestCount: number; transferSize: number }[] } | undefined
      )?.items ?? [];
    const transfer = Object.fromEntries(
      summary.map((item) => [item.resourceType, { requests: item.requestCount, bytes: item.transferSize }]),
    );
    const failed = Object.values(lhr.audits)
      .filter((audit) => audit.score !== null && audit.score < 1 && audit.scoreDisplayMode === 'binary')
      .map((audit) => audit.id);
    if (failed.length > 0 && !options.quiet) console.log(`  Lighthouse audits not passed: ${failed.join(', ')}`);
    return {
      scores,
      lcpMs: numeric('largest-contentful-paint'),
      fcpMs: numeric('first-contentful-paint'),
      speedIndexMs: numeric('speed-index'),
      tbtMs: numeric('total-blocking-time'),
      cls: numeric('cumulative-layout-shift'),
      benchmarkIndex: lhr.environment.benchmarkIndex ?? 0,
      transfer,
    };
  } finally {
    chrome.kill();
  }
}

/**
 * Lighthouse's simulated throttling projects from one observed load, so a
 * single run can swing by seconds; run it `runs` times and keep the run with
 * the median LCP (and say how far the others were).
 */
export async function runLighthouseMedian(
  url: string,
  runs = 3,
): Promise<LighthouseFigures & { lcpRangeMs: [number, number] }> {
  const results: LighthouseFigures[] = [];
  for (let run = 0; run < runs; run++) results.push(await runLighthouse(url));
  results.sort((a, b) => a.lcpMs - b.lcpMs);
  const median = results[Math.floor(results.length / 2)] as LighthouseFigures;
  return { ...median, lcpRangeMs: [results[0]?.lcpMs ?? 0, results.at(-1)?.lcpMs ?? 0] };
}
