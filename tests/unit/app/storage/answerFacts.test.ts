// @vitest-environment node
import { IDBFactory } from 'fake-indexeddb';
import 'fake-indexeddb/auto';
import { openDB } from 'idb';
import { beforeEach, describe, expect, it } from 'vitest';
import { answerQuestion, undoAnswer } from '../../../../src/app/quiz/answerQuestion.ts';
import { Rating } from '../../../../src/app/quiz/scheduler.ts';
import { summarizeAnswers } from '../../../../src/app/storage/answerHistory.ts';
import { openProgressStore, type ProgressStore } from '../../../../src/app/storage/progressStore.ts';
import { recordReads } from './recordReads.ts';

// The question browser's "last result" and "wrong recently" come from facts kept with each
// question's totals, so that it need not read every answer (100,000 in the bench).

const at = (day: number) => new Date(Date.UTC(2026, 10, day, 9));
const now = at(25);

beforeEach(() => {
  globalThis.indexedDB = new IDBFactory();
});

/** The summary worked out from every stored answer: what the facts must agree with. */
async function fromEveryAnswer(store: ProgressStore) {
  return summarizeAnswers((await store.exportProgress(now)).logs);
}

describe('each question’s last answer, kept with its totals', () => {
  it('agrees with every answer through answering, an import with older and newer answers, and an undo', async () => {
    const source = await openProgressStore({ dbName: 'file' });
    await answerQuestion(source, 'q', Rating.Again, at(1));
    await answerQuestion(source, 'r', Rating.Again, at(20));
    await answerQuestion(source, 's', Rating.Good, at(3));
    const file = await source.exportProgress(now);
    source.close();

    const store = await openProgressStore({ dbName: 'site' });
    await answerQuestion(store, 'q', Rating.Good, at(5));
    await answerQuestion(store, 'q', Rating.Again, at(10));
    await answerQuestion(store, 'q', Rating.Good, at(12));
    await answerQuestion(store, 'r', Rating.Good, at(6));
    const preview = await store.previewImport(JSON.stringify(file));
    if (!preview.ok) throw new Error('the file did not read');
    await store.applyImport(preview.preview.data, 'merge');
    // Undone: the last answer to q (Good on the 24th) goes, so its last result is Good on the 12th again.
    const last = await answerQuestion(store, 'q', Rating.Good, at(24));
    await undoAnswer(store, last);

    const { result, reads } = await recordReads(() => store.readAnswerSummary());
    expect(result).toEqual(await fromEveryAnswer(store));
    expect(result.get('q')).toEqual({
      lastAt: at(12).getTime(),
      lastRating: Rating.Good,
      lastWrongAt: at(10).getTime(),
    });
    expect(result.get('r')).toEqual({
      lastAt: at(20).getTime(),
      lastRating: Rating.Again,
      lastWrongAt: at(20).getTime(),
    });
    // Read from the totals alone.
    expect(reads.get('logs') ?? 0).toBe(0);
    expect(reads.get('answerBatches') ?? 0).toBe(0);
    store.close();
  });

  it('reads every answer once for totals stored before the facts were kept, then no more', async () => {
    const store = await openProgressStore({ dbName: 'site' });
    await answerQuestion(store, 'q', Rating.Again, at(2));
    await answerQuestion(store, 'q', Rating.Good, at(4));
    await answerQuestion(store, 'r', Rating.Good, at(3));
    store.close();
    // As an older version of the app left them: counts only.
    const raw = await openDB('site');
    for (const record of await raw.getAll('questions'))
      await raw.put('questions', { questionId: record.questionId, answers: record.answers });
    raw.close();

    const reopened = await openProgressStore({ dbName: 'site' });
    const first = await recordReads(() => reopened.readAnswerSummary());
    expect(first.result).toEqual(await fromEveryAnswer(reopened));
    expect(first.reads.get('logs')).toBe(3);
    const second = await recordReads(() => reopened.readAnswerSummary());
    expect(second.result).toEqual(first.result);
    expect(second.reads.get('logs') ?? 0).toBe(0);
    // Answering goes on from the facts filled in.
    await answerQuestion(reopened, 'r', Rating.Again, at(9));
    expect((await reopened.readAnswerSummary()).get('r')).toEqual({
      lastAt: at(9).getTime(),
      lastRating: Rating.Again,
      lastWrongAt: at(9).getTime(),
    });
    reopened.close();
  });
});
