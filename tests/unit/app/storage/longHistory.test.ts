// @vitest-environment node
import { IDBFactory } from 'fake-indexeddb';
import 'fake-indexeddb/auto';
import { openDB } from 'idb';
import { beforeEach, describe, expect, it } from 'vitest';
import { answerQuestion, undoAnswer } from '../../../../src/app/quiz/answerQuestion.ts';
import { localDay, Rating } from '../../../../src/app/quiz/scheduler.ts';
import { migrations, openWith } from '../../../../src/app/storage/migrations.ts';
import { openProgressStore } from '../../../../src/app/storage/progressStore.ts';
import { recordReads } from './recordReads.ts';
import { syntheticHistory } from './syntheticHistory.ts';

// Issue 14, item 7: 20,000 answers made /stats/ take 7.9 s, because every page
// load read (and validated) every answer ever given. These tests count the
// records a page reads, not the time it takes.

const now = new Date('2026-11-25T09:00:00Z');

beforeEach(() => {
  globalThis.indexedDB = new IDBFactory();
});

/** A store holding `answers` answers (500 questions, over a year). */
async function storeWithHistory(answers: number, dbName = 'long') {
  const store = await openProgressStore({ dbName });
  const file = syntheticHistory(answers);
  await store.applyImport(file, 'merge');
  return { store, file };
}

describe('a long history', () => {
  it('is not read on a page load: only cards, daily and per-question totals and settings', async () => {
    const { store } = await storeWithHistory(3_000);
    store.close();

    const { result: reopened, reads } = await recordReads(() => openProgressStore({ dbName: 'long' }));
    const state = reopened.getState();
    expect(state.answerCount).toBe(3_000);
    expect(reads.get('logs') ?? 0).toBe(0);
    expect(reads.get('answerBatches') ?? 0).toBe(0);
    // A few hundred records (500 cards, 500 question totals, ~365 days), whatever the number of answers.
    const total = [...reads.values()].reduce((sum, count) => sum + count, 0);
    expect(total).toBeLessThanOrEqual(state.cards.size + state.days.size + state.answersByQuestion.size + 10);
    reopened.close();
  });

  it('saves an answer, and undoes it, without reading the history', async () => {
    const { store } = await storeWithHistory(3_000);
    const { result: record, reads } = await recordReads(() => answerQuestion(store, 'q-1', Rating.Again, now));
    expect(reads.get('logs') ?? 0).toBe(0);
    expect(reads.get('answerBatches') ?? 0).toBe(0);
    expect(store.getState().answerCount).toBe(3_001);
    const { reads: undoReads } = await recordReads(() => undoAnswer(store, record));
    expect(undoReads.get('logs') ?? 0).toBe(0);
    expect(undoReads.get('answerBatches') ?? 0).toBe(0);
    expect(store.getState().answerCount).toBe(3_000);
    store.close();
  });

  it('merges a file reading only the stored answers of the file’s time span, with progress', async () => {
    const { store } = await storeWithHistory(3_000);
    // A year of answers after the stored ones (other questions).
    const later = syntheticHistory(5_000, { end: new Date('2027-11-25T09:00:00Z'), prefix: 'later' });
    const progress: [number, number][] = [];
    const { reads } = await recordReads(() =>
      store.applyImport(later, 'merge', (done, total) => progress.push([done, total])),
    );
    expect(reads.get('logs') ?? 0).toBe(0);
    expect(reads.get('answerBatches') ?? 0).toBe(0);
    expect(store.getState().answerCount).toBe(8_000);
    expect(progress[0]).toEqual([0, 5_000]);
    expect(progress.at(-1)).toEqual([5_000, 5_000]);
    expect(progress.length).toBeGreaterThanOrEqual(3);
    expect(progress.map(([done]) => done)).toEqual([...progress.map(([done]) => done)].sort((a, b) => a - b));
    store.close();
  });

  it('stores a large import in batches of answers, a few hundred records for thousands of answers', async () => {
    const { store } = await storeWithHistory(5_000);
    store.close();
    const raw = await openDB('long');
    expect(await raw.count('answerBatches')).toBe(10);
    expect(await raw.count('logs')).toBe(0);
    raw.close();
    // The same file again: every stored answer is in its span, read once (10 batch records), none added.
    const again = await openProgressStore({ dbName: 'long' });
    const { reads } = await recordReads(async () => {
      const result = await again.previewImport(JSON.stringify(syntheticHistory(5_000)));
      if (result.ok) await again.applyImport(result.preview.data, 'merge');
      return result;
    });
    expect(reads.get('answerBatches')).toBe(10);
    expect(again.getState().answerCount).toBe(5_000);
    again.close();
  });

  it('keeps the daily and per-question totals exact through answers, undo, merge and replace', async () => {
    const store = await openProgressStore({ dbName: 'totals' });
    const first = await answerQuestion(store, 'a', Rating.Good, now);
    await answerQuestion(store, 'b', Rating.Good, now);
    const later = new Date(now.getTime() + 3 * 24 * 60 * 60 * 1000);
    await answerQuestion(store, 'a', Rating.Again, later);
    const undone = await answerQuestion(store, 'b', Rating.Good, later);
    await undoAnswer(store, undone);

    const expectTotals = (state: ReturnType<typeof store.getState>) => {
      expect(state.answerCount).toBe(3);
      expect(Object.fromEntries(state.answersByQuestion)).toEqual({ a: 2, b: 1 });
      expect(state.days.get(localDay(now))).toMatchObject({ answers: 2, started: 2 });
      expect(state.days.get(localDay(later))).toMatchObject({ answers: 1, started: 0 });
    };
    expectTotals(store.getState());
    store.close();
    const reopened = await openProgressStore({ dbName: 'totals' });
    expectTotals(reopened.getState());

    // Merging its own export adds nothing; replacing with it gives the same totals.
    const file = await reopened.exportProgress(now);
    await reopened.applyImport(file, 'merge');
    expectTotals(reopened.getState());
    await reopened.applyImport(file, 'replace');
    expectTotals(reopened.getState());
    void first;
    reopened.close();
  });
});

describe('the upgrade that adds the totals (version 2)', () => {
  it('totals every stored answer once and indexes them by time', async () => {
    // A database as version 1 left it, answers written as a version-1 import did (any offset).
    const v1 = await openWith('upgrade', migrations.slice(0, 1), () => undefined);
    const file = syntheticHistory(1_000);
    await v1.put('logs', { questionId: 'tz', log: { ...file.logs[0]!.log, review: '2026-11-25T18:00:00+09:00' } });
    for (const record of file.logs.slice(1)) await v1.add('logs', record);
    for (const record of file.cards) await v1.put('cards', record);
    v1.close();

    const store = await openProgressStore({ dbName: 'upgrade' });
    expect(store.getState().answerCount).toBe(1_000);
    expect(store.getState().answersByQuestion.get('tz')).toBe(1);
    const perDay = [...store.getState().days.values()].reduce((sum, day) => sum + day.answers, 0);
    expect(perDay).toBe(1_000);
    store.close();

    const raw = await openDB('upgrade');
    const first = await raw.getFromIndex('logs', 'byReview', IDBKeyRange.lowerBound('2026-11-25T09:00:00.000Z'));
    expect(first).toMatchObject({ questionId: 'tz', log: { review: '2026-11-25T09:00:00.000Z' } });
    raw.close();
  });

  it('builds an empty database of our name (a page loader may create one) instead of refusing it', async () => {
    const empty = await openDB('empty', 1);
    empty.close();
    const store = await openProgressStore({ dbName: 'empty' });
    expect(store.getState()).toMatchObject({ mode: 'indexeddb', problems: [] });
    await answerQuestion(store, 'q1', Rating.Good, now);
    expect(store.getState().answerCount).toBe(1);
    store.close();
  });
});
