import path from 'node:path';
import { launchBrowser } from './launchBrowser.ts';
import { startPagesServer } from './pagesServer.ts';

const [label, dir] = [process.argv[2]!, process.argv[3]!];
const { server, origin } = await startPagesServer(path.resolve(dir), '/study-notes/', 0);
const browser = await launchBrowser();
for (const width of [320, 390, 1280]) {
  for (const scheme of ['light', 'dark'] as const) {
    const context = await browser.newContext({
      viewport: { width, height: width > 600 ? 800 : 760 },
      colorScheme: scheme,
    });
    const page = await context.newPage();
    await page.goto(`${origin}/study-notes/notes/normalization/`, { waitUntil: 'networkidle' });
    await page.evaluate(() => document.fonts.ready);
    await page.waitForTimeout(800);
    await page.screenshot({ path: `/tmp/shots/${label}-top-${width}-${scheme}.png` });
    const quiz = page.locator('.quiz-single').first();
    await quiz.scrollIntoViewIfNeeded();
    await page.evaluate(() => window.scrollBy(0, -80));
    await page.waitForTimeout(2500);
    await page.screenshot({ path: `/tmp/shots/${label}-quiz-${width}-${scheme}.png` });
    const fig = page.locator('figure.diagram').first();
    await fig.scrollIntoViewIfNeeded();
    await page.waitForTimeout(2500);
    await page.screenshot({ path: `/tmp/shots/${label}-diagram-${width}-${scheme}.png` });
    await context.close();
  }
}
await browser.close();
server.close();
