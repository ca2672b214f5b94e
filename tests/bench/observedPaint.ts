import { launchBrowser } from '../browser/launchBrowser.ts';

export interface ObservedPaint {
  /** First contentful paint, ms from navigation start, per run. */
  fcpMs: number[];
  /** Largest contentful paint as the browser reported it, per run. */
  lcpMs: number[];
  /** When the last stylesheet or font requested before the first paint had arrived, per run. */
  criticalDoneMs: number[];
}

// Read in the page after it settles: what the browser itself reported.
const READ_PAINTS = `(() => {
  const paint = performance.getEntriesByName('first-contentful-paint')[0];
  const lcp = window.__lcp ?? [];
  const fcp = paint ? paint.startTime : NaN;
  const critical = performance
    .getEntriesByType('resource')
    .filter((entry) => entry.startTime < fcp && /\\.(css|woff2)$/.test(new URL(entry.name).pathname))
    .map((entry) => entry.responseEnd);
  return {
    fcp,
    lcp: lcp.length > 0 ? lcp[lcp.length - 1] : NaN,
    critical: critical.length > 0 ? Math.max(...critical) : NaN,
  };
})()`;

/**
 * Loads `url` cold in Chromium `runs` times on a phone-sized screen under
 * *real* throttling (the DevTools protocol slows the CPU 4x and the network to
 * 1.6 Mbit/s down, 150 ms latency), and returns what the browser observed.
 *
 * Lighthouse's default "simulated" throttling projects a fast unthrottled load
 * and misses main-thread work that holds a paint back (the layout of a long
 * page before its first frame); this shows it. Plain script so nothing the
 * bundler adds reaches the page.
 */
export async function observePaint(url: string, runs: number): Promise<ObservedPaint> {
  const browser = await launchBrowser();
  const result: ObservedPaint = { fcpMs: [], lcpMs: [], criticalDoneMs: [] };
  try {
    for (let run = 0; run < runs; run++) {
      const context = await browser.newContext({ viewport: { width: 390, height: 844 }, serviceWorkers: 'block' });
      const page = await context.newPage();
      const cdp = await context.newCDPSession(page);
      await cdp.send('Network.enable');
      await cdp.send('Network.emulateNetworkConditions', {
        offline: false,
        latency: 150,
        downloadThroughput: 1.6e6 / 8,
        uploadThroughput: 750e3 / 8,
      });
      await cdp.send('Emulation.setCPUThrottlingRate', { rate: 4 });
      await page.addInitScript(`
        window.__lcp = [];
        new PerformanceObserver((list) => {
          for (const entry of list.getEntries()) window.__lcp.push(entry.startTime);
        }).observe({ type: 'largest-contentful-paint', buffered: true });
      `);
      await page.goto(url, { waitUntil: 'load' });
      await page.waitForTimeout(3000);
      const { fcp, lcp, critical } = (await page.evaluate(READ_PAINTS)) as Record<string, number>;
      result.fcpMs.push(fcp!);
      result.lcpMs.push(lcp!);
      result.criticalDoneMs.push(critical!);
      await context.close();
    }
  } finally {
    await browser.close();
  }
  return result;
}
