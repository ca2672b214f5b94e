import type { IDBPTransaction, StoreNames } from 'idb';
import { Tally, writeTally } from './answerTotals.ts';
import type { ProgressDB } from './migrations.ts';
import type { LogRecord } from './progressSchema.ts';
import { logKey } from './storedRecords.ts';

/**
 * Answers per stored batch. Chromium spends ~0.15 ms per request whatever its
 * size: 170,000 answers one by one took 27 s to write, in batches of 100
 * under 1 s (tests/bench/storageBench.ts).
 */
export const ANSWERS_PER_BATCH = 500;

/**
 * Adds `records` as batches to `answerBatches` inside `tx` (which must cover
 * it, `days` and `questions`), skipping any whose identity (`logKey`) is in
 * `known` or came earlier in `records`, and keeps the totals up to date.
 * `onProgress` hears how many of `records` are done. Resolves with the
 * number added. Nothing but IndexedDB requests is awaited, so the
 * transaction stays open.
 */
export async function addAnswers(
  tx: IDBPTransaction<ProgressDB, StoreNames<ProgressDB>[], 'readwrite'>,
  records: readonly LogRecord[],
  known: Set<string>,
  onProgress?: (done: number, total: number) => void,
): Promise<number> {
  const tally = new Tally(true);
  const fresh: LogRecord[] = [];
  for (const record of records) {
    const key = logKey(record.questionId, record.log);
    if (known.has(key)) continue;
    known.add(key);
    fresh.push({ questionId: record.questionId, log: record.log });
    tally.add(record.questionId, record.log);
  }
  // Oldest first, so that each batch covers a short period (`first`–`last`).
  fresh.sort((a, b) => (a.log.review < b.log.review ? -1 : a.log.review > b.log.review ? 1 : 0));
  const batches = tx.objectStore('answerBatches');
  const total = records.length;
  onProgress?.(0, total);
  const perRound = ANSWERS_PER_BATCH * 4;
  for (let start = 0; start < fresh.length; start += perRound) {
    const writes: Promise<number>[] = [];
    const end = Math.min(fresh.length, start + perRound);
    for (let at = start; at < end; at += ANSWERS_PER_BATCH) {
      const answers = fresh.slice(at, Math.min(end, at + ANSWERS_PER_BATCH));
      writes.push(batches.add({ first: answers[0]!.log.review, last: answers.at(-1)!.log.review, answers }));
    }
    await Promise.all(writes);
    // Skipped repeats count as done: the bar ends at the file's number of answers.
    onProgress?.(Math.round((end / fresh.length) * total), total);
  }
  if (fresh.length === 0) onProgress?.(total, total);
  await writeTally(tx, tally);
  onProgress?.(total, total);
  return fresh.length;
}
