import { answerQuestion } from '../../src/app/quiz/answerQuestion.ts';
import { Rating } from '../../src/app/quiz/scheduler.ts';
import { dueQueue } from '../../src/app/quiz/session.ts';
import { answersOutsideNotes, dueWithin, retention, reviewsPerDay, stageCounts } from '../../src/app/quiz/stats.ts';
import { migrations, openWith } from '../../src/app/storage/migrations.ts';
import { openProgressStore } from '../../src/app/storage/progressStore.ts';
import { syntheticHistory } from '../unit/app/storage/syntheticHistory.ts';

/** The progress store's figures for issue 14, item 7 (milliseconds). */
export interface StorageFigures {
  /** Writing the answers one record each, as answering (and version 1) stores them. */
  seedMs: number;
  /** The one-time upgrade to version 2 that totals them (the first page load after the update). */
  upgradeMs: number;
  /** Store opened (what a page load reads) and the stats page's numbers computed, per run. */
  readyMs: number[];
  /** One answer scheduled and written (`answerQuestion`), per run. */
  saveMs: number[];
  /** Parse and preview of the merge file, then the whole merge (parse + preview + apply). */
  previewMs: number;
  mergeMs: number;
  fileBytes: number;
  progressUpdates: number;
  answersAfter: number;
}

/**
 * Stores `stored` answers (500 questions over three years) one record each in
 * a version-1 database, as answering one by one left them, upgrades it, then measures
 * /stats/ ready, answers saved and the merge of a file of `merged` other
 * answers over the same years (so every stored answer is in its span and
 * compared). Runs wherever `indexedDB` exists: Node with fake-indexeddb, or
 * a browser page (no Node imports here).
 */
export async function measureStorage(stored: number, merged: number, dbName: string): Promise<StorageFigures> {
  const now = new Date('2026-11-25T09:00:00Z');
  const years = 365 * 3;
  const ids = Array.from({ length: 600 }, (_, index) => `q-${index}`);
  let start = performance.now();
  const history = syntheticHistory(stored, { questions: 500, days: years, end: now });
  const v1 = await openWith(dbName, migrations.slice(0, 1), () => undefined);
  const tx = v1.transaction(['cards', 'logs'], 'readwrite');
  await Promise.all([
    ...history.cards.map((record) => tx.objectStore('cards').put(record)),
    ...history.logs.map((record) => tx.objectStore('logs').add(record)),
  ]);
  await tx.done;
  v1.close();
  const seedMs = performance.now() - start;
  start = performance.now();
  (await openProgressStore({ dbName })).close();
  const upgradeMs = performance.now() - start;

  const readyMs: number[] = [];
  for (let run = 0; run < 5; run++) {
    start = performance.now();
    const store = await openProgressStore({ dbName });
    const progress = store.getState();
    reviewsPerDay(progress.days);
    retention(progress.days, now);
    dueQueue(ids, progress, now);
    dueWithin(ids, progress.cards, now, 7);
    stageCounts(ids, progress.cards);
    answersOutsideNotes(ids, progress.answersByQuestion, progress.cards);
    readyMs.push(performance.now() - start);
    store.close();
  }

  const store = await openProgressStore({ dbName });
  const saveMs: number[] = [];
  for (let run = 0; run < 30; run++) {
    start = performance.now();
    await answerQuestion(store, `q-${run}`, Rating.Good, new Date(now.getTime() + run * 60_000));
    saveMs.push(performance.now() - start);
  }

  const text = JSON.stringify(syntheticHistory(merged, { questions: 800, days: years, end: now, prefix: 'm' }));
  let progressUpdates = 0;
  start = performance.now();
  const preview = await store.previewImport(text);
  const previewMs = performance.now() - start;
  if (!preview.ok) throw new Error(preview.errors.join('\n'));
  await store.applyImport(preview.preview.data, 'merge', () => (progressUpdates += 1));
  const mergeMs = performance.now() - start;
  const answersAfter = store.getState().answerCount;
  store.close();
  return {
    seedMs,
    upgradeMs,
    readyMs,
    saveMs,
    previewMs,
    mergeMs,
    fileBytes: text.length,
    progressUpdates,
    answersAfter,
  };
}
