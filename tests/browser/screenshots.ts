/**
 * Saves screenshots of the built site for a person to look at:
 * every route (home, each note, review, stats, 404) at 1280, 390 and 320 px
 * wide, light and dark (`WIDTHS=320` for fewer).
 * Usage: `BASE_PATH=/study-notes/ npm run build && npm run screenshots [path …]`
 * `SEARCH=정규화` opens the search dialog (Ctrl-K) and types that query before
 * each shot (`SEARCH=` with nothing after it: the empty dialog); files get `-search`.
 * `DIAGRAM=tls13-handshake STEPS=1,5,9` shoots that diagram (the figure only, the site
 * header hidden) at each step, opened by its step link; `STEPS=all` is the no-JS picture.
 * Files are named `<page>-<diagram>-step-<n>-<width>-<scheme>.png`.
 */
import { mkdir, readdir } from 'node:fs/promises';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { launchBrowser } from './launchBrowser.ts';
import { startPagesServer } from './pagesServer.ts';

const base = '/study-notes/';
const outDir = path.resolve('tests/browser/screenshots');
const noteRoutes = (await readdir('content'))
  .filter((file) => file.endsWith('.md'))
  .map((file) => `notes/${file.replace(/\.md$/, '')}/`);
const pages =
  process.argv.slice(2).length > 0 ? process.argv.slice(2) : ['', ...noteRoutes, 'review/', 'stats/', 'no-such-page/'];
const widths = (process.env.WIDTHS ?? '1280,390,320').split(',').map(Number);
const fullPage = process.env.FULL_PAGE === '1';
// SLICES=4 saves four viewport-sized shots spread down each page instead of one.
const slices = Number(process.env.SLICES ?? '1');
const search = process.env.SEARCH;
const diagram = process.env.DIAGRAM;
const diagramSteps = (process.env.STEPS ?? '1').split(',');

const { server, origin } = await startPagesServer('dist', base);
const browser = await launchBrowser();
await mkdir(outDir, { recursive: true });
try {
  for (const width of widths) {
    for (const scheme of ['light', 'dark'] as const) {
      const context = await browser.newContext({
        viewport: { width, height: width > 600 ? 800 : 844 },
        colorScheme: scheme,
        deviceScaleFactor: 1,
        // Diagram shots hide the sticky header with an injected style, which the CSP forbids;
        // `STEPS=all` turns JavaScript off to show the prerendered picture.
        bypassCSP: diagram !== undefined,
        javaScriptEnabled: !(diagram !== undefined && diagramSteps.includes('all')),
        // No "ready offline" notice over the controls.
        serviceWorkers: diagram !== undefined ? 'block' : 'allow',
      });
      const page = await context.newPage();
      if (diagram !== undefined) {
        for (const route of pages) await shootDiagram(page, route, diagram, `${width}-${scheme}`);
        await context.close();
        continue;
      }
      for (const route of pages) {
        await page.goto(`${origin}${base}${route}`, { waitUntil: 'networkidle' });
        await page.waitForSelector('main h1');
        let name = `${route.replace(/\/$/, '').replace(/\//g, '_') || 'home'}-${width}-${scheme}.png`;
        if (search !== undefined) {
          await page.waitForSelector('html[data-hydrated="true"]');
          await page.keyboard.press('Control+k');
          const input = page.getByRole('combobox', { name: '검색어' });
          await input.fill(search);
          await page.waitForSelector(search ? '[role="option"]' : '.search-help');
          await page.waitForTimeout(300);
          name = name.replace('.png', '-search.png');
        }
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

/** One shot of the figure per step in STEPS, each opened through its step link. */
async function shootDiagram(page: Page, route: string, id: string, suffix: string): Promise<void> {
  for (const step of diagramSteps) {
    const hash = step === 'all' ? '' : `#${id}-step-${step}`;
    // A fresh load each time: only the fragment changes, which would be an in-page navigation.
    await page.goto('about:blank');
    await page.goto(`${origin}${base}${route}${hash}`, { waitUntil: 'networkidle' });
    const figure = page.locator(`figure#${id}`);
    if (step !== 'all') {
      await page.waitForFunction(
        ([selector, text]) => document.querySelector(selector)?.textContent?.startsWith(text) ?? false,
        [`figure#${id} .diagram-counter`, `${step} /`] as const,
      );
    }
    if (step !== 'all') {
      // Page scripts are off for `all`, and with them Playwright's style injection.
      await page.addStyleTag({ content: '.site-header { visibility: hidden !important; }' });
      await figure.evaluate((node) => node.scrollIntoView({ block: 'start', behavior: 'instant' }));
      await page.waitForTimeout(400); // let the step's colour transitions finish
    }
    const name = `${route.replace(/\/$/, '').replace(/\//g, '_') || 'home'}-${id}-step-${step}-${suffix}.png`;
    await figure.screenshot({ path: path.join(outDir, name) });
    console.log(name);
  }
}
