import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, inject, it } from 'vitest';
import { axeViolations } from './axe.ts';
import { launchBrowser } from './launchBrowser.ts';

const origin = inject('origin');
const base = inject('base');
const distDir = inject('distDir');
const url = (route = '') => `${origin}${base}${route}`;

let browser: Browser;
let context: BrowserContext;
let page: Page;
const consoleErrors: string[] = [];

async function open(options: { width?: number; colorScheme?: 'light' | 'dark'; route: string; bypassCSP?: boolean }) {
  context = await browser.newContext({
    viewport: { width: options.width ?? 1280, height: 800 },
    colorScheme: options.colorScheme ?? 'light',
    // Only for injecting axe-core: the site's own CSP forbids inline scripts.
    bypassCSP: options.bypassCSP ?? false,
    // Service workers fetch the whole site in the background; these tests
    // watch what the page itself loads.
    serviceWorkers: 'block',
  });
  page = await context.newPage();
  // A step that never happens fails on its own, naming what it waited for, before
  // the test's 30 s timeout would end it with no word of where it stood.
  page.setDefaultTimeout(10_000);
  page.on('console', (message) => {
    if (message.type() === 'error') consoleErrors.push(message.text());
  });
  await page.goto(url(options.route));
  await page.waitForSelector('html[data-hydrated="true"]');
}

const dialog = () => page.getByRole('dialog', { name: '노트 검색' });
const input = () => dialog().getByRole('combobox', { name: '검색어' });
const options = () => dialog().getByRole('option');
const activeId = () => page.evaluate(() => document.activeElement?.id ?? '');
const hash = () => page.evaluate(() => decodeURIComponent(location.hash.slice(1)));
/** Script URLs the page itself has loaded so far. */
const loadedScripts = () =>
  page.evaluate(() =>
    performance
      .getEntriesByType('resource')
      .map((entry) => entry.name)
      .filter((name) => name.endsWith('.js')),
  );

/** The built script that contains `marker`: the index has MiniSearch's serialized form, MiniSearch its `loadJS`. */
async function chunkWith(marker: string): Promise<string> {
  const assets = path.join(distDir, 'assets');
  for (const name of await readdir(assets)) {
    if (name.endsWith('.js') && (await readFile(path.join(assets, name), 'utf8')).includes(marker)) return name;
  }
  throw new Error(`no script with ${marker} in the build`);
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

describe('search', () => {
  it('loads the index and MiniSearch only when search first opens', async () => {
    const chunks = [await chunkWith('serializationVersion'), await chunkWith('loadJS')];
    await open({ route: 'notes/uwsgi/' });
    await page.waitForLoadState('networkidle');
    const before = await loadedScripts();
    for (const chunk of chunks)
      expect(
        before.some((name) => name.endsWith(chunk)),
        chunk,
      ).toBe(false);

    await page.keyboard.press('Control+k');
    await input().fill('소켓');
    await expect.poll(() => options().count()).toBeGreaterThan(0);
    const after = await loadedScripts();
    for (const chunk of chunks)
      expect(
        after.some((name) => name.endsWith(chunk)),
        chunk,
      ).toBe(true);
  });

  it('keeps what is typed right after the shortcut, while the index is still loading', async () => {
    await open({ route: 'notes/ec2/' });
    await page.keyboard.press('/');
    await page.keyboard.type('allowed_hosts');
    expect(await input().inputValue()).toBe('allowed_hosts');
    await expect.poll(() => options().count()).toBeGreaterThan(0);
  });

  it('searches with the keyboard alone and lands on the chosen heading', async () => {
    await open({ route: '' });
    await page.keyboard.press('/');
    await expect.poll(() => input().evaluate((element) => element === document.activeElement)).toBe(true);
    await page.keyboard.type('정규화를');
    await expect.poll(() => options().count()).toBeGreaterThan(2);
    // Each typed syllable updates the list ('정' alone finds 정적 파일): wait until it answers the whole query.
    let previous = '';
    await expect
      .poll(
        async () => {
          const now = (await options().allTextContents()).join('|');
          const settled = now === previous;
          previous = now;
          return settled;
        },
        { interval: 300 },
      )
      .toBe(true);
    await expect.poll(() => options().first().getAttribute('aria-selected')).toBe('true');

    await page.keyboard.press('ArrowDown');
    const chosen = options().nth(1);
    await expect.poll(() => chosen.getAttribute('aria-selected')).toBe('true');
    expect(await input().getAttribute('aria-activedescendant')).toBe(await chosen.getAttribute('id'));
    const heading = (await chosen.locator('.search-hit-heading').textContent())?.replace('›', '').trim();
    const marked = await chosen.locator('mark').allTextContents();
    expect(marked.some((text) => text.includes('정규화'))).toBe(true);

    await page.keyboard.press('Enter');
    await expect.poll(() => dialog().isVisible()).toBe(false);
    await page.waitForURL(/\/notes\/normalization\/#/);
    const id = await hash();
    await expect.poll(() => page.evaluate((target) => document.getElementById(target)?.textContent, id)).toBe(heading);
    await expect.poll(activeId).toBe(id);
    // Smooth scrolling (no reduced-motion preference here) takes most of a second.
    await expect
      .poll(() => page.evaluate((target) => document.getElementById(target)?.getBoundingClientRect().top ?? -1, id), {
        timeout: 5000,
      })
      .toBeLessThan(200);
    expect(
      await page.evaluate((target) => document.getElementById(target)?.getBoundingClientRect().top, id),
    ).toBeGreaterThanOrEqual(0);
  });

  it('opens a quiz question at the question itself, ready to answer', async () => {
    await open({ route: '' });
    await page.keyboard.press('/');
    // Words of the question in ec2.md (#ec2-secrets-01), not of any heading.
    await page.keyboard.type('SECRET_KEY 두기에 알맞지');
    const hit = options()
      .filter({ has: page.locator('.search-hit-quiz') })
      .first();
    await expect.poll(() => hit.count()).toBe(1);
    await hit.click();
    await page.waitForURL(/\/notes\/ec2\/#quiz-ec2-secrets-01$/);
    const question = page.locator('#quiz-ec2-secrets-01');
    expect(await question.getAttribute('data-question-id')).toBe('ec2-secrets-01');
    await expect.poll(activeId).toBe('quiz-ec2-secrets-01');
    await expect
      .poll(() => question.evaluate((element) => Math.round(element.getBoundingClientRect().top)), { timeout: 5000 })
      .toBeLessThan(200);
    expect(await question.evaluate((element) => element.getBoundingClientRect().top)).toBeGreaterThanOrEqual(0);
    await expect.poll(() => question.getByRole('radio').count()).toBe(4);
  });

  it('puts a term typed by its name first, and opens its glossary entry', async () => {
    await open({ route: 'notes/normalization/' });
    await page.keyboard.press('/');
    await page.keyboard.type('순방향 비밀성');
    const first = options().first();
    await expect.poll(() => first.locator('.search-hit-term').textContent()).toBe('용어');
    expect(await first.locator('.search-hit-note').textContent()).toBe('용어집');
    expect(await first.locator('.search-hit-heading').textContent()).toContain('순방향 비밀성');
    await expect.poll(() => first.locator('.search-hit-snippet').textContent()).toMatch(/\S/);
    // The sections that teach it follow.
    await expect.poll(() => options().nth(1).locator('.search-hit-term').count()).toBe(0);
    await page.keyboard.press('Enter');
    await page.waitForURL(/\/glossary\/#%EC%88%9C|\/glossary\/#순방향-비밀성$/);
    await expect.poll(hash).toBe('순방향-비밀성');
  });

  it('finds config keys in any case and loan-word spellings from the synonym list', async () => {
    await open({ route: 'notes/ec2/' });
    await page.keyboard.press('Control+k');
    await input().fill('allowed_hosts');
    await expect.poll(() => options().first().locator('mark').first().textContent()).toBe('ALLOWED_HOSTS');
    await input().fill('핸드쉐이크');
    // Poll the new results themselves: the previous query's list is still there for a moment.
    await expect.poll(() => options().first().locator('mark').first().textContent()).toBe('핸드셰이크');
    expect(await options().count()).toBeGreaterThan(2);
  });

  it('closes with Esc and hands focus back to where it was', async () => {
    await open({ route: 'notes/https-ssl/' });
    const link = page.locator('.toc-column a').nth(2);
    await link.focus();
    await page.keyboard.press('Control+k');
    await expect.poll(() => dialog().isVisible()).toBe(true);
    await page.keyboard.press('Escape');
    await expect.poll(() => dialog().isVisible()).toBe(false);
    expect(await link.evaluate((element) => element === document.activeElement)).toBe(true);

    // `/` typed in the dialog's own field is just a slash.
    await page.keyboard.press('/');
    await input().pressSequentially('a/b');
    expect(await input().inputValue()).toBe('/a/b'.slice(1));
  });

  it('reopens the same section even when already there', async () => {
    await open({ route: 'notes/uwsgi/' });
    await page.keyboard.press('Control+k');
    await input().fill('chmod-socket');
    await expect.poll(() => options().count()).toBeGreaterThan(0);
    await page.keyboard.press('Enter');
    await page.waitForURL(/#/);
    const id = await hash();
    await page.evaluate(() => window.scrollTo({ top: 0, behavior: 'instant' }));
    await page.keyboard.press('Control+k');
    await expect.poll(() => options().count()).toBeGreaterThan(0);
    await page.keyboard.press('Enter');
    await expect.poll(activeId).toBe(id);
    // Smooth scrolling (no reduced-motion preference here) takes most of a second.
    await expect
      .poll(() => page.evaluate((target) => document.getElementById(target)?.getBoundingClientRect().top ?? -1, id), {
        timeout: 5000,
      })
      .toBeLessThan(200);
  });

  it('survives very long and odd input', async () => {
    await open({ route: '' });
    await page.keyboard.press('Control+k');
    for (const query of ['가'.repeat(10_000), '.*+?^${}()|[]\\', '!!!', '😀 漢字 nginx']) {
      await input().fill(query);
      await expect.poll(() => dialog().locator('.search-status').textContent()).not.toBe('');
    }
    expect(await dialog().isVisible()).toBe(true);
  });

  it('works on a phone: the button opens a full-screen dialog and a tap opens a result', async () => {
    await open({ route: 'notes/normalization/', width: 390 });
    const button = page.getByRole('button', { name: '검색' });
    expect(await button.isVisible()).toBe(true);
    await button.click();
    await input().fill('소켓');
    await expect.poll(() => options().count()).toBeGreaterThan(0);
    const box = await dialog().boundingBox();
    expect(box?.width).toBe(390);
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
    // The glossary's entry for 유닉스 도메인 소켓 comes first; the sections follow.
    await options()
      .filter({ hasNot: page.locator('.search-hit-term') })
      .first()
      .click();
    await page.waitForURL(/\/notes\/(uwsgi|nginx-wsgi)\/#/);
  });
});

describe('search accessibility (axe-core)', () => {
  for (const colorScheme of ['light', 'dark'] as const) {
    for (const width of [1280, 390]) {
      it(`has no violations with the dialog open, empty and with results (${colorScheme}, ${width}px)`, async () => {
        await open({ route: 'notes/https-ssl/', colorScheme, width, bypassCSP: true });
        await page.keyboard.press('Control+k');
        // The first open loads the dialog's code (an island on a note page).
        await expect
          .poll(() => dialog().getByRole('button', { name: '소켓' }).isVisible(), { timeout: 15_000 })
          .toBe(true);
        const problems = (await axeViolations(page)).map((line) => `empty: ${line}`);
        await input().fill('핸드셰이크');
        await expect.poll(() => options().count()).toBeGreaterThan(1);
        await page.keyboard.press('ArrowDown');
        problems.push(...(await axeViolations(page)).map((line) => `results: ${line}`));
        expect(problems).toEqual([]);
      });
    }
  }

  it('logged no console errors', () => {
    expect(consoleErrors).toEqual([]);
  });
});
