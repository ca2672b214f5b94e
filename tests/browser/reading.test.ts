import path from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { preview, type PreviewServer } from 'vite';
import { afterAll, afterEach, beforeAll, describe, expect, inject, it } from 'vitest';
import { axeViolations } from './axe.ts';
import { launchBrowser } from './launchBrowser.ts';

// Issue 19: find your place and keep it, on a 320 px phone and a desktop.
const origin = inject('origin');
const base = inject('base');
const distDir = inject('distDir');
const url = (route = '') => `${origin}${base}${route}`;

const NOTES = ['normalization', 'https-ssl', 'ec2', 'uwsgi', 'nginx-wsgi'];
const ROUTES = [
  '',
  ...NOTES.map((slug) => `notes/${slug}/`),
  'review/',
  'stats/',
  'questions/',
  'study/',
  'glossary/',
  'tags/tls/',
  'no-such-page/',
];

let browser: Browser;
let context: BrowserContext;
let page: Page;

async function open(
  route: string,
  options: { width?: number; height?: number; colorScheme?: 'light' | 'dark'; bypassCSP?: boolean } = {},
) {
  context = await browser.newContext({
    viewport: { width: options.width ?? 390, height: options.height ?? 760 },
    colorScheme: options.colorScheme ?? 'light',
    serviceWorkers: 'block',
    bypassCSP: options.bypassCSP ?? false,
  });
  page = await context.newPage();
  await page.goto(url(route));
  await page.waitForSelector('html[data-hydrated="true"]');
  return page;
}

beforeAll(async () => {
  browser = await launchBrowser();
});

afterEach(async () => {
  await context?.close();
});

afterAll(async () => {
  await browser?.close();
});

/**
 * Controls smaller than 44 × 44 px on the page. Links inside running text
 * are exempt (they are as tall as their line, WCAG 2.5.8's inline exception),
 * as is what is not shown; a native input drawn through its label (the theme
 * choices) is measured as the label.
 */
function smallControls(): Promise<string[]> {
  return page.evaluate(() => {
    const small: string[] = [];
    const shown = (element: Element) => {
      const box = element.getBoundingClientRect();
      const style = getComputedStyle(element);
      return box.width > 2 && box.height > 2 && style.visibility !== 'hidden' && !element.closest('.sr-only, [hidden]');
    };
    for (const element of document.querySelectorAll<HTMLElement>('a[href], button, input, select, textarea, summary')) {
      let target: Element = element;
      if (element instanceof HTMLInputElement && getComputedStyle(element).opacity === '0')
        target = element.closest('label') ?? element;
      if (element instanceof HTMLInputElement && ['radio', 'checkbox'].includes(element.type) && target === element) {
        // A visible box with its text beside it: the label is what a finger taps.
        target = element.closest('label') ?? element;
      }
      if (!shown(target)) continue;
      if (element.tagName === 'A' && getComputedStyle(element).display === 'inline') continue;
      if (element.classList.contains('skip-link')) continue;
      const box = target.getBoundingClientRect();
      if (box.width < 43.5 || box.height < 43.5)
        small.push(
          `${target.tagName.toLowerCase()}.${target.className} "${(target.textContent ?? '').trim().slice(0, 20)}" ${Math.round(box.width)}×${Math.round(box.height)}`,
        );
    }
    return [...new Set(small)];
  });
}

describe('a 320 px phone', () => {
  it.each(ROUTES)('shows /%s without sideways scrolling, every control at least 44 × 44 px', async (route) => {
    await open(route, { width: 320, height: 640 });
    await page.locator('main h1').waitFor();
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(320);
    expect(await smallControls()).toEqual([]);
  });

  it('offers the theme in the menu, where the header has no room for it', async () => {
    await open('notes/https-ssl/', { width: 320, height: 640 });
    expect(await page.locator('.header-actions > .theme-switcher').isVisible()).toBe(false);
    await page.getByRole('button', { name: '노트 목록 열기' }).click();
    const drawer = page.getByRole('dialog', { name: '노트 목록' });
    await drawer.getByRole('radio', { name: '다크' }).check();
    await expect.poll(() => page.evaluate(() => document.documentElement.dataset.theme)).toBe('dark');
  });
});

describe('the 이 페이지의 내용 bar on a phone', () => {
  it('stays under the header, names the section being read, shows progress and opens the contents', async () => {
    await open('notes/https-ssl/');
    const bar = page.locator('.page-bar');
    const heading = page.locator('h2').nth(3);
    const title = (await heading.textContent())!.trim();
    await heading.evaluate((node) => node.scrollIntoView({ block: 'start', behavior: 'instant' }));
    // The section being read is the heading's, or a subsection of it that has passed the reading line too.
    const marked = bar.locator('a[aria-current="true"]');
    await expect.poll(() => marked.count()).toBe(1);
    await expect.poll(() => bar.locator('.page-bar-current').textContent()).toBe(await marked.textContent());
    const links = await bar.locator('.toc-list a').allTextContents();
    expect(links.indexOf((await marked.textContent())!)).toBeGreaterThanOrEqual(links.indexOf(title));
    const header = await page.locator('.site-header').boundingBox();
    const box = await bar.boundingBox();
    expect(Math.abs(box!.y - (header!.y + header!.height))).toBeLessThan(2);
    const progress = () =>
      bar
        .locator('.page-bar-progress')
        .evaluate((node) => Number(getComputedStyle(node).getPropertyValue('--progress')));
    await expect.poll(progress).toBeGreaterThan(0);
    expect(await progress()).toBeLessThan(1);

    // The heading sits below the bar, not under it.
    const headingTop = await heading.evaluate((node) => node.getBoundingClientRect().top);
    expect(headingTop).toBeGreaterThanOrEqual(box!.y + box!.height - 1);

    await bar.locator('summary').click();
    const target = bar.getByRole('link').filter({ hasText: '정리' });
    await expect.poll(() => target.isVisible()).toBe(true);
    await target.click();
    await expect.poll(() => bar.locator('details').evaluate((node) => (node as HTMLDetailsElement).open)).toBe(false);
    // The page glides there (and back up below): across a 40,000 px note that takes a moment.
    await expect.poll(() => bar.locator('.page-bar-current').textContent(), { timeout: 5000 }).toBe('정리');
    await expect.poll(progress, { timeout: 5000 }).toBeGreaterThan(0.9);

    await bar.getByRole('link', { name: '맨 위로' }).click();
    await expect.poll(() => page.evaluate(() => window.scrollY), { timeout: 5000 }).toBe(0);
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('note-title');
  });

  it('opens far down a long note with the section being read in view in its list', async () => {
    await open('notes/https-ssl/');
    const bar = page.locator('.page-bar');
    const heading = page.locator('.prose h2').nth(-3);
    await heading.evaluate((node) => node.scrollIntoView({ block: 'start', behavior: 'instant' }));
    await expect.poll(() => bar.locator('.page-bar-current').textContent()).toBe((await heading.textContent())!.trim());
    // Opened from the keyboard: Playwright's click scrolls the page to the sticky summary first.
    await bar.locator('summary').focus();
    await page.keyboard.press('Enter');
    const marked = bar.locator('.toc-list a[aria-current="true"]');
    const inList = () =>
      marked.evaluate((node) => {
        const item = node.getBoundingClientRect();
        const list = node.closest('.toc-list')!.getBoundingClientRect();
        return item.top >= list.top && item.bottom <= list.bottom;
      });
    await expect.poll(inList).toBe(true);
  });

  it('closes with Esc, handing focus back to its button', async () => {
    await open('notes/uwsgi/');
    const summary = page.locator('.page-bar summary');
    await summary.focus();
    await page.keyboard.press('Enter');
    await expect.poll(() => page.locator('.page-bar .toc-list').isVisible()).toBe(true);
    await page.keyboard.press('Escape');
    await expect.poll(() => page.locator('.page-bar .toc-list').isVisible()).toBe(false);
    expect(await summary.evaluate((node) => node === document.activeElement)).toBe(true);
  });
});

describe('the desktop table of contents', () => {
  it('keeps the current item in view, down to 정리 at the end of a long note', async () => {
    await open('notes/https-ssl/', { width: 1280, height: 720 });
    const column = page.locator('.toc-column');
    expect(await column.evaluate((node) => node.scrollHeight > node.clientHeight)).toBe(true);
    await page.evaluate(() => window.scrollTo({ top: document.documentElement.scrollHeight, behavior: 'instant' }));
    const last = column.getByRole('link', { name: '정리' });
    await expect.poll(() => last.getAttribute('aria-current')).toBe('true');
    const inside = () =>
      last.evaluate((node) => {
        const item = node.getBoundingClientRect();
        const box = node.closest('.toc-column')!.getBoundingClientRect();
        return item.top >= box.top && item.bottom <= box.bottom;
      });
    await expect.poll(inside).toBe(true);
  });
});

describe('이어 읽기', () => {
  it('remembers the section reached and offers it on the home page; a note read to the end is marked read', async () => {
    await open('notes/ec2/');
    const heading = page.locator('.prose h2').nth(2);
    const title = (await heading.textContent())!.trim();
    await heading.evaluate((node) => node.scrollIntoView({ block: 'start', behavior: 'instant' }));
    await page.waitForTimeout(1500); // the place is written once the reader settles
    await page.goto(url());
    await page.waitForSelector('html[data-hydrated="true"]');
    const resume = page.getByRole('link', { name: /이어 읽기/ });
    await expect.poll(() => resume.textContent(), { timeout: 10_000 }).toContain(title);
    expect(await resume.textContent()).toContain('EC2');
    const card = page.locator('.note-card').filter({ has: page.locator('a[href$="/notes/ec2/"]') });
    expect(await card.locator('.reading-mark').textContent()).toContain('읽는 중');

    await resume.click();
    await page.waitForSelector('html[data-hydrated="true"]');
    expect(decodeURIComponent(new URL(page.url()).hash)).toBe(`#${await heading.getAttribute('id')}`);
    await expect.poll(() => heading.evaluate((node) => Math.round(node.getBoundingClientRect().top))).toBeLessThan(200);

    await page.evaluate(() => window.scrollTo({ top: document.documentElement.scrollHeight, behavior: 'instant' }));
    await page.waitForTimeout(1500);
    await page.goto(url());
    await page.waitForSelector('html[data-hydrated="true"]');
    await expect.poll(() => card.locator('.reading-mark').textContent(), { timeout: 10_000 }).toBe('다 읽음');
    expect(await page.getByRole('link', { name: /이어 읽기/ }).count()).toBe(0);
    expect(await page.locator('.home-cta a').first().textContent()).toContain('다음 노트 읽기');
  }, 90_000);
});

describe('step links', () => {
  for (const width of [390, 1280]) {
    it(`land once at ${width} px with the step's caption and changes on screen, and stay`, async () => {
      await open('notes/https-ssl/#tls13-handshake-step-3', { width, height: width > 600 ? 800 : 760 });
      const figure = page.locator('figure#tls13-handshake');
      await page.waitForLoadState('load');
      const landed = await page.evaluate(() => window.scrollY);
      // Wait for the island to start and show step 3.
      await expect.poll(() => figure.locator('.diagram-counter').textContent(), { timeout: 15_000 }).toBe('3 / 9');
      await page.waitForTimeout(1000);
      expect(Math.abs((await page.evaluate(() => window.scrollY)) - landed)).toBeLessThan(2);
      const onScreen = (selector: string) =>
        page
          .locator(selector)
          .first()
          .evaluate((node) => {
            const box = node.getBoundingClientRect();
            return box.top >= 0 && box.bottom <= window.innerHeight;
          });
      expect(await onScreen('figure#tls13-handshake .diagram-caption p.is-current')).toBe(true);
      expect(await onScreen('figure#tls13-handshake g.is-current')).toBe(true);
    });
  }

  it('puts the step in the address as the reader steps; Home and End go to the first and last step', async () => {
    await open('notes/https-ssl/#tls13-handshake-step-3', { width: 1280 });
    const figure = page.locator('figure#tls13-handshake');
    const counter = () => figure.locator('.diagram-counter').textContent();
    await expect.poll(counter, { timeout: 15_000 }).toBe('3 / 9');
    await figure.getByRole('button', { name: /다음/ }).click();
    await expect.poll(counter).toBe('4 / 9');
    expect(await page.evaluate(() => location.hash)).toBe('#tls13-handshake-step-4');
    const entries = await page.evaluate(() => history.length);
    await page.keyboard.press('End');
    await expect.poll(counter).toBe('9 / 9');
    expect(await page.evaluate(() => location.hash)).toBe('#tls13-handshake-step-9');
    await page.keyboard.press('Home');
    await expect.poll(counter).toBe('1 / 9');
    expect(await page.evaluate(() => location.hash)).toBe('#tls13-handshake-step-1');
    expect(await page.evaluate(() => history.length)).toBe(entries);
  });
});

describe('axe', () => {
  it('finds nothing on the phone pages with the bar open and on the home page with 이어 읽기', async () => {
    const problems: string[] = [];
    for (const colorScheme of ['light', 'dark'] as const) {
      await open('notes/nginx-wsgi/', { width: 320, height: 640, colorScheme, bypassCSP: true });
      await page
        .locator('.prose h2')
        .nth(1)
        .evaluate((node) => node.scrollIntoView({ block: 'start', behavior: 'instant' }));
      await page.waitForTimeout(1500);
      await page.locator('.page-bar summary').click();
      // axe measures the blocks the browser skips off screen (content-visibility) at their
      // estimated heights, where a paragraph's text spills over the next code block: at 320 px it
      // reported code "on" an inline code's background that no reader ever sees. Laid out in
      // full, every block is checked where a reader finds it.
      await page.addStyleTag({ content: '* { content-visibility: visible !important; }' });
      problems.push(...(await axeViolations(page)).map((line) => `note ${colorScheme}: ${line}`));
      await page.goto(url());
      await page.waitForSelector('html[data-hydrated="true"]');
      await page.getByRole('link', { name: /이어 읽기/ }).waitFor({ timeout: 10_000 });
      problems.push(...(await axeViolations(page)).map((line) => `home ${colorScheme}: ${line}`));
      await context.close();
    }
    expect(problems).toEqual([]);
  }, 120_000);
});

describe('npm run preview', () => {
  let server: PreviewServer;
  let previewOrigin: string;
  beforeAll(async () => {
    server = await preview({
      configFile: path.resolve('vite.config.ts'),
      base,
      logLevel: 'silent',
      build: { outDir: distDir },
      preview: { port: 0, host: '127.0.0.1' },
    });
    const address = server.httpServer.address();
    previewOrigin = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;
  });
  afterAll(async () => {
    await server?.close();
  });

  it('answers an unknown address with 404.html and status 404, as GitHub Pages does', async () => {
    const response = await fetch(`${previewOrigin}${base}no-such-page/`);
    expect(response.status).toBe(404);
    expect(await response.text()).toContain('페이지를 찾을 수 없습니다');
  });

  it('redirects a folder without its slash, keeping the query', async () => {
    const response = await fetch(`${previewOrigin}${base}notes/https-ssl?x=1`, { redirect: 'manual' });
    expect(response.status).toBe(301);
    expect(response.headers.get('location')).toBe(`${base}notes/https-ssl/?x=1`);
    const page = await fetch(`${previewOrigin}${base}notes/https-ssl/`);
    expect(page.status).toBe(200);
  });
});
