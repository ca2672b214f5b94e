import { readFile } from 'node:fs/promises';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, inject, it } from 'vitest';
import { progressDatabaseName } from '../../src/app/storage/databaseName.ts';
import { chooseInIsland } from './chooseInIsland.ts';
import { launchBrowser } from './launchBrowser.ts';

// Issue 14: no answer lost, no learner stuck. What a learner sees of stored progress
// on note pages and the review and stats pages: storage that cannot keep answers,
// answers shown again on every visit, counts that follow the clock, an empty store,
// no JavaScript, and /review/?note= loaded fresh.

const origin = inject('origin');
const base = inject('base');
const url = (route = '') => `${origin}${base}${route}`;
const dbName = progressDatabaseName(base);
// Each test answers on several pages; a shared machine under load takes longer than the default 30 s.
const SLOW = 90_000;

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

async function newContext(options: { javaScriptEnabled?: boolean } = {}) {
  context = await browser.newContext({
    viewport: { width: 1280, height: 900 },
    colorScheme: 'light',
    acceptDownloads: true,
    javaScriptEnabled: options.javaScriptEnabled ?? true,
  });
  return context;
}

/** Waits until the stats page says the setting is stored, so leaving the page cannot cut its save short. */
async function savedSetting(page: Page, label: string) {
  await page
    .locator('.setting-row', { has: page.getByLabel(label) })
    .getByRole('status')
    .filter({ hasText: '저장됨' })
    .waitFor();
}

async function open(page: Page, route: string) {
  await page.goto(url(route));
  await page.waitForSelector('html[data-hydrated="true"]');
}

/** Answers the note's `index`-th single-choice question with its first choice; returns the island. */
async function answerInNote(page: Page, index: number) {
  const island = page.locator('[data-island="quiz"]:has(.quiz-single)').nth(index);
  await island.scrollIntoViewIfNeeded();
  await chooseInIsland(island.locator('input[type="radio"]').first());
  await island.getByRole('button', { name: '답 확인' }).click();
  await island.locator('.quiz-verdict').waitFor({ timeout: 20_000 });
  return island;
}

/** Answers the question on the review page, whatever its type (right or wrong does not matter here). */
async function answerOnReview(page: Page) {
  const question = page.locator('.practice-question [data-question-id]');
  const kind = (await question.getAttribute('class')) ?? '';
  if (kind.includes('quiz-flashcard')) {
    await question.getByRole('button', { name: '답 보기' }).click();
    await question.locator('.quiz-grades button').nth(2).click();
  } else {
    if (kind.includes('quiz-match')) {
      const selects = question.locator('select');
      for (let index = 0; index < (await selects.count()); index++) await selects.nth(index).selectOption({ index: 1 });
    } else if (kind.includes('quiz-cloze')) {
      await question.locator('input[type="text"]').first().fill('모름');
    } else if (!kind.includes('quiz-order')) {
      await question.locator('input').first().check();
    }
    await question.getByRole('button', { name: '답 확인' }).click();
  }
  await question.locator('.quiz-verdict').waitFor();
}

/** The header's due count. */
const badgeCount = async (page: Page) => Number(await page.locator('.due-badge').getAttribute('data-count'));

describe('storage that cannot keep answers (item 2)', { timeout: SLOW }, () => {
  const cases: { name: string; setup: (page: Page) => Promise<void> }[] = [
    {
      name: 'no IndexedDB',
      setup: async (page) => {
        await page.addInitScript(() =>
          Object.defineProperty(window, 'indexedDB', { value: undefined, configurable: true }),
        );
      },
    },
    {
      name: 'IndexedDB blocked (site data off)',
      setup: async (page) => {
        await page.addInitScript(() => {
          IDBFactory.prototype.open = () => {
            throw new DOMException('The user denied permission to access the database.', 'SecurityError');
          };
        });
      },
    },
    {
      name: 'a database of a newer version',
      setup: async (page) => {
        await page.goto(url('404.html'));
        await page.evaluate(
          (name) =>
            new Promise<void>((resolve, reject) => {
              const request = indexedDB.open(name, 99);
              request.onupgradeneeded = () => {
                const db = request.result;
                db.createObjectStore('cards', { keyPath: 'questionId' });
                db.createObjectStore('logs', { keyPath: 'id', autoIncrement: true }).createIndex(
                  'byQuestion',
                  'questionId',
                );
                db.createObjectStore('meta', { keyPath: 'key' });
                db.createObjectStore('backups', { keyPath: 'id', autoIncrement: true });
              };
              request.onsuccess = () => {
                request.result.close();
                resolve();
              };
              request.onerror = () => reject(request.error);
            }),
          dbName,
        );
      },
    },
  ];
  for (const { name, setup } of cases) {
    it(`says once on a note page and on /review/ that answers last until the tab closes, and exports them (${name})`, async () => {
      const page = await (await newContext()).newPage();
      await setup(page);
      await open(page, 'notes/normalization/');
      const first = await answerInNote(page, 0);
      const second = await answerInNote(page, 1);
      for (const island of [first, second]) {
        const next = await island.locator('.quiz-next').textContent();
        expect(next).toContain('저장되지 않음');
      }
      // Once for the page, not once per question.
      await expect.poll(() => page.locator('.memory-notice').count()).toBe(1);
      const notice = page.locator('.memory-notice');
      expect(await notice.textContent()).toContain('탭을 닫으면 사라집니다');
      expect(await notice.isVisible()).toBe(true);
      const [download] = await Promise.all([
        page.waitForEvent('download'),
        notice.getByRole('button', { name: '파일로 내보내기' }).click(),
      ]);
      const exported = JSON.parse(await readFile(await download.path(), 'utf8')) as { logs: unknown[] };
      expect(exported.logs).toHaveLength(2);
      // The note's own marks say what this tab did, not "not answered".
      await expect.poll(() => page.locator('[data-answered="true"]').count()).toBe(2);

      await open(page, 'review/');
      await page.locator('.practice-question').waitFor();
      expect(await page.locator('.memory-notice').count()).toBe(1);
      expect(await page.locator('.memory-notice').textContent()).toContain('탭을 닫으면 사라집니다');
      await expect(
        page.locator('.memory-notice').getByRole('button', { name: '파일로 내보내기' }).count(),
      ).resolves.toBe(1);
    });
  }
});

describe('a note remembers what was answered (item 4)', { timeout: SLOW }, () => {
  it('shows each question’s last result and next review, and the note’s progress, after a reload', async () => {
    const page = await (await newContext()).newPage();
    await open(page, 'notes/normalization/');
    const island = await answerInNote(page, 0);
    const id = await island.getAttribute('data-island-id');
    const right = (await island.locator('.quiz-verdict').textContent()) === '정답입니다.';
    await page.reload();
    await page.waitForSelector('html[data-hydrated="true"]');
    const status = page.locator(`[data-quiz-status="${id}"]`);
    await expect.poll(() => status.textContent(), { timeout: 10_000 }).toMatch(/지난번 답: /);
    const text = (await status.textContent()) ?? '';
    expect(text).toContain(right ? '지난번 답: 정답' : '지난번 답: 오답');
    expect(text).toMatch(/다음 복습: \d+분 후/);
    expect(await status.getAttribute('data-answered')).toBe('true');
    // Another question of the note is plainly not done.
    const others = page.locator(`[data-quiz-status]:not([data-quiz-status="${id}"])`);
    expect(await others.first().textContent()).toBe('아직 풀지 않았습니다');
    const total = await page.locator('[data-quiz-status]').count();
    expect(await page.locator('[data-note-answers]').textContent()).toBe(`${total}문제 중 1문제 풀었음`);
    // The lines were there, one line high, before they were filled: filling them moved nothing.
    for (const line of [status, page.locator('[data-note-answers]')]) {
      const { height, minHeight } = await line.evaluate((element) => ({
        height: element.getBoundingClientRect().height,
        minHeight: parseFloat(getComputedStyle(element).minHeight),
      }));
      expect(height).toBeLessThanOrEqual(minHeight + 0.5);
    }
  });
});

/**
 * The clock starts at midday: counts of "today" (new questions started) reset at
 * midnight, and a test run near midnight would fast-forward into the next day.
 */
const MIDDAY = new Date(new Date().setHours(12, 0, 0, 0));

describe('counts that follow the clock (item 5)', { timeout: SLOW }, () => {
  it('the header count and the review page bring back a question when it falls due, without a reload', async () => {
    const page = await (await newContext()).newPage();
    await page.clock.install({ time: MIDDAY });
    // One new question a day, so the queue empties after one answer.
    await open(page, 'stats/');
    await page.getByLabel('하루에 새로 풀 문제 수').fill('1');
    await savedSetting(page, '하루에 새로 풀 문제 수');
    await expect
      .poll(() => page.evaluate(() => document.querySelector('input[type="number"]')?.getAttribute('value')))
      .toBe('1');
    await open(page, 'review/');
    await page.locator('.practice-question').waitFor();
    expect(await page.locator('.practice-progress').textContent()).toBe('1 / 1');
    await answerOnReview(page);
    await page.getByRole('button', { name: /마치기/ }).click();
    const done = page.locator('.practice-done');
    await expect.poll(() => done.textContent()).toMatch(/다음 복습은 \d+분 후입니다 \(\d+:\d\d 남음\)/);
    // The next useful things to do: more new questions, a note with unanswered questions.
    expect(await done.getByRole('button', { name: /새 문제 \d+개 더 풀기/ }).count()).toBe(1);
    expect(await done.getByRole('link').first().textContent()).toBeTruthy();
    await expect.poll(() => badgeCount(page)).toBe(0);

    await page.clock.fastForward('11:00');
    await expect.poll(() => page.locator('.practice-question').count(), { timeout: 10_000 }).toBe(1);
    expect(await page.locator('.practice-progress').textContent()).toBe('2 / 2');
    await expect.poll(() => badgeCount(page), { timeout: 10_000 }).toBe(1);
  });

  it('the header count on a note page follows the clock', async () => {
    const page = await (await newContext()).newPage();
    await page.clock.install({ time: MIDDAY });
    await open(page, 'notes/normalization/');
    await expect.poll(() => page.locator('.due-badge').count(), { timeout: 10_000 }).toBe(1);
    const before = await badgeCount(page);
    const island = await answerInNote(page, 0);
    const id = await island.getAttribute('data-island-id');
    // The answer was today's first new question: one fewer new one left.
    await expect.poll(() => badgeCount(page)).toBe(before - 1);
    await expect.poll(() => page.locator(`[data-quiz-status="${id}"]`).textContent()).toMatch(/다음 복습: \d+분 후/);
    await page.clock.fastForward('11:00');
    await expect.poll(() => badgeCount(page), { timeout: 10_000 }).toBe(before);
    await expect.poll(() => page.locator(`[data-quiz-status="${id}"]`).textContent()).toMatch(/지금 복습할 때입니다/);
  });

  it('offers new questions past the daily limit when the queue is empty', async () => {
    const page = await (await newContext()).newPage();
    await open(page, 'stats/');
    await page.getByLabel('하루에 새로 풀 문제 수').fill('0');
    await savedSetting(page, '하루에 새로 풀 문제 수');
    await open(page, 'review/');
    const done = page.locator('.practice-done');
    await done.waitFor();
    await done.getByRole('button', { name: /새 문제 10개 더 풀기/ }).click();
    await page.locator('.practice-question').waitFor();
    expect(await page.locator('.practice-progress').textContent()).toBe('1 / 10');
  });
});

describe('an empty store and the export reminder (item 6)', { timeout: SLOW }, () => {
  it('review and stats say a browser may clear site data, and offer import', async () => {
    const page = await (await newContext()).newPage();
    for (const route of ['stats/', 'review/']) {
      await open(page, route);
      const notice = page.getByRole('note', { name: '저장된 기록 없음' });
      await notice.waitFor();
      expect(await notice.textContent()).toContain('브라우저가 이 사이트의 데이터를 지운 것일 수 있습니다');
      await notice.getByRole('link', { name: /파일 가져오기/ }).click();
      await expect
        .poll(() => page.evaluate(() => location.pathname + location.hash))
        .toBe(`${base}stats/#backup-title`);
      await page.locator('input[type="file"]').waitFor({ state: 'attached' });
    }
  });

  it('reminds on a note page to export after every 20 answers since the last export', async () => {
    const page = await (await newContext()).newPage();
    await open(page, 'notes/normalization/');
    const first = await answerInNote(page, 0);
    expect(await first.locator('.export-reminder').count()).toBe(0);
    // 18 more answers stored (as if given elsewhere): the next answer is the 20th.
    await page.evaluate(
      (name) =>
        new Promise<void>((resolve, reject) => {
          const request = indexedDB.open(name);
          request.onsuccess = () => {
            const tx = request.result.transaction('logs', 'readwrite');
            const logs = tx.objectStore('logs');
            const read = logs.getAll();
            read.onsuccess = () => {
              const answer = { ...(read.result[0] as { id?: number }) };
              delete answer.id;
              for (let index = 0; index < 18; index++) logs.add(answer);
            };
            tx.oncomplete = () => {
              request.result.close();
              resolve();
            };
            tx.onerror = () => reject(tx.error);
          };
          request.onerror = () => reject(request.error);
        }),
      dbName,
    );
    const second = await answerInNote(page, 1);
    const reminder = second.locator('.export-reminder');
    await reminder.waitFor();
    expect(await reminder.textContent()).toContain('20번 답했습니다');
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      reminder.getByRole('button', { name: '파일로 내보내기' }).click(),
    ]);
    expect(download.suggestedFilename()).toMatch(/^study-notes-progress-/);
    await expect.poll(() => reminder.textContent()).toContain('내보냈습니다');
    // Counted from the export on: the next answer does not remind.
    const third = await answerInNote(page, 2);
    expect(await third.locator('.export-reminder').count()).toBe(0);
  });

  it('asks for persistent storage at the first answer', async () => {
    const page = await (await newContext()).newPage();
    await page.addInitScript(() => {
      const calls = ((window as unknown as { persistCalls: number }).persistCalls = 0);
      void calls;
      navigator.storage.persisted = () => Promise.resolve(false);
      navigator.storage.persist = () => {
        (window as unknown as { persistCalls: number }).persistCalls += 1;
        return Promise.resolve(true);
      };
    });
    await open(page, 'notes/normalization/');
    await page.waitForTimeout(500);
    expect(await page.evaluate(() => (window as unknown as { persistCalls: number }).persistCalls)).toBe(0);
    await answerInNote(page, 0);
    await expect.poll(() => page.evaluate(() => (window as unknown as { persistCalls: number }).persistCalls)).toBe(1);
  });
});

describe('without JavaScript (item 10)', { timeout: SLOW }, () => {
  it('/review/, /stats/ and the questions of a note say why they cannot work', async () => {
    const page = await (await newContext({ javaScriptEnabled: false })).newPage();
    for (const route of ['review/', 'stats/']) {
      await page.goto(url(route));
      const message = page.locator('.practice-noscript');
      expect(await message.isVisible()).toBe(true);
      expect(await message.textContent()).toContain('자바스크립트가 꺼져 있어');
      expect(await page.getByText('진행 상황을 불러오는 중…').isVisible()).toBe(false);
    }
    await page.goto(url('notes/normalization/'));
    const quizzes = await page.locator('[data-island="quiz"]').count();
    expect(await page.locator('.quiz-noscript').count()).toBe(quizzes);
    expect(await page.locator('.quiz-noscript').first().textContent()).toContain('자바스크립트가 꺼져 있어');
  });
});

describe('/review/?note=<slug> loaded fresh (item 11)', { timeout: SLOW }, () => {
  it('hydrates without a React error, then shows that note’s questions', async () => {
    const page = await (await newContext()).newPage();
    const errors: string[] = [];
    page.on('pageerror', (error) => errors.push(error.message));
    page.on('console', (message) => {
      if (message.type() === 'error' || message.type() === 'warning') errors.push(message.text());
    });
    await open(page, 'review/?note=https-ssl');
    await expect.poll(() => page.locator('main h1').textContent()).toContain('문제 풀기');
    await page.locator('.practice-question').waitFor();
    expect(await page.locator('.practice-source').textContent()).toMatch(/^HTTPS/);
    expect(errors.filter((text) => /418|hydrat|Minified React error/i.test(text))).toEqual([]);
  });
});
