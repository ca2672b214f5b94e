// @vitest-environment node
import { IDBFactory } from 'fake-indexeddb';
import 'fake-indexeddb/auto';
import { beforeEach, describe, expect, it } from 'vitest';
import { countDue, readDueData } from '../../../../src/app/islands/dueCount.ts';
import { answerQuestion } from '../../../../src/app/quiz/answerQuestion.ts';
import { Rating, State } from '../../../../src/app/quiz/scheduler.ts';
import { dueQueue } from '../../../../src/app/quiz/session.ts';
import { progressDatabaseName } from '../../../../src/app/storage/databaseName.ts';
import { openProgressStore } from '../../../../src/app/storage/progressStore.ts';
import { mergeQuestionMarks } from '../../../../src/app/storage/questionMarks.ts';

const now = new Date('2026-11-25T09:00:00Z');
const later = (minutes: number) => new Date(now.getTime() + minutes * 60_000);
const siteDatabase = progressDatabaseName(import.meta.env.BASE_URL);

beforeEach(() => {
  globalThis.indexedDB = new IDBFactory();
});

describe('suspend, flag and reset (question browser)', () => {
  it('keeps suspended and flagged questions across reopening', async () => {
    const store = await openProgressStore();
    await store.markQuestions(['a', 'b'], { suspended: true }, now);
    await store.markQuestions(['b'], { flagged: true }, later(1));
    await store.markQuestions(['a'], { suspended: false }, later(2));
    store.close();
    const reopened = await openProgressStore();
    const marks = reopened.getState().marks;
    expect(marks.get('a')?.suspended).toBeUndefined();
    expect(marks.get('b')).toMatchObject({ suspended: true, flagged: true, updatedAt: later(1).toISOString() });
    reopened.close();
  });

  it('leaves suspended questions out of the review queue and the header badge alike', async () => {
    const store = await openProgressStore();
    await answerQuestion(store, 'old', Rating.Good, new Date('2026-10-01T09:00:00Z'));
    await answerQuestion(store, 'old-2', Rating.Good, new Date('2026-10-01T09:00:00Z'));
    await store.markQuestions(['old', 'new-1'], { suspended: true }, now);
    const ids = ['old', 'old-2', 'new-1', 'new-2'];
    const queue = dueQueue(ids, store.getState(), now);
    expect(queue).toEqual(['old-2', 'new-2']);
    store.close();
    const data = await readDueData(siteDatabase, now);
    expect(data?.suspended).toEqual(new Set(['old', 'new-1']));
    expect(countDue(ids, data!.cards, now, data!.newPerDay, data!.newStartedToday, data!, data!.suspended)).toBe(
      queue.length,
    );
  });

  it('tells the header badge whether term flashcards are studied, as the review page does', async () => {
    const store = await openProgressStore();
    expect((await readDueData(siteDatabase, now))?.studyTerms ?? false).toBe(false);
    await store.updateSettings({ studyTerms: true });
    store.close();
    expect((await readDueData(siteDatabase, now))?.studyTerms).toBe(true);
  });

  it('resets a schedule to new and keeps the answers and the reset in the history', async () => {
    const store = await openProgressStore();
    await answerQuestion(store, 'q', Rating.Good, new Date('2026-11-01T09:00:00Z'));
    await answerQuestion(store, 'q', Rating.Again, new Date('2026-11-20T09:00:00Z'));
    expect(store.getState().cards.get('q')?.reps).toBe(2);
    await store.resetQuestions(['q', 'never-answered'], now);
    const card = store.getState().cards.get('q');
    expect(card).toMatchObject({ state: State.New, reps: 0, lapses: 0 });
    expect(store.getState().cards.has('never-answered')).toBe(false);
    expect(store.getState().answerCount).toBe(2);
    store.close();
    const reopened = await openProgressStore();
    expect(reopened.getState().cards.get('q')?.state).toBe(State.New);
    expect(reopened.getState().marks.get('q')?.resets).toEqual([now.toISOString()]);
    const history = await reopened.readQuestionHistory('q');
    expect(history.map((log) => log.rating)).toEqual([Rating.Good, Rating.Again]);
    reopened.close();
  });

  it('summarises the last result and last wrong answer of each question', async () => {
    const store = await openProgressStore();
    await answerQuestion(store, 'q', Rating.Again, new Date('2026-11-20T09:00:00Z'));
    await answerQuestion(store, 'q', Rating.Good, new Date('2026-11-21T09:00:00Z'));
    await answerQuestion(store, 'r', Rating.Hard, new Date('2026-11-22T09:00:00Z'));
    const summary = await store.readAnswerSummary();
    expect(summary.get('q')).toEqual({
      lastAt: Date.parse('2026-11-21T09:00:00Z'),
      lastRating: Rating.Good,
      lastWrongAt: Date.parse('2026-11-20T09:00:00Z'),
    });
    expect(summary.get('r')).toMatchObject({ lastRating: Rating.Hard, lastWrongAt: null });
    store.close();
  });

  it('exports the marks and imports them back; a reset survives merging an older file', async () => {
    const store = await openProgressStore();
    await answerQuestion(store, 'q', Rating.Good, new Date('2026-11-01T09:00:00Z'));
    const before = await store.exportProgress(later(-60));
    await store.markQuestions(['q'], { flagged: true }, now);
    await store.markQuestions(['s'], { suspended: true }, now);
    await store.resetQuestions(['q'], now);
    const file = await store.exportProgress(later(1));
    expect(file.questionMarks?.q).toMatchObject({ flagged: true, resets: [now.toISOString()] });

    // Merging the file made before the reset brings neither the old schedule nor a cleared mark back.
    const older = await store.previewImport(JSON.stringify(before));
    if (!older.ok) throw new Error(older.errors.join('\n'));
    await store.applyImport(older.preview.data, 'merge');
    expect(store.getState().cards.get('q')?.state).toBe(State.New);
    expect(store.getState().marks.get('s')?.suspended).toBe(true);
    store.close();

    globalThis.indexedDB = new IDBFactory();
    const other = await openProgressStore();
    const preview = await other.previewImport(JSON.stringify(file));
    if (!preview.ok) throw new Error(preview.errors.join('\n'));
    await other.applyImport(preview.preview.data, 'merge');
    expect(other.getState().marks.get('s')?.suspended).toBe(true);
    expect(other.getState().marks.get('q')?.flagged).toBe(true);
    expect(other.getState().cards.get('q')?.state).toBe(State.New);
    other.close();
  });

  it('imports an export file from before the question browser (no questionMarks)', async () => {
    const store = await openProgressStore();
    await answerQuestion(store, 'q', Rating.Good, now);
    const file = await store.exportProgress(later(1));
    expect(file).not.toHaveProperty('questionMarks');
    store.close();
    globalThis.indexedDB = new IDBFactory();
    const other = await openProgressStore();
    const preview = await other.previewImport(JSON.stringify(file));
    expect(preview.ok).toBe(true);
    if (preview.ok) await other.applyImport(preview.preview.data, 'replace');
    expect(other.getState().marks.size).toBe(0);
    expect(other.getState().cards.size).toBe(1);
    other.close();
  });

  it('merges marks per question by the later change, keeping every reset', () => {
    const here = new Map([
      ['a', { flagged: true, updatedAt: '2026-11-02T00:00:00.000Z', resets: ['2026-11-01T00:00:00.000Z'] }],
      ['b', { suspended: true, updatedAt: '2026-11-05T00:00:00.000Z' }],
    ]);
    const file = new Map([
      ['a', { updatedAt: '2026-11-03T00:00:00.000Z', resets: ['2026-10-01T00:00:00.000Z'] }],
      ['b', { updatedAt: '2026-11-04T00:00:00.000Z' }],
      ['c', { flagged: true, updatedAt: '2026-11-04T00:00:00.000Z' }],
    ]);
    const merged = mergeQuestionMarks(here, file);
    expect(merged.get('a')).toEqual({
      updatedAt: '2026-11-03T00:00:00.000Z',
      resets: ['2026-10-01T00:00:00.000Z', '2026-11-01T00:00:00.000Z'],
    });
    expect(merged.get('b')?.suspended).toBe(true);
    expect(merged.get('c')?.flagged).toBe(true);
  });
});
