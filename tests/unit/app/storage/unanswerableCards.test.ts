// @vitest-environment node
import { IDBFactory } from 'fake-indexeddb';
import 'fake-indexeddb/auto';
import { openDB } from 'idb';
import { beforeEach, describe, expect, it } from 'vitest';
import { answerQuestion } from '../../../../src/app/quiz/answerQuestion.ts';
import { Rating, reviewCard, State } from '../../../../src/app/quiz/scheduler.ts';
import { openProgressStore } from '../../../../src/app/storage/progressStore.ts';
import { serializeCard } from '../../../../src/app/storage/storedRecords.ts';
import { syntheticHistory } from './syntheticHistory.ts';

// Issue 14, item 1: a card whose last review is ahead of the clock failed every
// answer with `Invalid delta_t "-1"`; negative stability gave `Invalid memory state`.

const now = new Date('2026-11-25T09:00:00Z');
const clock = () => now;
const DAY = 24 * 60 * 60 * 1000;

beforeEach(() => {
  globalThis.indexedDB = new IDBFactory();
});

/** A started card (answered Good yesterday), stored as `patch` changes it. */
function storedCard(patch: Record<string, unknown>) {
  const card = serializeCard(reviewCard(undefined, Rating.Good, new Date(now.getTime() - DAY)).card);
  return { questionId: 'q1', card: { ...card, ...patch }, updatedAt: now.toISOString() };
}

async function storeHolding(record: unknown) {
  (await openProgressStore({ dbName: 'clock', now: clock })).close();
  const raw = await openDB('clock');
  await raw.put('cards', record);
  raw.close();
  return openProgressStore({ dbName: 'clock', now: clock });
}

describe('a stored card that ts-fsrs cannot schedule', () => {
  it.each([
    ['last reviewed in 2030', { last_review: '2030-01-01T00:00:00.000Z', due: '2030-01-03T00:00:00.000Z' }],
    [
      'last reviewed 26 hours ahead of the clock',
      { last_review: new Date(now.getTime() + 26 * 3_600_000).toISOString() },
    ],
    ['with negative stability', { stability: -1 }],
    ['with difficulty 0', { difficulty: 0 }],
  ])('%s is clamped, answerable, and the learner told once', async (_case, patch) => {
    const store = await storeHolding(storedCard(patch));
    expect(store.getState().problems).toEqual([expect.stringMatching(/바로잡았습니다. 이제 다시 답할 수 있습니다/)]);
    const card = store.getState().cards.get('q1');
    expect(card?.last_review?.getTime()).toBeLessThanOrEqual(now.getTime());

    for (const rating of [Rating.Again, Rating.Hard, Rating.Good, Rating.Easy] as const)
      await expect(answerQuestion(store, 'q1', rating, now)).resolves.toBeDefined();
    expect(store.getState().backupCount).toBe(1);
    store.close();

    const reopened = await openProgressStore({ dbName: 'clock', now: clock });
    expect(reopened.getState().problems).toEqual([]);
    reopened.close();
  });

  it('keeps the interval when it moves a future review back to now', async () => {
    const store = await storeHolding(
      storedCard({ last_review: '2030-01-01T00:00:00.000Z', due: '2030-01-03T00:00:00.000Z' }),
    );
    const card = store.getState().cards.get('q1');
    expect(card?.last_review?.toISOString()).toBe(now.toISOString());
    expect(card?.due.toISOString()).toBe(new Date(now.getTime() + 2 * DAY).toISOString());
    store.close();
  });

  it('starts a new card with an impossible memory state over', async () => {
    const store = await storeHolding(storedCard({ state: State.New, stability: 5, difficulty: 0.5 }));
    expect(store.getState().cards.get('q1')).toMatchObject({ stability: 0, difficulty: 0 });
    await expect(answerQuestion(store, 'q1', Rating.Good, now)).resolves.toBeDefined();
    store.close();
  });
});

describe('an import file', () => {
  const file = (patch: Record<string, unknown>, logPatch: Record<string, unknown> = {}) => {
    const history = syntheticHistory(3, { questions: 1, end: now });
    return JSON.stringify({
      ...history,
      cards: history.cards.map((record) => ({ ...record, card: { ...record.card, ...patch } })),
      logs: history.logs.map((record) => ({ ...record, log: { ...record.log, ...logPatch } })),
    });
  };

  it.each([
    [
      'a last review in 2030',
      { last_review: '2030-01-01T00:00:00.000Z' },
      {},
      /cards\.0\.card\.last_review.*2000년 1월 1일부터/,
    ],
    ['an answer in 2030', {}, { review: '2030-01-01T00:00:00.000Z' }, /logs\.0\.log\.review.*시계가 틀렸을 수/],
    ['an answer before 2000', {}, { review: '1999-12-31T00:00:00.000Z' }, /logs\.0\.log\.review/],
    ['negative stability', { stability: -1 }, {}, /cards\.0\.card\.stability/],
    ['stability beyond ts-fsrs’s 36500 days', { stability: 40_000 }, {}, /cards\.0\.card\.stability/],
    ['difficulty 11', { difficulty: 11 }, {}, /cards\.0\.card\.difficulty/],
    ['a started card with difficulty 0', { difficulty: 0 }, {}, /cards\.0\.card.*안정도는 0.001–36500, 난이도는 1–10/],
  ])('with %s is refused and changes nothing', async (_case, patch, logPatch, message) => {
    const store = await openProgressStore({ dbName: 'import', now: clock });
    const result = await store.previewImport(file(patch, logPatch));
    expect(result.ok).toBe(false);
    expect(!result.ok && result.errors.join('\n')).toMatch(message);
    expect(store.getState().cards.size).toBe(0);
    store.close();
  });

  it('from a device whose clock ran a few hours fast is taken, and its cards stay answerable', async () => {
    // 20 hours ahead: the next UTC day, which is what ts-fsrs compares.
    const ahead = new Date(now.getTime() + 20 * 3_600_000).toISOString();
    const store = await openProgressStore({ dbName: 'import', now: clock });
    const result = await store.previewImport(file({ last_review: ahead }));
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    await store.applyImport(result.preview.data, 'merge');
    await expect(answerQuestion(store, 'q-0', Rating.Good, now)).resolves.toBeDefined();
    store.close();
  });
});
