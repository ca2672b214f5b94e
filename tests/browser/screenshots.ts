/**
 * Saves screenshots of the built site for a person to look at:
 * every page at 1280 px and 390 px wide, light and dark.
 * Usage: `BASE_PATH=/study-notes/ npm run build && npm run screenshots [path …]`
 */
import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import { launchBrowser } from './launchBrowser.ts';
import { startPagesServer } from './pagesServer.ts';

const base = '/study-notes/';
const outDir = path.resolve('tests/browser/screenshots');
const pages =
  process.argv.slice(2).length > 0
    ? process.argv.slice(2)
    : ['', 'notes/normalization/', 'notes/https-ssl/', 'no-such-page/'];
const fullPage = process.env.FULL_PAGE === '1';
// SLICES=4 saves four viewport-sized shots spread down each page instead of one.
const slices = Number(process.env.SLICES ?? '1');

const { server, origin } = await startPagesServer('dist', base);
const browser = await launchBrowser();
await mkdir(outDir, { recursive: true });
try {
  for (const width of [1280, 390]) {
    for (const scheme of ['light', 'dark'] as const) {
      const context = await browser.newContext({
        viewport: { width, height: width > 600 ? 800 : 844 },
        colorScheme: scheme,
        deviceScaleFactor: 1,
      });
      const page = await context.newPage();
      for (const route of pages) {
        await page.goto(`${origin}${base}${route}`, { waitUntil: 'networkidle' });
        await page.waitForSelector('main h1');
        const name = `${route.replace(/\/$/, '').replace(/\//g, '_') || 'home'}-${width}-${scheme}.png`;
        if (slices > 1) {
          const height = await page.evaluate(() => document.documentElement.scrollHeight);
          for (let i = 0; i < slices; i++) {
            const y = Math.round(((height - page.viewportSize()!.height) * i) / (slices - 1));
            await page.evaluate((top) => window.scrollTo({ top, behavior: 'instant' }), y);
            await page.waitForTimeout(150);
            const sliceName = name.replace('.png', `-${i + 1}.png`);
            await page.screenshot({ path: path.join(outDir, sliceName) });
            console.log(sliceName);
          }
        } else {
          await page.screenshot({ path: path.join(outDir, name), fullPage });
          console.log(name);
        }
      }
      await context.close();
    }
  }
} finally {
  await browser.close();
  server.close();
}
