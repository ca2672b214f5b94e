/**
 * "Usable at first paint", measured: for each build given (today's and a
 * baseline, side by side, interleaved), on a phone-class CPU (4× slowdown,
 * 390 px):
 * - how long after the first contentful paint a tap on the header's menu
 *   button takes effect, touched the moment the page reports that paint;
 * - how long after a quiz or a diagram is scrolled into view a tap on it
 *   takes effect (an answer checked, a step shown);
 * - JavaScript (gzip) a cold note page fetches in 10 s without interaction,
 *   and after answering its first question;
 * - Lighthouse mobile TBT per note page (median of 5, with benchmarkIndex).
 * Prints figures; asserts nothing. Usage: `tsx tests/bench/islandsBench.ts
 * <label>=<distDir> …` (each built with BASE_PATH=/study-notes/).
 */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import type { Page } from 'playwright-core';
import { launchBrowser } from '../browser/launchBrowser.ts';
import { startPagesServer } from '../browser/pagesServer.ts';
import { runLighthouse } from './lighthouse.ts';

const BASE = '/study-notes/';

export interface Build {
  label: string;
  dir: string;
}

const median = (values: number[]) => {
  const sorted = values.filter((value) => Number.isFinite(value)).sort((a, b) => a - b);
  return sorted.length ? (sorted[Math.floor(sorted.length / 2)] as number) : NaN;
};
const fmt = (ms: number) => (Number.isFinite(ms) ? `${(ms / 1000).toFixed(2)} s` : 'n/a');

async function phonePage(browser: Awaited<ReturnType<typeof launchBrowser>>) {
  const context = await browser.newContext({ viewport: { width: 390, height: 800 }, hasTouch: true });
  const page = await context.newPage();
  const cdp = await context.newCDPSession(page);
  await cdp.send('Emulation.setCPUThrottlingRate', { rate: 4 });
  return { context, page };
}

/** Gzip bytes of the scripts a page fetched, read from the built files. */
async function scriptBytes(page: Page, dir: string): Promise<number> {
  const names: string[] = await page.evaluate(() =>
    performance
      .getEntriesByType('resource')
      .map((entry) => entry.name)
      .filter((name) => new URL(name).pathname.endsWith('.js')),
  );
  let total = 0;
  for (const name of new Set(names)) {
    const relative = decodeURIComponent(new URL(name).pathname.slice(BASE.length));
    const bytes = await readFile(path.join(dir, relative)).catch(() => undefined);
    if (bytes) total += gzipSync(bytes).length;
  }
  return total;
}

const fcp = (page: Page) =>
  page.evaluate(
    () => performance.getEntriesByName('first-contentful-paint')[0]?.startTime ?? Number.NaN,
  ) as Promise<number>;

interface MenuTap {
  /** ms from first contentful paint until the drawer was open. */
  effect: number;
  /** ms from first contentful paint until the touch was sent (the page reports its paint late while busy). */
  sent: number;
  /** ms the touch waited before the page handled it. */
  queued: number;
}

/**
 * Taps the header's menu button the moment the page reports its first
 * contentful paint, as a finger would: a touch sent by the browser, not a
 * scripted click, and without Playwright's checks that the button is visible
 * and still (each of those waits for the page's busy main thread, which a
 * finger does not). Returns ms from that paint until the drawer is open.
 */
async function menuTap(page: Page, origin: string, route: string, button: { x: number; y: number }): Promise<MenuTap> {
  let tapped = false;
  await page.exposeBinding('__benchPainted', async () => {
    if (tapped) return;
    tapped = true;
    const cdp = await page.context().newCDPSession(page);
    await cdp.send('Input.dispatchTouchEvent', { type: 'touchStart', touchPoints: [button] });
    await cdp.send('Input.dispatchTouchEvent', { type: 'touchEnd', touchPoints: [] });
  });
  await page.addInitScript(() => {
    const bench = window as unknown as Record<string, number | undefined> & { __benchPainted: () => void };
    new PerformanceObserver((list) => {
      if (list.getEntriesByName('first-contentful-paint').length === 0) return;
      bench.sentAt = performance.now();
      bench.__benchPainted();
    }).observe({ type: 'paint', buffered: true });
    // The touch's own time (when the browser took it) and when the page got to handle it.
    addEventListener(
      'pointerdown',
      (event) => {
        bench.touchedAt ??= event.timeStamp;
        bench.handledAt ??= performance.now();
      },
      true,
    );
    new MutationObserver(() => {
      if (document.querySelector('.nav-drawer[open]')) bench.openedAt ??= performance.now();
    }).observe(document, { attributes: true, subtree: true, attributeFilter: ['open'] });
  });
  await page.goto(`${origin}${BASE}${route}`, { waitUntil: 'commit' });
  await page.waitForFunction(() => 'openedAt' in window, null, { timeout: 30_000 });
  const times = await page.evaluate(() => {
    const bench = window as unknown as Record<string, number>;
    return { sent: bench.sentAt!, touched: bench.touchedAt!, handled: bench.handledAt!, opened: bench.openedAt! };
  });
  const paint = await fcp(page);
  return { effect: times.opened - paint, sent: times.sent - paint, queued: times.handled - times.touched };
}

/** Where the menu button is on a phone (it sits in the header, the same on every page). */
async function menuButtonAt(page: Page, origin: string, route: string): Promise<{ x: number; y: number }> {
  await page.goto(`${origin}${BASE}${route}`, { waitUntil: 'load' });
  const box = await page.locator('.menu-button').boundingBox();
  if (!box) throw new Error('no menu button on a phone-sized page');
  return { x: box.x + box.width / 2, y: box.y + box.height / 2 };
}

/**
 * Scrolls the first single-choice question (or the first diagram) into view,
 * taps it at once, and returns ms until the tap took effect.
 */
async function blockTap(page: Page, origin: string, route: string, kind: 'quiz' | 'diagram'): Promise<number> {
  await page.goto(`${origin}${BASE}${route}`, { waitUntil: 'load' });
  await page.locator('main h1').waitFor();
  // tsx names the functions below with a helper the page lacks.
  await page.evaluate('globalThis.__name = (f) => f');
  return page.evaluate(async (which) => {
    const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
    const root =
      which === 'quiz' ? document.querySelector('.quiz-single, .quiz-truefalse') : document.querySelector('.diagram');
    if (!root) return Number.NaN;
    // At once, not smoothly (the page scrolls smoothly once loaded): the clock starts when
    // the block is in view, as a reader's finger would find it, not while it glides there.
    root.scrollIntoView({ block: 'center', behavior: 'instant' });
    const start = performance.now();
    const done = () =>
      which === 'quiz'
        ? root.isConnected
          ? Boolean(document.querySelector(`#${CSS.escape(root.id)} .quiz-verdict`))
          : Boolean(document.querySelector('.quiz-verdict'))
        : /^2 \//.test(document.querySelector('.diagram .diagram-counter')?.textContent ?? '');
    if (which === 'quiz') {
      // What a reader taps: the first choice (its label; the field itself may still be asleep).
      root.querySelector<HTMLLabelElement>('label')?.click();
      // The answer takes effect when "답 확인" does something: keep pressing, as a reader would.
      while (!done() && performance.now() - start < 30_000) {
        const submit = document.querySelector<HTMLButtonElement>(`#${CSS.escape(root.id)} button[type="submit"]`);
        if (submit && !submit.disabled) submit.click();
        await sleep(20);
      }
    } else {
      [...root.querySelectorAll('button')].find((button) => button.textContent?.includes('다음'))?.click();
      while (!done() && performance.now() - start < 30_000) await sleep(20);
    }
    return done() ? performance.now() - start : Number.NaN;
  }, kind);
}

export async function islandsFigures(builds: Build[], routes: string[], runs = 5): Promise<void> {
  const servers = await Promise.all(builds.map((build) => startPagesServer(build.dir, BASE)));
  const browser = await launchBrowser();
  type Row = {
    menu: MenuTap[];
    quiz: number[];
    diagram: number[];
    idleJs: number[];
    answeredJs: number[];
    tbt: number[];
    bi: number[];
  };
  // Measured once per build and page: the header does not move between runs.
  const buttons = new Map<string, Promise<{ x: number; y: number }>>();
  const menuButton = (build: number, origin: string, route: string) => {
    const key = `${build} ${route}`;
    if (!buttons.has(key))
      buttons.set(
        key,
        phonePage(browser).then(({ context, page }) =>
          menuButtonAt(page, origin, route).finally(() => context.close()),
        ),
      );
    return buttons.get(key)!;
  };
  const rows = new Map<string, Row>();
  const row = (build: string, route: string) => {
    const key = `${build} ${route}`;
    if (!rows.has(key)) rows.set(key, { menu: [], quiz: [], diagram: [], idleJs: [], answeredJs: [], tbt: [], bi: [] });
    return rows.get(key)!;
  };
  try {
    for (let run = 0; run < runs; run++) {
      for (const route of routes) {
        // Interleaved: each build once per round, so drift on a shared machine hits both alike.
        for (const [index, build] of builds.entries()) {
          const { origin } = servers[index]!;
          const figures = row(build.label, route);
          const button = await menuButton(index, origin, route);
          const { context, page } = await phonePage(browser);
          try {
            figures.menu.push(await menuTap(page, origin, route, button));
          } finally {
            await context.close();
          }
          for (const kind of ['quiz', 'diagram'] as const) {
            const fresh = await phonePage(browser);
            try {
              figures[kind].push(await blockTap(fresh.page, origin, route, kind));
            } finally {
              await fresh.context.close();
            }
          }
          if (run === 0) {
            const fresh = await phonePage(browser);
            try {
              await fresh.page.goto(`${origin}${BASE}${route}`, { waitUntil: 'load' });
              await fresh.page.waitForTimeout(10_000);
              figures.idleJs.push(await scriptBytes(fresh.page, build.dir));
              await blockTap(fresh.page, origin, route, 'quiz');
              await fresh.page.waitForTimeout(2000);
              figures.answeredJs.push(await scriptBytes(fresh.page, build.dir));
            } finally {
              await fresh.context.close();
            }
          }
          const lighthouse = await runLighthouse(`${origin}${BASE}${route}`);
          figures.tbt.push(lighthouse.tbtMs);
          figures.bi.push(lighthouse.benchmarkIndex);
        }
      }
    }
  } finally {
    await browser.close();
    for (const { server } of servers) server.close();
  }
  console.log(`\nUsable at first paint (4× CPU, 390 px; medians of ${runs} interleaved runs):`);
  for (const route of routes) {
    console.log(`  ${BASE}${route}`);
    for (const build of builds) {
      const figures = row(build.label, route);
      const kib = (values: number[]) => `${(median(values) / 1024).toFixed(1)} KiB`;
      console.log(
        `    ${build.label.padEnd(10)} menu tap effective ${fmt(median(figures.menu.map((tap) => tap.effect)))} after FCP (touch sent ${fmt(median(figures.menu.map((tap) => tap.sent)))} after it, waited ${fmt(median(figures.menu.map((tap) => tap.queued)))} for the page) · quiz answer ${fmt(median(figures.quiz))} and diagram step ${fmt(median(figures.diagram))} after scrolled into view · JS gzip ${kib(figures.idleJs)} idle, ${kib(figures.answeredJs)} after an answer · Lighthouse TBT ${Math.round(median(figures.tbt))} ms (benchmarkIndex ${Math.round(median(figures.bi))})`,
      );
    }
  }
}

// Run directly: `tsx tests/bench/islandsBench.ts today=dist before=/tmp/dist-main`.
if (process.argv[1] && import.meta.url.endsWith(path.basename(process.argv[1]))) {
  const builds = process.argv.slice(2).map((arg) => {
    const [label, dir] = arg.split('=');
    return { label: label ?? arg, dir: path.resolve(dir ?? arg) };
  });
  const routes = (process.env.ROUTES ?? 'notes/https-ssl/,notes/nginx-wsgi/').split(',');
  await islandsFigures(builds, routes, Number(process.env.RUNS ?? 5));
}
