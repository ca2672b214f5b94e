import { openDB, type DBSchema, type IDBPDatabase, type IDBPTransaction, type StoreNames } from 'idb';
import { Tally, writeTally, type DayTotals, type QuestionTotals } from './answerTotals.ts';
import type { CardRecord, LogRecord } from './progressSchema.ts';

/**
 * The IndexedDB schema of quiz progress and the steps that build it. IndexedDB's
 * own version number is the number of steps applied.
 */

export interface BackupRecord {
  id?: number;
  at: string;
  store: string;
  reason: string;
  value: unknown;
}

export interface ProgressDB extends DBSchema {
  cards: { key: string; value: CardRecord };
  /** `byReview` (version 2) orders answers by time, for reading one period only. */
  logs: { key: number; value: LogRecord; indexes: { byQuestion: string; byReview: string } };
  meta: { key: string; value: { key: string; value: unknown } };
  backups: { key: number; value: BackupRecord };
  /** Answers per local day (version 2); see `answerTotals.ts`. */
  days: { key: string; value: DayTotals };
  /** Answers per question (version 2), removed questions included. */
  questions: { key: string; value: QuestionTotals };
  /**
   * Answers added by an import or a copy (version 2), up to `ANSWERS_PER_BATCH`
   * per record, oldest first; `byLast` finds the batches that reach into a period.
   */
  answerBatches: { key: number; value: AnswerBatch; indexes: { byLast: string } };
}

/** Answers stored together: a browser spends most of a large import on requests, one per record. */
export interface AnswerBatch {
  id?: number;
  /** Time of the first and last answer (ISO strings). */
  first: string;
  last: string;
  answers: LogRecord[];
}

/**
 * One schema step. It runs inside IndexedDB's upgrade transaction, so a step
 * that fails rolls the whole upgrade back and the old data stays as it was.
 */
export type Migration = (
  db: IDBPDatabase<ProgressDB>,
  tx: IDBPTransaction<ProgressDB, StoreNames<ProgressDB>[], 'versionchange'>,
) => void | Promise<void>;

/**
 * Step-by-step schema migrations: entry `n` upgrades a database from version
 * n to n + 1. Add steps at the end; never change or remove one that shipped.
 */
export const migrations: readonly Migration[] = [
  (db) => {
    db.createObjectStore('cards', { keyPath: 'questionId' });
    const logs = db.createObjectStore('logs', { keyPath: 'id', autoIncrement: true });
    logs.createIndex('byQuestion', 'questionId');
    db.createObjectStore('meta', { keyPath: 'key' });
    db.createObjectStore('backups', { keyPath: 'id', autoIncrement: true });
  },
  // Version 2: pages stop reading every answer (issue 14, item 7). Answers are
  // indexed by time and totalled per day and per question; existing answers
  // are totalled here, once. Imports store answers in batches (answerBatches). Answer times are rewritten in one form
  // (toISOString) so that the index orders them; an answer without a readable
  // time is left as it is and not counted (export moves it to the backup).
  async (db, tx) => {
    tx.objectStore('logs').createIndex('byReview', 'log.review');
    db.createObjectStore('days', { keyPath: 'day' });
    db.createObjectStore('questions', { keyPath: 'questionId' });
    db.createObjectStore('answerBatches', { keyPath: 'id', autoIncrement: true }).createIndex('byLast', 'last');
    const tally = new Tally();
    // One request for all answers: a cursor costs a request per answer (7 s for 100,000 in Chromium).
    const logs = tx.objectStore('logs');
    // (Each stored answer carries its key, `id`, which put() keeps.)
    const records = await logs.getAll();
    const rewrites: Promise<unknown>[] = [];
    for (const value of records) {
      const record = value as Partial<LogRecord> | undefined;
      const log = record?.log;
      const time = typeof log?.review === 'string' ? Date.parse(log.review) : NaN;
      if (!record || !log || typeof record.questionId !== 'string' || Number.isNaN(time)) continue;
      const review = new Date(time).toISOString();
      if (review !== log.review) rewrites.push(logs.put({ ...record, log: { ...log, review } } as LogRecord));
      tally.add(record.questionId, { review, state: log.state, rating: log.rating });
    }
    await Promise.all(rewrites);
    await writeTally(tx, tally);
  },
];

/** The stores every version of our schema has; a database without them is not ours. */
const OUR_STORES = ['cards', 'logs', 'meta', 'backups'] as const;
// (`days` and `questions` come with version 2: a version-1 database is ours too.)

/**
 * A database under our name that is not shaped like ours (another site on the
 * same origin made it, or a page loader created it empty). Never written to.
 */
export class UnexpectedDatabaseError extends Error {
  constructor(
    readonly databaseName: string,
    readonly missing: readonly string[],
  ) {
    super(`IndexedDB database "${databaseName}" lacks ${missing.join(', ')}`);
    this.name = 'UnexpectedDatabaseError';
  }
}

/** The stores of ours that `names` lacks (none for a database of our shape). */
export function missingStores(names: DOMStringList): string[] {
  return OUR_STORES.filter((name) => !names.contains(name));
}

/**
 * Opens `name`, applying the steps it lacks. A step that throws aborts the
 * upgrade (the old data stays); `onBlocking` runs when a newer version in
 * another tab wants to upgrade, `onBlocked` when an older tab does not let
 * this one upgrade. A database that has a version but not our stores
 * rejects with `UnexpectedDatabaseError` and is left as it was; one with no
 * stores at all holds nothing and is built from the first step.
 */
export async function openWith(
  name: string,
  steps: readonly Migration[],
  onBlocking: () => void,
  onBlocked: () => void = () => undefined,
): Promise<IDBPDatabase<ProgressDB>> {
  let failure: unknown;
  let database: IDBPDatabase<ProgressDB>;
  try {
    database = await openDB<ProgressDB>(name, steps.length, {
      async upgrade(database, oldVersion, _newVersion, transaction) {
        // An abort is reported through openDB's rejection below.
        transaction.done.catch(() => undefined);
        try {
          const empty = database.objectStoreNames.length === 0;
          if (oldVersion > 0 && !empty) {
            const missing = missingStores(database.objectStoreNames);
            if (missing.length > 0) throw new UnexpectedDatabaseError(name, missing);
          }
          for (let version = empty ? 0 : oldVersion; version < steps.length; version++)
            await steps[version]?.(database, transaction);
        } catch (error) {
          // An error in an async callback would not reach IndexedDB, and the
          // half-done upgrade would commit. Aborting rolls all of it back.
          failure = error;
          transaction.abort();
        }
      },
      blocking: onBlocking,
      blocked: onBlocked,
    });
  } catch (error) {
    throw failure ?? error;
  }
  const missing = missingStores(database.objectStoreNames);
  if (missing.length > 0) {
    database.close();
    throw new UnexpectedDatabaseError(name, missing);
  }
  return database;
}
