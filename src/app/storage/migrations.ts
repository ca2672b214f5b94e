import { openDB, type DBSchema, type IDBPDatabase, type IDBPTransaction, type StoreNames } from 'idb';
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
  logs: { key: number; value: LogRecord; indexes: { byQuestion: string } };
  meta: { key: string; value: { key: string; value: unknown } };
  backups: { key: number; value: BackupRecord };
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
];

/**
 * Opens `name`, applying the steps it lacks. A step that throws aborts the
 * upgrade (the old data stays); `onBlocking` runs when a newer version in
 * another tab wants to upgrade.
 */
export async function openWith(
  name: string,
  steps: readonly Migration[],
  onBlocking: () => void,
): Promise<IDBPDatabase<ProgressDB>> {
  let failure: unknown;
  try {
    return await openDB<ProgressDB>(name, steps.length, {
      async upgrade(database, oldVersion, _newVersion, transaction) {
        // An abort is reported through openDB's rejection below.
        transaction.done.catch(() => undefined);
        try {
          for (let version = oldVersion; version < steps.length; version++)
            await steps[version]?.(database, transaction);
        } catch (error) {
          // An error in an async callback would not reach IndexedDB, and the
          // half-done upgrade would commit. Aborting rolls all of it back.
          failure = error;
          transaction.abort();
        }
      },
      blocking: onBlocking,
    });
  } catch (error) {
    throw failure ?? error;
  }
}
