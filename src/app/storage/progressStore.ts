import { openDB, type IDBPDatabase } from 'idb';
import { createEmptyCard, type Card, type ReviewLog } from 'ts-fsrs';
import { LEGACY_DATABASE_NAME, progressChannelName, progressDatabaseName } from './databaseName.ts';
import { answerCount, refreshAnswerFacts, Tally, withTally, writeTally } from './answerTotals.ts';
import { clampCard } from './cardBounds.ts';
import { answerSpan, buildExportFile, countImport, parseImportFile } from './importExport.ts';
import { mergeReadingPlaces, parseReadingPlaces, READING_PLACES_KEY } from './readingPlaces.ts';
import {
  readAnswerSummary,
  readQuestionAnswers,
  questionAnswers,
  summarizeAnswers,
  type AnswerSummary,
} from './answerHistory.ts';
import { copyLegacyOnce } from './legacyCopy.ts';
import {
  migrations,
  missingStores,
  openWith,
  UnexpectedDatabaseError,
  type Migration,
  type ProgressDB,
} from './migrations.ts';
import {
  describeIssues,
  settingsSchema,
  type CardRecord,
  type ExportFile,
  type LogRecord,
  type Settings,
  type StoredLog,
} from './progressSchema.ts';
import {
  mergeQuestionMarks,
  QUESTION_MARKS_META_KEY,
  readQuestionMarks,
  storedQuestionMarks,
  withMarks,
  type MarkPatch,
} from './questionMarks.ts';
import { emptyState, type ImportPreview, type LogEntry, type ProgressState } from './progressState.ts';
import { knownAnswerKeys, movedMessage, readAll, readAnswers } from './readProgress.ts';
import { readAnswersSince, recentAnswer, type RecentAnswer } from './recentAnswers.ts';
import { lastTouched, logKey, reviveCard, serializeCard, serializeLog } from './storedRecords.ts';
import { addAnswers } from './writeAnswers.ts';

export { migrations, type Migration } from './migrations.ts';
export { loadingProgress, type ImportPreview, type LogEntry, type ProgressState } from './progressState.ts';
export type { DayTotals } from './answerTotals.ts';
export type { AnswerSummary } from './answerHistory.ts';
export type { QuestionMark, QuestionMarks } from './questionMarks.ts';

/**
 * The one place quiz progress is read and written: IndexedDB through `idb`,
 * with a versioned schema (IndexedDB's own version number, upgraded step by
 * step), validation on load, a backup store that is only ever added to, and
 * a BroadcastChannel so two open tabs stay consistent. Both are named with the
 * site's base path (`databaseName.ts`).
 *
 * Everything is keyed by question id, never by text. Cards of questions that
 * no longer exist in the notes are kept (the app just does not show them).
 */

export interface ProgressStore {
  getState(): ProgressState;
  subscribe(listener: () => void): () => void;
  /** Writes the answer (card + log) and resolves once it is durable. */
  recordReview(questionId: string, card: Card, log: ReviewLog): Promise<LogEntry>;
  /** Undoes one answer: puts the earlier card back and removes its log. */
  undoReview(entry: LogEntry, previous: Card | undefined): Promise<void>;
  updateSettings(patch: Partial<Settings>): Promise<void>;
  /** Suspends or flags (or clears either on) `ids`, at `now`; kept in `meta`, exported and imported. */
  markQuestions(ids: readonly string[], patch: Omit<MarkPatch, 'resetAt'>, now: Date): Promise<void>;
  /**
   * Forgets the schedule of `ids` (Anki's Forget): each card becomes new
   * again at `now`; its answers stay, and the reset is noted in its marks.
   */
  resetQuestions(ids: readonly string[], now: Date): Promise<void>;
  /** Last grade, last time and last wrong answer per question, read from every stored answer. */
  readAnswerSummary(): Promise<Map<string, AnswerSummary>>;
  /** Every stored answer to one question, oldest first. */
  readQuestionHistory(questionId: string): Promise<StoredLog[]>;
  /** Every card and every stored answer (the answers are read only now). */
  exportProgress(now: Date): Promise<ExportFile>;
  markExported(at: Date): Promise<void>;
  /**
   * Answers given after `since` (all when null), counted through the time
   * index without reading them: the export reminder on note pages.
   */
  countAnswersSince(since: Date | null): Promise<number>;
  /**
   * Validates a file and counts what importing it would change; a bad file
   * changes nothing and says what is wrong. With `questionIds` (the site's
   * questions) the preview also lists the file's questions this site lacks.
   */
  previewImport(
    text: string,
    options?: { questionIds?: readonly string[] },
  ): Promise<{ ok: true; preview: ImportPreview } | { ok: false; errors: string[] }>;
  /**
   * Merges or replaces with the file's content, in one transaction (all or
   * nothing). `onProgress(done, total)` follows the answers written, for a
   * progress bar.
   */
  applyImport(
    data: ExportFile,
    mode: 'merge' | 'replace',
    onProgress?: (done: number, total: number) => void,
  ): Promise<void>;
  /** Everything ever moved to the backup store, for the learner to download. */
  readBackups(): Promise<unknown[]>;
  /** Answers given since `since` (a window of recent history, for the stats page). */
  answersSince(since: Date): Promise<RecentAnswer[]>;
  requestPersistence(): Promise<void>;
  close(): void;
}

export interface OpenOptions {
  /** IndexedDB database name (default `progressDatabaseName(import.meta.env.BASE_URL)`). */
  dbName?: string;
  /**
   * A database of the old shared name to copy from once (default `study-notes` when
   * `dbName` is the default, none otherwise; `null` for none).
   */
  copyFrom?: string | null;
  /** The schema steps (default `migrations`); tests pass a longer list to rehearse an upgrade. */
  migrations?: readonly Migration[];
  /** The clock that stored cards and import files are checked against (default: the system clock). */
  now?: () => Date;
}

export async function openProgressStore(options: OpenOptions = {}): Promise<ProgressStore> {
  const dbName = options.dbName ?? progressDatabaseName(import.meta.env.BASE_URL);
  const copyFrom = options.copyFrom !== undefined ? options.copyFrom : options.dbName ? null : LEGACY_DATABASE_NAME;
  const clock = options.now ?? (() => new Date());
  const available = typeof indexedDB !== 'undefined';
  let db: IDBPDatabase<ProgressDB> | undefined;
  let state: ProgressState = emptyState;
  const listeners = new Set<() => void>();
  // State changes so far (here or, through the channel, in another tab): a preview's
  // comparison is reused by the import only if nothing was written in between.
  let writes = 0;
  let lastPreview: { data: ExportFile; known: Set<string>; writes: number } | undefined;
  const emit = (next: ProgressState) => {
    state = next;
    writes += 1;
    for (const listener of listeners) listener();
  };

  // An older tab that never lets go of the database would keep the open
  // waiting forever: give up on it and go on in memory.
  let blocked: (() => void) | undefined;
  const openOrGiveUp = (opening: Promise<IDBPDatabase<ProgressDB>>) =>
    new Promise<IDBPDatabase<ProgressDB> | undefined>((resolve, reject) => {
      blocked = () => {
        resolve(undefined);
        void opening.then(
          (late) => late.close(),
          () => undefined,
        );
      };
      opening.then(resolve, reject);
    });

  const problems: string[] = [];
  if (available) {
    try {
      db = await openOrGiveUp(
        openWith(
          dbName,
          options.migrations ?? migrations,
          () => {
            // A newer version of the app, in another tab, is upgrading the
            // schema: let it, and stop writing here rather than fail later.
            db?.close();
            db = undefined;
            emit({ ...state, mode: 'memory', problems: [...state.problems, NEWER_TAB] });
          },
          () => blocked?.(),
        ),
      );
      if (db && copyFrom && copyFrom !== dbName) await copyLegacyOnce(db, copyFrom);
      if (!db) problems.push(OLDER_TAB);
    } catch (error) {
      db?.close();
      db = undefined;
      problems.push(await openProblem(error, dbName));
    }
  } else {
    problems.push(
      '이 브라우저에는 IndexedDB가 없어 진행 상황을 저장할 수 없습니다. 탭을 닫기 전에 내보내기를 해 두세요.',
    );
  }

  // Without a database (memory mode) the answers themselves live here, for export.
  let memoryAnswers: (LogRecord & { id: number })[] = [];
  const load = async (): Promise<ProgressState> => {
    if (!db) return { ...emptyState, status: 'ready', mode: 'memory', problems };
    return readAll(db, problems, clock());
  };
  try {
    emit(await load());
  } catch (error) {
    // Whatever the stored data looks like, the page goes on, in memory.
    db?.close();
    db = undefined;
    problems.push(await openProblem(error, dbName));
    emit(await load());
  }

  // Another tab wrote: read again so both show the same progress.
  const channel =
    typeof BroadcastChannel === 'undefined' ? undefined : new BroadcastChannel(progressChannelName(dbName));
  if (channel) {
    channel.onmessage = () => {
      void load().then(emit, () => undefined);
    };
  }
  const announce = () => channel?.postMessage('changed');
  /** The state with `tally` added to its totals. */
  const tallied = (tally: Tally) => {
    const totals = withTally(state.days, state.answersByQuestion, tally);
    return { ...totals, answerCount: answerCount(totals.answersByQuestion) };
  };
  /** The identities of the answers stored within the time span of `data`'s answers. */
  const knownKeys = async (data: ExportFile): Promise<Set<string>> => {
    const span = answerSpan(data);
    if (!span) return new Set();
    if (db) return knownAnswerKeys(db, span);
    return new Set(
      memoryAnswers
        .filter((answer) => answer.log.review >= span.from && answer.log.review <= span.to)
        .map((answer) => logKey(answer.questionId, answer.log)),
    );
  };
  /** Every stored answer, oldest first; unreadable ones move to the backup (and the learner hears of it). */
  const allAnswers = async (): Promise<LogRecord[]> => {
    if (!db) return memoryAnswers;
    const { answers, moved } = await readAnswers(db);
    if (moved > 0) emit(await readAll(db, [...problems, movedMessage(moved)], clock()));
    return answers;
  };

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
      const tally = new Tally().add(questionId, logRecord.log);
      let id = (memoryAnswers.at(-1)?.id ?? 0) + 1;
      if (db) {
        const tx = db.transaction(['cards', 'logs', 'meta', 'days', 'questions'], 'readwrite');
        await tx.objectStore('cards').put(cardRecord);
        id = await tx.objectStore('logs').add(logRecord);
        await writeTally(tx, tally);
        await tx.objectStore('meta').put({ key: 'lastChangeAt', value: now });
        await tx.done;
      } else {
        memoryAnswers = [...memoryAnswers, { id, ...logRecord }];
      }
      const entry: LogEntry = { id, questionId, log };
      const cards = new Map(state.cards).set(questionId, card);
      emit({ ...state, cards, ...tallied(tally), lastChangeAt: new Date(now) });
      announce();
      return entry;
    },

    async undoReview(entry, previous) {
      const now = new Date().toISOString();
      const tally = new Tally().add(entry.questionId, entry.log, -1);
      if (db) {
        const tx = db.transaction(['cards', 'logs', 'meta', 'days', 'questions'], 'readwrite');
        if (previous && previous.reps > 0) {
          await tx
            .objectStore('cards')
            .put({ questionId: entry.questionId, card: serializeCard(previous), updatedAt: now });
        } else {
          await tx.objectStore('cards').delete(entry.questionId);
        }
        const logs = tx.objectStore('logs');
        // Only an answer still stored is taken off the totals (another tab may have replaced everything).
        if (await logs.getKey(entry.id)) {
          await logs.delete(entry.id);
          await writeTally(tx, tally);
          await refreshAnswerFacts(tx, entry.questionId);
        }
        await tx.objectStore('meta').put({ key: 'lastChangeAt', value: now });
        await tx.done;
      } else {
        memoryAnswers = memoryAnswers.filter((answer) => answer.id !== entry.id);
      }
      const cards = new Map(state.cards);
      if (previous && previous.reps > 0) cards.set(entry.questionId, previous);
      else cards.delete(entry.questionId);
      emit({ ...state, cards, ...tallied(tally), lastChangeAt: new Date(now) });
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

    async markQuestions(ids, patch, now) {
      const marks = withMarks(state.marks, ids, patch, now);
      if (db) await db.put('meta', { key: QUESTION_MARKS_META_KEY, value: storedQuestionMarks(marks) });
      emit({ ...state, marks });
      announce();
    },

    async resetQuestions(ids, now) {
      const started = ids.filter((id) => state.cards.has(id));
      const marks = withMarks(state.marks, started, { resetAt: now }, now);
      const fresh = createEmptyCard(now);
      if (db) {
        const tx = db.transaction(['cards', 'meta'], 'readwrite');
        const cards = tx.objectStore('cards');
        const at = now.toISOString();
        await Promise.all(
          started.map((questionId) => cards.put({ questionId, card: serializeCard(fresh), updatedAt: at })),
        );
        await tx.objectStore('meta').put({ key: QUESTION_MARKS_META_KEY, value: storedQuestionMarks(marks) });
        await tx.objectStore('meta').put({ key: 'lastChangeAt', value: at });
        await tx.done;
      }
      const cards = new Map(state.cards);
      for (const id of started) cards.set(id, { ...fresh });
      emit({ ...state, cards, marks, lastChangeAt: now });
      announce();
    },

    async readAnswerSummary() {
      return db ? readAnswerSummary(db) : summarizeAnswers(memoryAnswers);
    },

    async readQuestionHistory(questionId) {
      return db ? readQuestionAnswers(db, questionId) : questionAnswers(memoryAnswers, questionId);
    },

    async exportProgress(now) {
      const reading = db ? parseReadingPlaces((await db.get('meta', READING_PLACES_KEY))?.value) : {};
      return buildExportFile(state, await allAnswers(), now, reading);
    },

    async markExported(at) {
      if (db) await db.put('meta', { key: 'lastExportAt', value: at.toISOString() });
      emit({ ...state, lastExportAt: at });
      announce();
    },

    async countAnswersSince(since) {
      const after = since?.toISOString();
      if (!db) return memoryAnswers.filter((answer) => !after || answer.log.review > after).length;
      return db.countFromIndex('logs', 'byReview', after ? IDBKeyRange.lowerBound(after, true) : undefined);
    },

    async previewImport(text, { questionIds } = {}) {
      const parsed = parseImportFile(text, clock());
      if (!parsed.ok) return parsed;
      const known = await knownKeys(parsed.data);
      lastPreview = { data: parsed.data, known, writes };
      return { ok: true, preview: countImport(parsed.data, state, known, parsed.duplicates, questionIds) };
    },

    async applyImport(data, mode, onProgress) {
      const now = new Date().toISOString();
      // The answers stored in the file's span, as the preview read them if nothing was written since.
      const known =
        mode === 'replace'
          ? new Set<string>()
          : lastPreview?.data === data && lastPreview.writes === writes
            ? lastPreview.known
            : await knownKeys(data);
      lastPreview = undefined;
      const keep = (record: CardRecord) => {
        const current = mode === 'replace' ? undefined : state.cards.get(record.questionId);
        return !current || Date.parse(record.card.last_review ?? record.card.due) > lastTouched(current);
      };
      // Suspended, flagged and reset questions: the file's, merged per question (the later change wins).
      const fileMarks = readQuestionMarks(data.questionMarks);
      const importedMarks = mode === 'replace' ? fileMarks : mergeQuestionMarks(state.marks, fileMarks);
      if (db) {
        const tx = db.transaction(['cards', 'logs', 'meta', 'days', 'questions', 'answerBatches'], 'readwrite');
        const cards = tx.objectStore('cards');
        if (mode === 'replace') {
          await Promise.all(
            (['cards', 'logs', 'days', 'questions', 'answerBatches'] as const).map((name) =>
              tx.objectStore(name).clear(),
            ),
          );
        }
        await Promise.all(data.cards.filter(keep).map((record) => cards.put({ ...record, updatedAt: now })));
        await addAnswers(tx, data.logs, known, onProgress);
        await tx.objectStore('meta').put({ key: 'settings', value: data.settings });
        await tx.objectStore('meta').put({ key: QUESTION_MARKS_META_KEY, value: storedQuestionMarks(importedMarks) });
        await tx.objectStore('meta').put({ key: 'lastChangeAt', value: now });
        if (data.readingPlaces) {
          // A file from before reading places leaves them as they are, in either mode.
          const incoming = parseReadingPlaces(data.readingPlaces);
          const stored = parseReadingPlaces((await tx.objectStore('meta').get(READING_PLACES_KEY))?.value);
          const places = mode === 'replace' ? incoming : mergeReadingPlaces(stored, incoming);
          await tx.objectStore('meta').put({ key: READING_PLACES_KEY, value: places });
        }
        await tx.done;
        emit(await readAll(db, [], clock()));
      } else {
        const cards = new Map(mode === 'replace' ? [] : state.cards);
        for (const record of data.cards.filter(keep))
          cards.set(record.questionId, reviveCard(clampCard(record.card, clock())));
        if (mode === 'replace') memoryAnswers = [];
        const tally = new Tally();
        const added: (LogRecord & { id: number })[] = [];
        let id = memoryAnswers.at(-1)?.id ?? 0;
        for (const record of data.logs) {
          const key = logKey(record.questionId, record.log);
          if (known.has(key)) continue;
          known.add(key);
          added.push({ id: (id += 1), ...record });
          tally.add(record.questionId, record.log);
        }
        memoryAnswers = [...memoryAnswers, ...added];
        const base = mode === 'replace' ? { ...state, days: new Map(), answersByQuestion: new Map() } : state;
        const totals = withTally(base.days, base.answersByQuestion, tally);
        emit({
          ...state,
          cards,
          ...totals,
          answerCount: answerCount(totals.answersByQuestion),
          settings: data.settings,
          marks: importedMarks,
          lastChangeAt: new Date(now),
        });
        onProgress?.(data.logs.length, data.logs.length);
      }
      announce();
    },

    async readBackups() {
      return db ? db.getAll('backups') : [];
    },

    async answersSince(since) {
      const from = since.toISOString();
      if (db) return readAnswersSince(db, from);
      return memoryAnswers.flatMap((record) => {
        const answer = record.log.review >= from ? recentAnswer(record) : null;
        return answer ? [answer] : [];
      });
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

/** What the learner is told when the database cannot be used. */
async function openProblem(error: unknown, dbName: string): Promise<string> {
  const newer = error instanceof DOMException && error.name === 'VersionError';
  // Stored by a newer version of the app (this tab runs an older copy,
  // e.g. from the offline cache): the data is fine and stays untouched.
  // Unless the newer database is not shaped like ours at all.
  if (newer && !(await isForeign(dbName))) return NEWER_DATA;
  if (
    newer ||
    error instanceof UnexpectedDatabaseError ||
    (error instanceof DOMException && error.name === 'NotFoundError')
  )
    return `이 브라우저의 저장소에 이 사이트가 만들지 않은 데이터베이스("${dbName}")가 있어 손대지 않았습니다. 같은 주소의 다른 사이트가 만든 것일 수 있습니다. 이번 방문의 진행 상황은 탭을 닫으면 사라지니, 끝내기 전에 '파일로 내보내기'를 해 두세요.`;
  return `브라우저 저장소(IndexedDB)를 열 수 없어 이번 방문의 진행 상황은 탭을 닫으면 사라집니다. 끝내기 전에 '파일로 내보내기'를 해 두세요. (${String(error)})`;
}

/** Whether the existing database `name` lacks our stores (opened at its own version, so nothing changes). */
async function isForeign(name: string): Promise<boolean> {
  try {
    const existing = await openDB(name);
    const missing = missingStores(existing.objectStoreNames);
    existing.close();
    return missing.length > 0;
  } catch {
    return false;
  }
}

const OLDER_TAB =
  '이 사이트의 예전 버전이 열린 다른 탭이 저장소를 놓지 않아 이번 방문의 진행 상황은 저장되지 않습니다. 다른 탭을 닫고 이 페이지를 새로 고쳐 주세요.';
const NEWER_DATA =
  '이 기기에는 더 새 버전의 앱이 저장한 진행 상황이 있습니다. 그 기록은 그대로 두고, 이 탭에서 푼 문제는 저장하지 않습니다. 페이지를 새로 고쳐 새 버전을 받으세요.';
const NEWER_TAB =
  '다른 탭에서 새 버전의 앱이 저장소를 고치는 중이라 이 탭은 저장을 멈췄습니다. 페이지를 새로 고쳐 주세요.';
