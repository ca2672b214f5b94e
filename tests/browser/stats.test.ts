import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, inject, it } from 'vitest';
import { ankiDeck } from '../../src/node/anki/ankiPlugin.ts';
import { guidFor } from '../../src/node/anki/ankiIds.ts';
import { writeApkg } from '../../src/node/anki/writeApkg.ts';
import { collectNotes } from '../../src/node/pipeline/collectNotes.ts';
import { progressDatabaseName } from '../../src/app/storage/databaseName.ts';
import { SITE_DESCRIPTION, SITE_NAME } from '../../src/shared/pageHead.ts';
import { readApkg } from '../unit/node/anki/readApkg.ts';
import { axeViolations } from './axe.ts';
import { launchBrowser } from './launchBrowser.ts';
import { learnerHistory } from './statsHistory.ts';

// Issue 21: the Anki decks as built and served, the scheduler settings and
// the stats page, by keyboard, on a phone and a desktop, light and dark.

const origin = inject('origin');
const base = inject('base');
const distDir = inject('distDir');
const url = (route = '') => `${origin}${base}${route}`;

let browser: Browser;
let context: BrowserContext | undefined;
let collection: Awaited<ReturnType<typeof realContent>>;
/** Importing a history and compiling the notes take a while on a shared machine. */
const SLOW = 120_000;

beforeAll(async () => {
  browser = await launchBrowser();
  collection = await realContent();
}, SLOW);
afterEach(async () => {
  await context?.close();
  context = undefined;
});
afterAll(async () => {
  await browser?.close();
});

async function newPage(options: { width?: number; colorScheme?: 'light' | 'dark'; serviceWorkers?: 'allow' } = {}) {
  context = await browser.newContext({
    // axe-core is injected as an inline script, which the site's CSP forbids.
    bypassCSP: options.serviceWorkers !== 'allow',
    viewport: { width: options.width ?? 1280, height: 900 },
    colorScheme: options.colorScheme ?? 'light',
    serviceWorkers: options.serviceWorkers ?? 'block',
  });
  return context.newPage();
}

async function realContent() {
  const names = (await readdir('content')).filter((name) => name.endsWith('.md') && name !== 'README.md');
  const files = await Promise.all(
    names.map(async (name) => ({ path: `content/${name}`, text: await readFile(path.join('content', name), 'utf8') })),
  );
  return collectNotes(files, { base });
}

/** Imports a learner's history through the stats page's own import (merge). */
async function importHistory(page: Page, questionIds: string[]) {
  await page.goto(url('stats/'));
  await page.waitForSelector('html[data-hydrated="true"]');
  const file = JSON.stringify(learnerHistory(questionIds, new Date(), 90));
  await page
    .locator('input[type="file"]')
    .setInputFiles({ name: 'history.json', mimeType: 'application/json', buffer: Buffer.from(file) });
  await page.getByRole('region', { name: '가져오기 미리 보기' }).getByRole('button', { name: '합치기' }).click();
  await expect.poll(() => page.locator('text=/모두 \\d+번 답했습니다/').textContent()).not.toContain('모두 0번');
}

describe('Anki decks', { timeout: SLOW }, () => {
  it('links each note’s deck in the prerendered note page and every deck on the stats page', async () => {
    const html = await readFile(path.join(distDir, 'notes/uwsgi/index.html'), 'utf8');
    expect(html).toMatch(
      /<a[^>]+href="\/study-notes\/anki\/notes\/uwsgi\.apkg"[^>]*download="study-notes-uwsgi\.apkg"/,
    );
    const page = await newPage();
    await page.goto(url('stats/'));
    await page.waitForSelector('html[data-hydrated="true"]');
    const site = page.getByRole('link', { name: '전체 Anki 덱 내려받기 (.apkg)' });
    expect(await site.getAttribute('href')).toBe('/study-notes/anki/study-notes.apkg');
    const response = await page.request.get(url('anki/study-notes.apkg'));
    expect(response.status()).toBe(200);
    expect((await response.body()).subarray(0, 2).toString()).toBe('PK');
    expect(await page.locator('.anki-decks li a').count()).toBe(5);
  });

  it('builds decks Anki can import: every question once, links to the public site, the same bytes when built again', async () => {
    const questions = collection.notes.flatMap(({ questions: list }) => list);
    const built = await readFile(path.join(distDir, 'anki/study-notes.apkg'));
    const deck = await readApkg(built);
    expect(deck.integrity).toBe('ok');
    expect(deck.notes.map((row) => row.guid).sort()).toEqual(questions.map((q) => guidFor(q.id)).sort());
    expect(deck.cards).toHaveLength(questions.length);
    expect(deck.revlog).toEqual([]);
    expect(deck.graves).toEqual([]);
    for (const row of deck.notes) expect(String(row.flds)).toContain(`href="${origin}${base}notes/`);

    // A second build of the same content (here, the same code on the same notes) writes the same bytes.
    const siteUrl = `${origin}${base}`;
    const decks = collection.notes.map((compiled) => ankiDeck(compiled, siteUrl, base));
    const again = await writeApkg({ rootName: SITE_NAME, rootDescription: SITE_DESCRIPTION, decks });
    expect(Buffer.from(again).equals(built)).toBe(true);
    for (const compiled of collection.notes) {
      const one = await readApkg(await readFile(path.join(distDir, `anki/notes/${compiled.note.slug}.apkg`)));
      expect(one.notes.map((row) => row.guid).sort()).toEqual(compiled.questions.map((q) => guidFor(q.id)).sort());
    }
  });

  it('precaches the decks, so they download offline after one visit', async () => {
    const worker = await readFile(path.join(distDir, 'sw.js'), 'utf8');
    expect(worker).toContain('anki/study-notes.apkg');
    for (const slug of ['normalization', 'https-ssl', 'ec2', 'uwsgi', 'nginx-wsgi'])
      expect(worker).toContain(`anki/notes/${slug}.apkg`);
    const page = await newPage({ serviceWorkers: 'allow' });
    await page.goto(url('notes/uwsgi/'));
    await page.evaluate(async () => {
      await navigator.serviceWorker.ready;
    });
    await page.reload();
    await page.waitForFunction(() => navigator.serviceWorker.controller !== null);
    await context?.setOffline(true);
    const bytes = await page.evaluate(async (deck) => {
      const response = await fetch(deck);
      return response.ok ? (await response.arrayBuffer()).byteLength : -response.status;
    }, url('anki/notes/uwsgi.apkg'));
    expect(bytes).toBe((await readFile(path.join(distDir, 'anki/notes/uwsgi.apkg'))).length);
  });
});

describe('the stats page', { timeout: SLOW }, () => {
  it('shows retention with its count, a streak, a 30-day forecast, a labelled heatmap and accuracy per note', async () => {
    const ids = collection.notes.flatMap(({ questions }) => questions.map((q) => q.id));
    const page = await newPage();
    await importHistory(page, ids.slice(0, 60));
    await page.reload();
    await page.waitForSelector('.forecast-chart');

    const retention = page.locator('.stat-cards > div', { hasText: '기억률' });
    await expect.poll(() => retention.locator('dd').first().textContent()).toMatch(/^\d+%$/);
    expect(await retention.textContent()).toMatch(/다시 본 문제에 답한 \d+번 기준/);
    expect(
      await page.locator('.stat-cards > div', { hasText: '연속 학습' }).locator('dd').first().textContent(),
    ).toMatch(/^\d+일$/);
    const chart = page.getByRole('img', { name: /앞으로 30일 동안/ });
    expect(await chart.locator('rect').count()).toBe(30);
    // The same numbers for screen readers, one row a day.
    expect(await page.locator('.forecast-chart table tbody tr').count()).toBe(30);
    const heatmap = page.locator('.heatmap');
    expect(await heatmap.locator('text').allTextContents()).toEqual(
      expect.arrayContaining(['월', '수', '금', expect.stringMatching(/^\d+월$/)]),
    );
    expect(await heatmap.locator('table tbody tr').count()).toBeGreaterThanOrEqual(6);
    const rows = page.locator('.stats-table tbody tr');
    expect(await rows.first().locator('td').nth(3).textContent()).toMatch(/^\d+% \(\d+번\)$/);
  });

  it('leaves suspended questions out of the forecast, as out of the review queue', async () => {
    const ids = collection.notes.flatMap(({ questions }) => questions.map((q) => q.id)).slice(0, 40);
    const page = await newPage();
    await importHistory(page, ids);
    const chart = () => page.getByRole('img', { name: /앞으로 30일/ }).getAttribute('aria-label');
    await expect.poll(chart).toMatch(/\d+문제를 복습합니다/);
    // Every one of them suspended, as the question browser stores it.
    await page.evaluate(
      ([name, suspended]) =>
        new Promise<void>((resolve, reject) => {
          const request = indexedDB.open(name);
          request.onsuccess = () => {
            const tx = request.result.transaction('meta', 'readwrite');
            const updatedAt = new Date().toISOString();
            tx.objectStore('meta').put({
              key: 'questionMarks',
              value: Object.fromEntries(suspended.map((id) => [id, { suspended: true, updatedAt }])),
            });
            tx.oncomplete = () => {
              request.result.close();
              resolve();
            };
            tx.onerror = () => reject(tx.error);
          };
          request.onerror = () => reject(request.error);
        }),
      [progressDatabaseName(base), ids] as const,
    );
    await page.reload();
    await expect.poll(chart).toBe('앞으로 30일 동안 복습할 문제가 없습니다.');
  });

  it('says something from the very first answers', async () => {
    const page = await newPage();
    await page.goto(url('stats/'));
    await page.waitForSelector('html[data-hydrated="true"]');
    const ids = collection.notes.flatMap(({ questions }) => questions.map((q) => q.id)).slice(0, 3);
    const file = JSON.stringify(learnerHistory(ids, new Date(), 2, { firstOnly: true }));
    await page
      .locator('input[type="file"]')
      .setInputFiles({ name: 'history.json', mimeType: 'application/json', buffer: Buffer.from(file) });
    await page.getByRole('region', { name: '가져오기 미리 보기' }).getByRole('button', { name: '합치기' }).click();
    const retention = page.locator('.stat-cards > div', { hasText: '기억률' });
    await expect.poll(() => retention.textContent()).toMatch(/처음 답한 3문제의 정답률/);
    expect(await retention.locator('dd').first().textContent()).toMatch(/^\d+%$/);
  });

  for (const [width, colorScheme] of [
    [320, 'light'],
    [320, 'dark'],
    [1280, 'light'],
    [1280, 'dark'],
  ] as const) {
    it(`has no axe violations at ${width} px, ${colorScheme}, with history and without`, async () => {
      const page = await newPage({ width, colorScheme });
      await page.goto(url('stats/'));
      await page.waitForSelector('.forecast-chart');
      expect(await axeViolations(page)).toEqual([]);
      await importHistory(page, collection.notes.flatMap(({ questions }) => questions.map((q) => q.id)).slice(0, 40));
      await page.reload();
      await page.waitForSelector('.forecast-chart');
      expect(await axeViolations(page)).toEqual([]);
      // Nothing scrolls sideways, with the charts and tables of a real history.
      expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(width);
      // Nor is anything shown wider than the screen, outside the frames that scroll on their own
      // (the charts' tables for screen readers are clipped to a pixel: they show and scroll nothing).
      const wide = await page.evaluate(() =>
        [...document.querySelectorAll('main *')]
          .filter((element) => !element.closest('.scroll-frame, .heatmap-scroll, .sr-only'))
          .filter((element) => element.getBoundingClientRect().right > window.innerWidth + 1)
          .map((element) => element.tagName),
      );
      expect(wide).toEqual([]);
    });
  }
});

describe('scheduler settings', { timeout: SLOW }, () => {
  it('are set by keyboard, checked, kept after a reload, and the review limit moves the due counts', async () => {
    const ids = collection.notes.flatMap(({ questions }) => questions.map((q) => q.id));
    const page = await newPage({ width: 320 });
    await importHistory(page, ids.slice(0, 60));
    await page.reload();
    await page.waitForSelector('html[data-hydrated="true"]');
    const dueNow = () =>
      page.locator('.stat-cards > div', { hasText: '지금 복습할 문제' }).locator('dd').first().textContent();
    const before = Number(await dueNow());

    const reviews = page.getByRole('spinbutton', { name: '하루 최대 복습 수' });
    await reviews.focus();
    await page.keyboard.press('ControlOrMeta+A');
    await page.keyboard.type('0');
    await expect.poll(async () => Number(await dueNow())).toBeLessThan(before);
    const limited = Number(await dueNow());

    const retention = page.getByRole('spinbutton', { name: '목표 기억률' });
    expect(await retention.getAttribute('aria-describedby')).toBeTruthy();
    const help = await page
      .locator(`#${(await retention.getAttribute('aria-describedby'))?.split(' ')[0]}`)
      .textContent();
    expect(help).toContain('높을수록 더 자주');
    expect(help).toContain('이미 정해진 복습 날짜는 바뀌지 않습니다');
    await retention.focus();
    await page.keyboard.press('ControlOrMeta+A');
    await page.keyboard.type('99');
    expect(await page.getByRole('alert').textContent()).toContain('70에서 97 사이의 정수');
    expect(await retention.getAttribute('aria-invalid')).toBe('true');
    await page.keyboard.press('ControlOrMeta+A');
    await page.keyboard.type('85');
    await expect.poll(() => retention.getAttribute('aria-invalid')).toBeNull();

    const noteOrder = page.getByRole('radio', { name: '노트 순서대로' });
    await noteOrder.focus();
    await page.keyboard.press('ArrowDown');
    await expect.poll(() => page.getByRole('radio', { name: '여러 노트에서 섞어서' }).isChecked()).toBe(true);

    await page.reload();
    await page.waitForSelector('html[data-hydrated="true"]');
    expect(await page.getByRole('spinbutton', { name: '하루 최대 복습 수' }).inputValue()).toBe('0');
    expect(await page.getByRole('spinbutton', { name: '목표 기억률' }).inputValue()).toBe('85');
    expect(await page.getByRole('radio', { name: '여러 노트에서 섞어서' }).isChecked()).toBe(true);
    expect(Number(await dueNow())).toBe(limited);

    // The header badge (plain IndexedDB, no scheduler) agrees on a note page.
    await page.goto(url('notes/uwsgi/'));
    await expect.poll(() => page.locator('.due-badge').getAttribute('data-count')).toBe(String(limited));
  });
});
