import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, inject, it } from 'vitest';
import { launchBrowser } from './launchBrowser.ts';

// A note page is HTML with islands. On a phone-class CPU (4× slowdown, 390 px)
// a reader taps as soon as something shows: every tap must take effect, at
// once or when its part of the page has started, and never be lost or undone.

const origin = inject('origin');
const base = inject('base');
const url = (route = '') => `${origin}${base}${route}`;

let browser: Browser;
let context: BrowserContext;

beforeAll(async () => {
  browser = await launchBrowser();
});
afterEach(async () => {
  await context?.close();
});
afterAll(async () => {
  await browser?.close();
});

/** A phone: 390 px wide, CPU slowed 4×, with the page's scripts loaded as they come. */
async function phone(): Promise<Page> {
  context = await browser.newContext({ viewport: { width: 390, height: 800 }, colorScheme: 'light', hasTouch: true });
  const page = await context.newPage();
  const cdp = await context.newCDPSession(page);
  await cdp.send('Emulation.setCPUThrottlingRate', { rate: 4 });
  return page;
}

/** Opens a note and returns as soon as its title is on screen, before any script need have run. */
async function openEarly(page: Page, slug: string): Promise<void> {
  await page.goto(url(`notes/${slug}/`), { waitUntil: 'commit' });
  await page.locator('main h1').waitFor();
}

const scriptsFetched = (page: Page) =>
  page.evaluate(() =>
    performance
      .getEntriesByType('resource')
      .filter((entry) => (entry as PerformanceResourceTiming).initiatorType === 'script' || entry.name.endsWith('.js'))
      .map((entry) => entry.name.split('/').pop() ?? ''),
  );

describe('a note page at first paint', () => {
  it('applies and keeps a theme tapped before the page script ran', async () => {
    const page = await phone();
    await openEarly(page, 'https-ssl');
    // On a phone the theme choice is in the menu (a native <dialog> the inline script opens).
    await page.locator('.menu-button').tap();
    await page.locator('.nav-drawer .theme-switcher label[title="다크"]').tap();
    expect(await page.evaluate(() => document.documentElement.dataset.theme)).toBe('dark');
    await page.waitForSelector('html[data-hydrated="true"]');
    await page.waitForTimeout(500);
    expect(await page.evaluate(() => document.documentElement.dataset.theme)).toBe('dark');
    expect(await page.locator('.nav-drawer .theme-switcher input[value="dark"]').isChecked()).toBe(true);
    await page.reload();
    expect(await page.evaluate(() => document.documentElement.dataset.theme)).toBe('dark');
    expect(await page.locator('.nav-drawer .theme-switcher input[value="dark"]').isChecked()).toBe(true);
  });

  it('opens the menu on the first tap, and closes it', async () => {
    const page = await phone();
    await openEarly(page, 'https-ssl');
    await page.locator('.menu-button').tap();
    await expect.poll(() => page.locator('.nav-drawer[open]').count()).toBe(1);
    expect(await page.locator('.menu-button').getAttribute('aria-expanded')).toBe('true');
    await page.locator('.nav-drawer-close').tap();
    await expect.poll(() => page.locator('.nav-drawer[open]').count()).toBe(0);
  });

  it('opens search tapped before the page script ran', async () => {
    const page = await phone();
    await openEarly(page, 'https-ssl');
    await page.locator('.search-launcher').tap();
    await expect.poll(() => page.locator('dialog.search-dialog[open]').count(), { timeout: 20_000 }).toBe(1);
    await page.keyboard.type('정규화');
    await expect
      .poll(() => page.locator('dialog.search-dialog [role="option"]').count(), { timeout: 20_000 })
      .toBeGreaterThan(0);
  });

  it('loads no React, no scheduler and none of the note text as script until a part needs it', async () => {
    const page = await phone();
    await page.goto(url('notes/https-ssl/'));
    await page.waitForSelector('html[data-hydrated="true"]');
    await page.waitForTimeout(1500);
    const scripts = await scriptsFetched(page);
    expect(scripts.some((name) => /^(client|QuizIsland|DiagramIsland|https-ssl|useProgress)-/.test(name))).toBe(false);
    expect(await page.locator('[data-island-state]').count()).toBe(0);
  });
});

describe('the home page', () => {
  it('is HTML with the loader too: the menu works at first paint, no React loads, and stored progress fills in', async () => {
    const page = await phone();
    await page.goto(url(), { waitUntil: 'commit' });
    await page.locator('main h1').waitFor();
    await page.locator('.menu-button').tap();
    await expect.poll(() => page.locator('.nav-drawer[open]').count()).toBe(1);
    await page.locator('.nav-drawer-close').tap();
    await page.waitForSelector('html[data-hydrated="true"]');
    const normalization = page.locator('.note-card[data-note="normalization"] .note-progress p');
    await expect
      .poll(() => normalization.textContent(), { timeout: 15_000 })
      .toMatch(/^문제 \d+개: 새 문제 \d+ · 학습 중 0 · 기억함 0$/);
    const scripts = await scriptsFetched(page);
    expect(scripts.some((name) => /^(client|react-dom|start|useProgress|progressStore)-/.test(name))).toBe(false);
    // A first visit reads progress without creating the database.
    expect(await page.evaluate(async () => (await indexedDB.databases()).length)).toBe(0);
  });

  it('and so is a tag’s page, under its own title', async () => {
    const page = await phone();
    await page.goto(url('tags/tls/'));
    await page.waitForSelector('html[data-hydrated="true"]');
    expect(await page.title()).toBe('태그: TLS · 스터디 노트');
    await page.waitForTimeout(1500);
    expect((await scriptsFetched(page)).some((name) => /^(client|react-dom|start)-/.test(name))).toBe(false);
  });

  it('and so is the glossary: its term cards switch reads and writes stored progress without React', async () => {
    const page = await phone();
    await page.goto(url('glossary/'));
    await page.waitForSelector('html[data-hydrated="true"]');
    const toggle = page.getByRole('checkbox', { name: '복습에 용어 카드도 넣기' });
    await expect.poll(() => toggle.isEnabled()).toBe(true);
    expect(await toggle.isChecked()).toBe(false);
    await toggle.tap();
    expect(await toggle.isChecked()).toBe(true);
    // Kept in storage: a new visit reads it back.
    await expect
      .poll(() =>
        page.evaluate(async () => {
          const names = (await indexedDB.databases()).map((database) => database.name);
          return names.some((name) => name?.startsWith('study-notes'));
        }),
      )
      .toBe(true);
    expect((await scriptsFetched(page)).some((name) => /^(client|react-dom|start)-/.test(name))).toBe(false);
    await page.reload();
    await page.waitForSelector('html[data-hydrated="true"]');
    await expect.poll(() => toggle.isChecked()).toBe(true);
    expect(await toggle.isEnabled()).toBe(true);
  });
});

describe('islands', () => {
  it('keeps a choice made before the question started, and grades it', async () => {
    const page = await phone();
    await openEarly(page, 'normalization');
    const quiz = page.locator('[data-island="quiz"]:has(.quiz-single)').first();
    await quiz.locator('label').first().scrollIntoViewIfNeeded();
    await quiz.locator('label').first().tap();
    await expect.poll(() => quiz.getAttribute('data-island-state'), { timeout: 20_000 }).toBe('ready');
    expect(await quiz.locator('input').first().isChecked()).toBe(true);
    await quiz.locator('button[type="submit"]').tap();
    await expect.poll(() => quiz.locator('.quiz-verdict').count(), { timeout: 10_000 }).toBe(1);
    expect(await quiz.locator('li').first().getAttribute('class')).toMatch(/is-(correct|incorrect)/);
  });

  it('keeps a choice and a tap on a blank made while the fields still slept, before the page script ran', async () => {
    const page = await phone();
    // Hold the loader back, so both taps surely land on the prerendered stand-ins.
    let release = () => {};
    const held = new Promise<void>((resolve) => (release = resolve));
    await page.route(/\/assets\/loader-[\w-]+\.js$/, async (route) => {
      await held;
      await route.continue();
    });
    await openEarly(page, 'https-ssl');
    const choice = page.locator('[data-island="quiz"]:has(.quiz-single)').first();
    await choice.locator('label').first().scrollIntoViewIfNeeded();
    expect(await choice.locator('input').count()).toBe(0);
    await choice.locator('label').first().tap();
    const cloze = page.locator('[data-island="quiz"]:has(.quiz-cloze)').first();
    await cloze.locator('.quiz-gap').first().scrollIntoViewIfNeeded();
    await cloze.locator('.quiz-gap').first().tap();
    release();
    // The blank, woken, has the cursor: what the reader types goes in.
    await expect.poll(() => page.evaluate(() => document.activeElement?.getAttribute('aria-label'))).toBe('빈칸 1');
    await page.keyboard.type('TLS');
    await expect.poll(() => cloze.locator('input').first().inputValue()).toBe('TLS');
    await expect.poll(() => choice.getAttribute('data-island-state'), { timeout: 20_000 }).toBe('ready');
    expect(await choice.locator('input').first().isChecked()).toBe(true);
    await choice.locator('button[type="submit"]').tap();
    await expect.poll(() => choice.locator('.quiz-verdict').count(), { timeout: 10_000 }).toBe(1);
  });

  it('wakes every question’s fields at the first Tab, so the keyboard reaches each one in order', async () => {
    const page = await phone();
    await page.goto(url('notes/https-ssl/'));
    await page.waitForSelector('html[data-hydrated="true"]');
    const asleep = () => page.locator('main [data-dormant]').count();
    expect(await asleep()).toBeGreaterThan(0);
    await page.keyboard.press('Tab');
    expect(await asleep()).toBe(0);
    expect(await page.locator('main [data-island="quiz"] input').count()).toBeGreaterThan(20);
  });

  it('applies a click that reaches a choice still asleep, far down the page, once the script runs', async () => {
    const page = await phone();
    await page.goto(url('notes/https-ssl/'));
    await page.waitForSelector('html[data-hydrated="true"]');
    const quiz = page.locator('[data-island="quiz"]:has(.quiz-single)').last();
    expect(await quiz.locator('input').count()).toBe(0);
    // A click with no touch before it (a script, an assistive tool): nothing has woken the question.
    await quiz
      .locator('label')
      .first()
      .evaluate((label: HTMLElement) => label.click());
    await expect.poll(() => quiz.locator('input').first().isChecked()).toBe(true);
  });

  it('keeps a selected match made before the question started', async () => {
    const page = await phone();
    await openEarly(page, 'normalization');
    const quiz = page.locator('[data-island-id="db-design-names-match"]');
    // Its fields wake as it nears the screen (src/shared/dormantControls.ts), as a reader scrolls to it.
    await quiz.locator('.quiz').scrollIntoViewIfNeeded();
    const selects = quiz.locator('select');
    await selects.first().scrollIntoViewIfNeeded();
    const count = await selects.count();
    for (let index = 0; index < count; index++) await selects.nth(index).selectOption({ index: 1 });
    await expect.poll(() => quiz.getAttribute('data-island-state'), { timeout: 20_000 }).toBe('ready');
    for (let index = 0; index < count; index++) await expect.poll(() => selects.nth(index).inputValue()).not.toBe('');
    await expect.poll(() => quiz.locator('button[type="submit"]').isEnabled()).toBe(true);
  });

  it('applies a diagram step tapped before the diagram started', async () => {
    const page = await phone();
    await openEarly(page, 'normalization');
    const diagram = page.locator('[data-island="diagram"]').first();
    const next = diagram.getByRole('button', { name: /다음/ });
    await next.scrollIntoViewIfNeeded();
    await next.tap();
    await expect.poll(() => diagram.getAttribute('data-island-state'), { timeout: 20_000 }).toBe('ready');
    await expect.poll(() => diagram.locator('.diagram-counter').textContent()).toMatch(/^2 \//);
  });

  it('reveals a flashcard tapped before it started', async () => {
    const page = await phone();
    await openEarly(page, 'https-ssl');
    const card = page.locator('[data-island="quiz"]:has(.quiz-flashcard)').first();
    const reveal = card.getByRole('button', { name: '답 보기' });
    await reveal.scrollIntoViewIfNeeded();
    await reveal.tap();
    await expect.poll(() => card.locator('.quiz-back').count(), { timeout: 20_000 }).toBe(1);
  });

  it('fetches nothing for the parts a jump flies past, and starts the one it lands on', async () => {
    // No CPU slowdown here: what is measured is how long a part stays near the screen.
    context = await browser.newContext({ viewport: { width: 390, height: 800 }, colorScheme: 'light' });
    const page = await context.newPage();
    await page.goto(url('notes/normalization/'));
    await page.waitForSelector('html[data-hydrated="true"]');
    // A question about halfway down, some screens away from either of the note’s diagrams;
    // the first diagram lies on the way there.
    const target = await page.evaluate(() => {
      // An island is a `display: contents` wrapper: its first child has the box.
      const top = (island: Element) =>
        (island.firstElementChild ?? island).getBoundingClientRect().top + window.scrollY;
      const diagrams = [...document.querySelectorAll('[data-island="diagram"]')].map(top);
      const quizzes = [...document.querySelectorAll<HTMLElement>('[data-island="quiz"]')];
      const far = quizzes.find((quiz) => {
        const at = top(quiz);
        return at > (diagrams[0] ?? 0) + 2500 && diagrams.every((diagram) => Math.abs(diagram - at) > 2500);
      });
      return far?.dataset.islandId;
    });
    expect(target).toBeTruthy();
    const quiz = page.locator(`[data-island-id="${target}"]`);
    // As a contents link does: to the question's anchor, smoothly, past everything above it.
    await quiz.evaluate((island) => (window.location.hash = `#${island.firstElementChild?.id}`));
    await expect.poll(() => quiz.getAttribute('data-island-state'), { timeout: 20_000 }).toBe('ready');
    await page.waitForTimeout(1000);
    const scripts = await scriptsFetched(page);
    expect(scripts.some((name) => /^QuizIsland-/.test(name))).toBe(true);
    expect(scripts.filter((name) => /^(DiagramIsland|DiagramView)-/.test(name))).toEqual([]);
    expect(await page.locator('[data-island="diagram"][data-island-state]').count()).toBe(0);
  });
});

describe('moving between notes', () => {
  it('shows the next note in place: header state kept, title, sidebar and history right', async () => {
    context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    const page = await context.newPage();
    await page.goto(url('notes/normalization/'));
    await page.waitForSelector('html[data-hydrated="true"]');
    await page.evaluate(() => ((window as unknown as { kept: boolean }).kept = true));
    await page.locator('.sidebar a[href$="notes/https-ssl/"]').click();
    await expect.poll(() => page.locator('main h1').textContent()).toContain('HTTPS');
    expect(page.url()).toBe(url('notes/https-ssl/'));
    expect(await page.title()).toContain('HTTPS');
    expect(await page.evaluate(() => (window as unknown as { kept?: boolean }).kept)).toBe(true);
    expect(await page.locator('.sidebar a[aria-current="page"]').getAttribute('href')).toMatch(/https-ssl\/$/);
    expect(await page.evaluate(() => document.activeElement?.tagName)).toBe('H1');
    // The new page's islands start too.
    const quiz = page.locator('[data-island="quiz"]').first();
    await quiz.scrollIntoViewIfNeeded();
    await expect.poll(() => quiz.getAttribute('data-island-state'), { timeout: 20_000 }).toBe('ready');
    await page.goBack();
    await expect.poll(() => page.locator('main h1').textContent()).toContain('정규화');
    expect(await page.evaluate(() => (window as unknown as { kept?: boolean }).kept)).toBe(true);
  });
});
