import type { IDBPTransaction, StoreNames } from 'idb';
import { Tally, writeTally } from './answerTotals.ts';
import type { ProgressDB } from './migrations.ts';
import type { LogRecord } from './progressSchema.ts';
import { logKey } from './storedRecords.ts';

/** Answers written per batch; the progress callback runs after each. */
const BATCH = 2_000;

/**
 * Adds `records` to `logs` inside `tx` (which must cover `logs`, `days` and
 * `questions`), skipping any whose identity (`logKey`) is in `known` or
 * came earlier in `records`, and keeps the totals up to date. `onProgress`
 * hears how many of `records` are done. Resolves with the number added.
 *
 * Requests of a batch are issued together and awaited together: awaiting
 * each one alone costs an event-loop turn per answer (170,000 of them in a
 * large file). Nothing but IndexedDB requests is awaited, so the transaction
 * stays open.
 */
export async function addAnswers(
  tx: IDBPTransaction<ProgressDB, StoreNames<ProgressDB>[], 'readwrite'>,
  records: readonly LogRecord[],
  known: Set<string>,
  onProgress?: (done: number, total: number) => void,
): Promise<number> {
  const logs = tx.objectStore('logs');
  const tally = new Tally();
  let added = 0;
  onProgress?.(0, records.length);
  for (let start = 0; start < records.length; start += BATCH) {
    const batch: Promise<number>[] = [];
    for (const record of records.slice(start, start + BATCH)) {
      const key = logKey(record.questionId, record.log);
      if (known.has(key)) continue;
      known.add(key);
      batch.push(logs.add({ questionId: record.questionId, log: record.log }));
      tally.add(record.questionId, record.log);
    }
    await Promise.all(batch);
    added += batch.length;
    onProgress?.(Math.min(records.length, start + BATCH), records.length);
  }
  await writeTally(tx, tally);
  return added;
}
