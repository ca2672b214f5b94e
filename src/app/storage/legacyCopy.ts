import { openDB, type IDBPDatabase } from 'idb';
import { knownAbsent } from './databaseName.ts';
import type { ProgressDB } from './migrations.ts';
import { addAnswers } from './writeAnswers.ts';
import {
  cardRecordSchema,
  logRecordSchema,
  settingsSchema,
  type CardRecord,
  type LogRecord,
} from './progressSchema.ts';

/**
 * Progress saved before database names carried the base path lives in the
 * shared `study-notes` database. It is copied into this site's database once
 * (a `meta` record marks the copy, in the same transaction) and never deleted:
 * another site on the same origin may still be using it.
 */

const MARKER = 'copiedFromLegacy';

/** What the one-time copy found. */
export interface LegacyCopy {
  /** `absent`: no old database; `foreign`: one not shaped like ours (left alone). */
  outcome: 'copied' | 'absent' | 'foreign' | 'done before';
  cards: number;
  logs: number;
}

/**
 * Copies the cards, answers and settings of the database `legacyName` into
 * `target` unless that was done before; records that fail validation stay
 * behind in the old database. Never creates, changes or deletes `legacyName`.
 */
export async function copyLegacyOnce(target: IDBPDatabase<ProgressDB>, legacyName: string): Promise<LegacyCopy> {
  // Where the browser lists its databases, a missing old one costs one question and no
  // write: a first visit's first answer waits for neither. It is not marked, so one that
  // appears later (an older copy of the app, still open in a tab) is copied then.
  if (await knownAbsent(legacyName)) return { outcome: 'absent', cards: 0, logs: 0 };
  if (await target.get('meta', MARKER)) return { outcome: 'done before', cards: 0, logs: 0 };
  const found = await readLegacy(legacyName);
  const tx = target.transaction(['cards', 'meta', 'days', 'questions', 'answerBatches'], 'readwrite');
  let cards = 0;
  for (const record of found.cards) {
    // The new database may already have answers of its own: they are newer.
    if (await tx.objectStore('cards').getKey(record.questionId)) continue;
    await tx.objectStore('cards').put(record);
    cards += 1;
  }
  await addAnswers(tx, found.logs, new Set());
  const meta = tx.objectStore('meta');
  for (const [key, value] of found.meta) if (!(await meta.getKey(key))) await meta.put({ key, value });
  await meta.put({
    key: MARKER,
    value: { from: legacyName, at: new Date().toISOString(), outcome: found.outcome, cards, logs: found.logs.length },
  });
  await tx.done;
  return { outcome: found.outcome, cards, logs: found.logs.length };
}

async function readLegacy(name: string): Promise<{
  outcome: 'copied' | 'absent' | 'foreign';
  cards: CardRecord[];
  logs: LogRecord[];
  meta: [string, unknown][];
}> {
  const nothing = { cards: [], logs: [], meta: [] };
  let legacy: IDBPDatabase;
  try {
    legacy = await openDB(name, undefined, {
      // No such database: opening created it; aborting removes it again.
      upgrade(_db, _old, _new, tx) {
        tx.done.catch(() => undefined);
        tx.abort();
      },
    });
  } catch {
    return { outcome: 'absent', ...nothing };
  }
  try {
    const stores = legacy.objectStoreNames;
    if (!stores.contains('cards') || !stores.contains('logs') || !stores.contains('meta'))
      return { outcome: 'foreign', ...nothing };
    const tx = legacy.transaction(['cards', 'logs', 'meta'], 'readonly');
    const [rawCards, rawLogs, rawMeta] = await Promise.all([
      tx.objectStore('cards').getAll(),
      tx.objectStore('logs').getAll(),
      tx.objectStore('meta').getAll(),
    ]);
    const cards = rawCards.flatMap((value) => {
      const parsed = cardRecordSchema.safeParse(value);
      return parsed.success ? [parsed.data] : [];
    });
    const logs = rawLogs.flatMap((value) => {
      const parsed = logRecordSchema.safeParse(value);
      if (!parsed.success) return [];
      // One form of answer time, as the time index needs (see migrations.ts, version 2).
      const review = new Date(parsed.data.log.review).toISOString();
      return [{ questionId: parsed.data.questionId, log: { ...parsed.data.log, review } }];
    });
    const meta = new Map((rawMeta as { key: string; value: unknown }[]).map((entry) => [entry.key, entry.value]));
    const kept: [string, unknown][] = [];
    if (settingsSchema.safeParse(meta.get('settings')).success) kept.push(['settings', meta.get('settings')]);
    for (const key of ['lastExportAt', 'lastChangeAt'])
      if (typeof meta.get(key) === 'string') kept.push([key, meta.get(key)]);
    return { outcome: 'copied', cards, logs, meta: kept };
  } catch {
    // Stores of our names but not our shape (no keyPath, other records): leave it.
    return { outcome: 'foreign', ...nothing };
  } finally {
    legacy.close();
  }
}
