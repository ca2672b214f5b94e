// Defines indexedDB and the IDB* globals (Node has none) when bench.ts loads this
// file, after its browser measurements; nothing else in the bench uses them.
import 'fake-indexeddb/auto';
import { performance } from 'node:perf_hooks';
import { pathToFileURL } from 'node:url';
import type { NoteMeta } from '../../src/shared/note.ts';
import { answerQuestion } from '../../src/app/quiz/answerQuestion.ts';
import { Rating } from '../../src/app/quiz/scheduler.ts';
import { dueQueue } from '../../src/app/quiz/session.ts';
import { dueWithin, retention, reviewsPerDay, stageCounts } from '../../src/app/quiz/stats.ts';
import { openProgressStore } from '../../src/app/storage/progressStore.ts';
import { syntheticHistory } from '../unit/app/storage/syntheticHistory.ts';

/**
 * Issue 14, item 7: the progress store with a long history, in Node on
 * fake-indexeddb (an in-memory IndexedDB written in JavaScript; a browser's
 * IndexedDB is faster, so these are upper bounds for the store's own work):
 *
 * - `/stats/` ready: opening the store (what a page load reads) plus the
 *   numbers the stats page computes, with 100,000 answers stored;
 * - an answer saved (`answerQuestion`: schedule, write, totals);
 * - a merge of a 170,000-answer file (~50 MB): parse, preview, apply.
 *
 * Rendering is not included. Run alone with `npx tsx tests/bench/storageBench.ts`.
 */
export async function printStorageBench(stored = 100_000, merged = 170_000): Promise<void> {
  const dbName = `bench-${Date.now()}`;
  const now = new Date('2026-11-25T09:00:00Z');
  const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] ?? 0;
  const ms = (value: number) => `${value.toFixed(1)} ms`;

  const history = syntheticHistory(stored, { questions: 500, days: 365 * 3, end: now });
  const ids = Array.from({ length: 600 }, (_, index) => `q-${index}`);
  const notes = [{ questionIds: ids }] as Pick<NoteMeta, 'questionIds'>[];
  let start = performance.now();
  const seeding = await openProgressStore({ dbName });
  await seeding.applyImport(history, 'merge');
  seeding.close();
  const seeded = performance.now() - start;

  const ready: number[] = [];
  for (let run = 0; run < 5; run++) {
    start = performance.now();
    const store = await openProgressStore({ dbName });
    const progress = store.getState();
    const questionIds = notes.flatMap((note) => note.questionIds);
    reviewsPerDay(progress.days);
    retention(progress.days, now);
    dueQueue(questionIds, progress, now);
    dueWithin(questionIds, progress.cards, now, 7);
    stageCounts(questionIds, progress.cards);
    ready.push(performance.now() - start);
    store.close();
  }

  const store = await openProgressStore({ dbName });
  const saves: number[] = [];
  for (let run = 0; run < 30; run++) {
    start = performance.now();
    await answerQuestion(store, `q-${run}`, Rating.Good, new Date(now.getTime() + run * 60_000));
    saves.push(performance.now() - start);
  }

  // Another device's file: 170,000 other answers over the same three years, so
  // every stored answer is in its span and is compared.
  const text = JSON.stringify(syntheticHistory(merged, { questions: 800, days: 365 * 3, end: now, prefix: 'm' }));
  let updates = 0;
  start = performance.now();
  const preview = await store.previewImport(text);
  const previewed = performance.now() - start;
  if (!preview.ok) throw new Error(preview.errors.join('\n'));
  await store.applyImport(preview.preview.data, 'merge', () => (updates += 1));
  const merge = performance.now() - start;
  const total = store.getState().answerCount;
  store.close();

  console.log(
    `\nProgress store, ${stored.toLocaleString('en')} stored answers (Node + fake-indexeddb, not a browser; seeding took ${(seeded / 1000).toFixed(1)} s):`,
  );
  console.log(
    `  /stats/ ready (open store + stats numbers, no rendering): median ${ms(median(ready))} of 5 (goal ≤ 500 ms)`,
  );
  console.log(`  an answer saved: median ${ms(median(saves))}, max ${ms(Math.max(...saves))} of 30 (goal ≤ 50 ms)`);
  console.log(
    `  merge of ${merged.toLocaleString('en')} answers (${(text.length / 1e6).toFixed(0)} MB file): ${(merge / 1000).toFixed(1)} s, of which parse + preview ${(previewed / 1000).toFixed(1)} s; ${updates} progress updates; ${total.toLocaleString('en')} answers after (goal ≤ 10 s)`,
  );
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) await printStorageBench();
