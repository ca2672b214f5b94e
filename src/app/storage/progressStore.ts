import { openDB, type DBSchema, type IDBPDatabase, type IDBPTransaction, type StoreNames } from 'idb';
import { TypeConvert, type Card, type ReviewLog } from 'ts-fsrs';
import * as z from 'zod/mini';
import {
  cardRecordSchema,
  defaultSettings,
  describeIssues,
  EXPORT_FORMAT,
  exportFileSchema,
  logRecordSchema,
  PROGRESS_SCHEMA_VERSION,
  settingsSchema,
  type CardRecord,
  type ExportFile,
  type LogRecord,
  type Settings,
  type StoredCard,
  type StoredLog,
} from './progressSchema.ts';

/**
 * The one place quiz progress is read and written: IndexedDB through `idb`,
 * with a versioned schema (IndexedDB's own version number, upgraded step by
 * step), validation on load, a backup store that is only ever added to, and
 * a BroadcastChannel so two open tabs stay consistent.
 *
 * Everything is keyed by question id, never by text. Cards of questions that
 * no longer exist in the notes are kept (the app just does not show them).
 */

export interface LogEntry {
  id: number;
  questionId: string;
  log: ReviewLog;
}

export interface ProgressState {
  status: 'loading' | 'ready';
  /** `memory` when the browser offers no IndexedDB: progress lasts until the tab closes. */
  mode: 'indexeddb' | 'memory';
  cards: ReadonlyMap<string, Card>;
  logs: readonly LogEntry[];
  settings: Settings;
  lastChangeAt: Date | null;
  lastExportAt: Date | null;
  /** Things the learner must hear about (data moved to backup, storage unavailable). */
  problems: readonly string[];
  backupCount: number;
  /** Whether the browser promised not to evict our storage (`navigator.storage.persist()`). */
  persisted: boolean | null;
}

export interface ImportPreview {
  data: ExportFile;
  newCards: number;
  /** Cards in both; the file's copy is newer. */
  newerInFile: number;
  /** Cards in both; the copy here is newer (merge keeps it). */
  newerHere: number;
  newLogs: number;
}

interface BackupRecord {
  id?: number;
  at: string;
  store: string;
  reason: string;
  value: unknown;
}

interface ProgressDB extends DBSchema {
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

const CHANNEL = 'study-notes-progress';

export interface ProgressStore {
  getState(): ProgressState;
  subscribe(listener: () => void): () => void;
  /** Writes the answer (card + log) and resolves once it is durable. */
  recordReview(questionId: string, card: Card, log: ReviewLog): Promise<LogEntry>;
  /** Undoes one answer: puts the earlier card back and removes its log. */
  undoReview(entry: LogEntry, previous: Card | undefined): Promise<void>;
  updateSettings(patch: Partial<Settings>): Promise<void>;
  exportProgress(now: Date): ExportFile;
  markExported(at: Date): Promise<void>;
  /** Validates a file; a bad file changes nothing and says what is wrong. */
  previewImport(text: string): { ok: true; preview: ImportPreview } | { ok: false; errors: string[] };
  applyImport(data: ExportFile, mode: 'merge' | 'replace'): Promise<void>;
  /** Everything ever moved to the backup store, for the learner to download. */
  readBackups(): Promise<unknown[]>;
  requestPersistence(): Promise<void>;
  close(): void;
}

export interface OpenOptions {
  /** IndexedDB database name (default `study-notes`). */
  dbName?: string;
  /** The schema steps (default `migrations`); tests pass a longer list to rehearse an upgrade. */
  migrations?: readonly Migration[];
}

const emptyState: ProgressState = {
  status: 'loading',
  mode: 'indexeddb',
  cards: new Map(),
  logs: [],
  settings: defaultSettings,
  lastChangeAt: null,
  lastExportAt: null,
  problems: [],
  backupCount: 0,
  persisted: null,
};

/** The state before storage is read (also what prerendering sees). */
export const loadingProgress: ProgressState = emptyState;

export async function openProgressStore(options: OpenOptions = {}): Promise<ProgressStore> {
  const dbName = options.dbName ?? 'study-notes';
  const available = typeof indexedDB !== 'undefined';
  let db: IDBPDatabase<ProgressDB> | undefined;
  let state: ProgressState = emptyState;
  const listeners = new Set<() => void>();
  const emit = (next: ProgressState) => {
    state = next;
    for (const listener of listeners) listener();
  };

  const problems: string[] = [];
  if (available) {
    try {
      db = await openWith(dbName, options.migrations ?? migrations, () => {
        // A newer version of the app, in another tab, is upgrading the
        // schema: let it, and stop writing here rather than fail later.
        db?.close();
        db = undefined;
        emit({ ...state, mode: 'memory', problems: [...state.problems, NEWER_TAB] });
      });
    } catch (error) {
      // Stored by a newer version of the app (this tab runs an older copy,
      // e.g. from the offline cache): the data is fine and stays untouched.
      const newer = error instanceof DOMException && error.name === 'VersionError';
      problems.push(
        newer
          ? NEWER_DATA
          : `브라우저 저장소(IndexedDB)를 열 수 없어 이번 방문의 진행 상황은 탭을 닫으면 사라집니다. (${String(error)})`,
      );
    }
  } else {
    problems.push(
      '이 브라우저에는 IndexedDB가 없어 진행 상황을 저장할 수 없습니다. 탭을 닫기 전에 내보내기를 해 두세요.',
    );
  }

  const load = async (): Promise<ProgressState> => {
    if (!db) return { ...emptyState, status: 'ready', mode: 'memory', problems };
    return readAll(db, problems);
  };
  emit(await load());

  // Another tab wrote: read again so both show the same progress.
  const channel = typeof BroadcastChannel === 'undefined' ? undefined : new BroadcastChannel(`${CHANNEL}:${dbName}`);
  if (channel) {
    channel.onmessage = () => {
      void load().then(emit);
    };
  }
  const announce = () => channel?.postMessage('changed');

  const store: ProgressStore = {
    getState: () => state,
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },

    async recordReview(questionId, card, log) {
      const now = new Date().toISOString();
      const cardRecord: CardRecord = { questionId, card: serializeCard(card), updatedAt: now };
      const logRecord: LogRecord = { questionId, log: serializeLog(log) };
      let id = (state.logs.at(-1)?.id ?? 0) + 1;
      if (db) {
        const tx = db.transaction(['cards', 'logs', 'meta'], 'readwrite');
        await tx.objectStore('cards').put(cardRecord);
        id = await tx.objectStore('logs').add(logRecord);
        await tx.objectStore('meta').put({ key: 'lastChangeAt', value: now });
        await tx.done;
      }
      const entry: LogEntry = { id, questionId, log };
      const cards = new Map(state.cards).set(questionId, card);
      emit({ ...state, cards, logs: [...state.logs, entry], lastChangeAt: new Date(now) });
      announce();
      return entry;
    },

    async undoReview(entry, previous) {
      const now = new Date().toISOString();
      if (db) {
        const tx = db.transaction(['cards', 'logs', 'meta'], 'readwrite');
        if (previous && previous.reps > 0) {
          await tx
            .objectStore('cards')
            .put({ questionId: entry.questionId, card: serializeCard(previous), updatedAt: now });
        } else {
          await tx.objectStore('cards').delete(entry.questionId);
        }
        await tx.objectStore('logs').delete(entry.id);
        await tx.objectStore('meta').put({ key: 'lastChangeAt', value: now });
        await tx.done;
      }
      const cards = new Map(state.cards);
      if (previous && previous.reps > 0) cards.set(entry.questionId, previous);
      else cards.delete(entry.questionId);
      emit({ ...state, cards, logs: state.logs.filter((log) => log.id !== entry.id), lastChangeAt: new Date(now) });
      announce();
    },

    async updateSettings(patch) {
      const settings = { ...state.settings, ...patch };
      const checked = settingsSchema.safeParse(settings);
      if (!checked.success) throw new Error(describeIssues(checked.error).join('\n'));
      if (db) await db.put('meta', { key: 'settings', value: checked.data });
      emit({ ...state, settings: checked.data });
      announce();
    },

    exportProgress(now) {
      return {
        format: EXPORT_FORMAT,
        version: PROGRESS_SCHEMA_VERSION,
        exportedAt: now.toISOString(),
        settings: state.settings,
        cards: [...state.cards].map(([questionId, card]) => ({
          questionId,
          card: serializeCard(card),
          updatedAt: (card.last_review ?? card.due).toISOString(),
        })),
        logs: state.logs.map((entry) => ({ questionId: entry.questionId, log: serializeLog(entry.log) })),
      };
    },

    async markExported(at) {
      if (db) await db.put('meta', { key: 'lastExportAt', value: at.toISOString() });
      emit({ ...state, lastExportAt: at });
      announce();
    },

    previewImport(text) {
      let json: unknown;
      try {
        json = JSON.parse(text);
      } catch (error) {
        return {
          ok: false,
          errors: [`JSON으로 읽을 수 없는 파일입니다: ${error instanceof Error ? error.message : String(error)}`],
        };
      }
      const parsed = exportFileSchema.safeParse(json);
      if (!parsed.success) {
        const looksLikeOurs =
          typeof json === 'object' && json !== null && (json as { format?: unknown }).format === EXPORT_FORMAT;
        return {
          ok: false,
          errors: [
            looksLikeOurs
              ? '진행 상황 파일이지만 내용이 올바르지 않습니다:'
              : '스터디 노트에서 내보낸 진행 상황 파일이 아닙니다:',
            ...describeIssues(parsed.error),
          ],
        };
      }
      const data = parsed.data;
      let newCards = 0;
      let newerInFile = 0;
      let newerHere = 0;
      for (const record of data.cards) {
        const here = state.cards.get(record.questionId);
        if (!here) newCards += 1;
        else if (Date.parse(record.card.last_review ?? record.card.due) > lastTouched(here)) newerInFile += 1;
        else newerHere += 1;
      }
      const known = new Set(state.logs.map((entry) => logKey(entry.questionId, serializeLog(entry.log))));
      const newLogs = data.logs.filter((record) => !known.has(logKey(record.questionId, record.log))).length;
      return { ok: true, preview: { data, newCards, newerInFile, newerHere, newLogs } };
    },

    async applyImport(data, mode) {
      const now = new Date().toISOString();
      if (db) {
        const tx = db.transaction(['cards', 'logs', 'meta'], 'readwrite');
        const cards = tx.objectStore('cards');
        const logs = tx.objectStore('logs');
        if (mode === 'replace') {
          await cards.clear();
          await logs.clear();
        }
        const known = new Set(
          mode === 'replace' ? [] : state.logs.map((entry) => logKey(entry.questionId, serializeLog(entry.log))),
        );
        for (const record of data.cards) {
          const here = mode === 'replace' ? undefined : state.cards.get(record.questionId);
          if (!here || Date.parse(record.card.last_review ?? record.card.due) > lastTouched(here)) {
            await cards.put({ ...record, updatedAt: now });
          }
        }
        for (const record of data.logs) {
          const key = logKey(record.questionId, record.log);
          if (known.has(key)) continue;
          known.add(key);
          await logs.add({ questionId: record.questionId, log: record.log });
        }
        await tx.objectStore('meta').put({ key: 'settings', value: data.settings });
        await tx.objectStore('meta').put({ key: 'lastChangeAt', value: now });
        await tx.done;
        emit(await readAll(db, []));
      } else {
        const cards = new Map(mode === 'replace' ? [] : state.cards);
        for (const record of data.cards) cards.set(record.questionId, reviveCard(record.card));
        const logs = [...(mode === 'replace' ? [] : state.logs)];
        for (const record of data.logs) {
          logs.push({ id: logs.length + 1, questionId: record.questionId, log: reviveLog(record.log) });
        }
        emit({ ...state, cards, logs, settings: data.settings, lastChangeAt: new Date(now) });
      }
      announce();
    },

    async readBackups() {
      return db ? db.getAll('backups') : [];
    },

    async requestPersistence() {
      if (typeof navigator === 'undefined' || !navigator.storage?.persist) return;
      try {
        const persisted = (await navigator.storage.persisted()) || (await navigator.storage.persist());
        emit({ ...state, persisted });
      } catch {
        emit({ ...state, persisted: false });
      }
    },

    close() {
      channel?.close();
      db?.close();
    },
  };
  return store;
}

const NEWER_DATA =
  '이 기기에는 더 새 버전의 앱이 저장한 진행 상황이 있습니다. 그 기록은 그대로 두고, 이 탭에서 푼 문제는 저장하지 않습니다. 페이지를 새로 고쳐 새 버전을 받으세요.';
const NEWER_TAB =
  '다른 탭에서 새 버전의 앱이 저장소를 고치는 중이라 이 탭은 저장을 멈췄습니다. 페이지를 새로 고쳐 주세요.';

async function openWith(
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

/** Reads and validates everything; invalid records move to `backups` and are reported. */
async function readAll(db: IDBPDatabase<ProgressDB>, problems: readonly string[]): Promise<ProgressState> {
  const tx = db.transaction(['cards', 'logs', 'meta', 'backups'], 'readwrite');
  const found: string[] = [...problems];
  const cards = new Map<string, Card>();
  const logs: LogEntry[] = [];
  let moved = 0;

  const backup = async (store: string, key: IDBValidKey, value: unknown, error: z.core.$ZodError) => {
    await tx
      .objectStore('backups')
      .add({ at: new Date().toISOString(), store, reason: describeIssues(error).join('; '), value });
    if (store === 'cards') await tx.objectStore('cards').delete(key as string);
    if (store === 'logs') await tx.objectStore('logs').delete(key as number);
    moved += 1;
  };

  for (const [key, value] of await keyedEntries(tx.objectStore('cards'))) {
    const parsed = cardRecordSchema.safeParse(value);
    if (parsed.success) cards.set(parsed.data.questionId, reviveCard(parsed.data.card));
    else await backup('cards', key, value, parsed.error);
  }
  for (const [key, value] of await keyedEntries(tx.objectStore('logs'))) {
    const parsed = logRecordSchema.safeParse(value);
    if (parsed.success)
      logs.push({ id: key as number, questionId: parsed.data.questionId, log: reviveLog(parsed.data.log) });
    else await backup('logs', key, value, parsed.error);
  }
  const meta = new Map((await tx.objectStore('meta').getAll()).map((entry) => [entry.key, entry.value]));
  const settings = settingsSchema.safeParse(meta.get('settings'));
  const backupCount = await tx.objectStore('backups').count();
  await tx.done;

  if (moved > 0) {
    found.push(
      `저장된 진행 상황 중 ${moved}개 항목이 손상되어 읽을 수 없었습니다. 지우지 않고 백업에 옮겨 두었으니 '백업 내려받기'로 보관할 수 있습니다. 나머지 기록은 그대로입니다.`,
    );
  }
  const date = (value: unknown) =>
    typeof value === 'string' && !Number.isNaN(Date.parse(value)) ? new Date(value) : null;
  return {
    status: 'ready',
    mode: 'indexeddb',
    cards,
    logs: logs.sort((a, b) => a.id - b.id),
    settings: settings.success ? settings.data : defaultSettings,
    lastChangeAt: date(meta.get('lastChangeAt')),
    lastExportAt: date(meta.get('lastExportAt')),
    problems: found,
    backupCount,
    persisted: null,
  };
}

async function keyedEntries<S extends { openCursor: () => Promise<unknown> }>(
  store: S,
): Promise<[IDBValidKey, unknown][]> {
  const entries: [IDBValidKey, unknown][] = [];
  type Cursor = { primaryKey: IDBValidKey; value: unknown; continue: () => Promise<Cursor | null> } | null;
  let cursor = (await store.openCursor()) as Cursor;
  while (cursor) {
    entries.push([cursor.primaryKey, cursor.value]);
    cursor = await cursor.continue();
  }
  return entries;
}

const lastTouched = (card: Card) => (card.last_review ?? card.due).getTime();
const logKey = (questionId: string, log: StoredLog) => `${questionId}|${log.review}|${log.rating}`;

function serializeCard(card: Card): StoredCard {
  return {
    due: card.due.toISOString(),
    stability: card.stability,
    difficulty: card.difficulty,
    elapsed_days: card.elapsed_days,
    scheduled_days: card.scheduled_days,
    learning_steps: card.learning_steps,
    reps: card.reps,
    lapses: card.lapses,
    state: card.state,
    ...(card.last_review ? { last_review: card.last_review.toISOString() } : {}),
  };
}

function serializeLog(log: ReviewLog): StoredLog {
  return {
    rating: log.rating,
    state: log.state,
    due: log.due.toISOString(),
    stability: log.stability,
    difficulty: log.difficulty,
    elapsed_days: log.elapsed_days,
    last_elapsed_days: log.last_elapsed_days,
    scheduled_days: log.scheduled_days,
    learning_steps: log.learning_steps,
    review: log.review.toISOString(),
  };
}

/** ts-fsrs's own converter revives dates and enums. */
const reviveCard = (card: StoredCard): Card => TypeConvert.card(card as unknown as Card);
const reviveLog = (log: StoredLog): ReviewLog => TypeConvert.review_log(log as unknown as ReviewLog);
