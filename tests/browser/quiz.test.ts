import { mkdtemp, readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, inject, it } from 'vitest';
import { progressDatabaseName } from '../../src/app/storage/databaseName.ts';
import { answerByKeyboard } from './answerByKeyboard.ts';
import { axeViolations } from './axe.ts';
import { chooseInIsland } from './chooseInIsland.ts';
import { launchBrowser } from './launchBrowser.ts';

// Quiz progress in a real browser: stored in IndexedDB, surviving reloads,
// closed tabs, export/import and damaged data; a review session by keyboard.

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

async function newContext(options: { colorScheme?: 'light' | 'dark'; bypassCSP?: boolean } = {}) {
  context = await browser.newContext({
    viewport: { width: 1280, height: 900 },
    colorScheme: options.colorScheme ?? 'light',
    acceptDownloads: true,
    bypassCSP: options.bypassCSP ?? false,
  });
  return context;
}

async function open(page: Page, route: string) {
  await page.goto(url(route));
  await page.waitForSelector('html[data-hydrated="true"]');
}

/** "모두 N번 답했습니다" on the stats page. */
async function answersOnStats(page: Page): Promise<number> {
  await open(page, 'stats/');
  const text = await page.locator('text=/모두 \\d+번 답했습니다/').textContent();
  return Number(/모두 (\d+)번/.exec(text ?? '')?.[1]);
}

describe('quiz progress', () => {
  it('keeps an answer given in a note across a reload', async () => {
    const page = await (await newContext()).newPage();
    await open(page, 'notes/normalization/');
    const quiz = page.locator('.quiz-single').first();
    // Its fields wake as it nears the screen (src/shared/dormantControls.ts).
    await quiz.scrollIntoViewIfNeeded();
    await chooseInIsland(quiz.locator('input[type="radio"]').first());
    await quiz.getByRole('button', { name: '답 확인' }).click();
    await expect.poll(() => quiz.locator('.quiz-next').textContent()).toMatch(/다음 복습: /);
    await page.reload();
    await page.waitForSelector('html[data-hydrated="true"]');
    expect(await answersOnStats(page)).toBe(1);
  });

  it('loses nothing when the tab is closed in the middle of a review session', async () => {
    const ctx = await newContext();
    const page = await ctx.newPage();
    await open(page, 'review/');
    await page.locator('.practice-question').waitFor();
    await page.locator('.practice-question').focus();
    await answerByKeyboard(page);
    await page.keyboard.press('Enter');
    await answerByKeyboard(page);
    await page.close();

    const reopened = await ctx.newPage();
    expect(await answersOnStats(reopened)).toBe(2);
  });

  it('runs a review session with the keyboard only, and Z undoes the last answer', async () => {
    const page = await (await newContext()).newPage();
    await open(page, 'review/?note=https-ssl');
    expect(await page.locator('main h1').textContent()).toContain('문제 풀기');
    await page.locator('.practice-question').waitFor();
    await page.locator('.practice-question').focus();
    for (let i = 0; i < 4; i++) {
      await answerByKeyboard(page);
      await expect.poll(() => page.evaluate(() => document.activeElement?.textContent ?? '')).toMatch(/다음 문제/);
      await page.keyboard.press('Enter');
    }
    expect(await page.locator('.practice-progress').textContent()).toMatch(/^5 \//);
    await page.keyboard.press('z');
    await expect.poll(() => page.locator('.practice-progress').textContent()).toMatch(/^4 \//);
    expect(await answersOnStats(page)).toBe(3);
  });

  it('exports progress to a file and imports it into another browser profile', async () => {
    const first = await newContext();
    const page = await first.newPage();
    await open(page, 'review/');
    await page.locator('.practice-question').focus();
    await answerByKeyboard(page);
    await page.keyboard.press('Enter');
    await answerByKeyboard(page);
    await open(page, 'stats/');
    await expect.poll(() => page.getByText('내보내지 않은 새 기록이 있습니다.').count()).toBe(1);
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: '파일로 내보내기' }).click(),
    ]);
    // Downloads disappear with their context: keep a copy for the second profile.
    const file = path.join(await mkdtemp(path.join(tmpdir(), 'study-notes-export-')), download.suggestedFilename());
    await download.saveAs(file);
    expect(download.suggestedFilename()).toMatch(/^study-notes-progress-\d{4}-\d{2}-\d{2}\.json$/);
    const exported = JSON.parse(await readFile(file, 'utf8')) as { format: string; logs: unknown[] };
    expect(exported.format).toBe('study-notes-progress');
    expect(exported.logs).toHaveLength(2);
    await expect.poll(() => page.getByText('내보내지 않은 새 기록이 있습니다.').count()).toBe(0);
    await first.close();

    const second = await newContext();
    const fresh = await second.newPage();
    expect(await answersOnStats(fresh)).toBe(0);
    await fresh.locator('input[type="file"]').setInputFiles(file);
    const preview = fresh.getByRole('region', { name: '가져오기 미리 보기' });
    await preview.waitFor();
    expect(await preview.textContent()).toContain('새로 더해질 답 기록: 2개');
    await preview.getByRole('button', { name: '합치기' }).click();
    await expect.poll(() => fresh.locator('text=/모두 \\d+번 답했습니다/').textContent()).toContain('모두 2번');

    // A file that is not ours changes nothing and says why.
    await fresh
      .locator('input[type="file"]')
      .setInputFiles({ name: 'bad.json', mimeType: 'application/json', buffer: Buffer.from('{"hello":1}') });
    expect(await fresh.getByRole('alert').textContent()).toContain('이 파일은 가져올 수 없습니다');
    expect(await answersOnStats(fresh)).toBe(2);
  });

  it('moves damaged stored records to a backup and tells the learner', async () => {
    const page = await (await newContext()).newPage();
    await open(page, 'stats/');
    await page.evaluate(
      (name) =>
        new Promise<void>((resolve, reject) => {
          const request = indexedDB.open(name);
          request.onsuccess = () => {
            const tx = request.result.transaction('cards', 'readwrite');
            tx.objectStore('cards').put({ questionId: 'db-broken', card: { due: 'yesterday' }, updatedAt: 'x' });
            tx.oncomplete = () => resolve();
            tx.onerror = () => reject(tx.error);
          };
          request.onerror = () => reject(request.error);
        }),
      progressDatabaseName(base),
    );
    await open(page, 'stats/');
    expect(await page.getByRole('alert').textContent()).toMatch(/1개 항목이 손상되어/);
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: /손상된 기록 백업 내려받기/ }).click(),
    ]);
    expect(await readFile(await download.path(), 'utf8')).toContain('db-broken');
  });
});

describe('accessibility of quiz pages (axe-core)', () => {
  for (const colorScheme of ['light', 'dark'] as const) {
    it(`has no violations on a note with an answered question, review and stats (${colorScheme})`, async () => {
      const page = await (await newContext({ colorScheme, bypassCSP: true })).newPage();
      const problems: string[] = [];
      await open(page, 'notes/uwsgi/');
      const quiz = page.locator('.quiz-single').first();
      await quiz.scrollIntoViewIfNeeded();
      await chooseInIsland(quiz.locator('input[type="radio"]').first());
      await quiz.getByRole('button', { name: '답 확인' }).click();
      await quiz.locator('.quiz-verdict').waitFor();
      problems.push(...(await axeViolations(page)).map((line) => `note: ${line}`));
      await open(page, 'review/');
      await page.locator('.practice-question').waitFor();
      problems.push(...(await axeViolations(page)).map((line) => `review: ${line}`));
      await open(page, 'stats/');
      await page.locator('.heatmap').waitFor();
      problems.push(...(await axeViolations(page)).map((line) => `stats: ${line}`));
      expect(problems).toEqual([]);
      // Three pages through axe took about 30 s on main already on a shared 2-core machine;
      // the note's status lines (laid out, outside content-visibility) add a few seconds.
    }, 120_000);
  }
});
