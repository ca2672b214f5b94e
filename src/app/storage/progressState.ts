import type { Card, ReviewLog } from 'ts-fsrs';
import type { DayTotals } from './answerTotals.ts';
import { defaultSettings, type ExportFile, type Settings } from './progressSchema.ts';
import type { QuestionMarks } from './questionMarks.ts';

/** What the app sees of quiz progress; `progressStore.ts` keeps it and tells subscribers. */

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
  /**
   * Answers per local day (YYYY-MM-DD). The answers themselves are not
   * loaded: there may be 100,000 of them (`exportProgress` reads them).
   */
  days: ReadonlyMap<string, DayTotals>;
  /** Answers per question id, questions no longer in the notes included. */
  answersByQuestion: ReadonlyMap<string, number>;
  /** Every stored answer (the sum of `answersByQuestion`). */
  answerCount: number;
  settings: Settings;
  /** Suspended, flagged and reset questions (`questionMarks.ts`); absent from older data. */
  marks: QuestionMarks;
  lastChangeAt: Date | null;
  lastExportAt: Date | null;
  /** Things the learner must hear about (data moved to backup, storage unavailable). */
  problems: readonly string[];
  backupCount: number;
  /** Whether the browser promised not to evict our storage (`navigator.storage.persist()`). */
  persisted: boolean | null;
}

/** What an import would change, shown before it is applied. */
export interface ImportPreview {
  /** The file's content, each card and each answer once. */
  data: ExportFile;
  newCards: number;
  /** Cards in both; the file's copy is newer. */
  newerInFile: number;
  /** Cards in both; the copy here is newer (merge keeps it). */
  newerHere: number;
  newLogs: number;
  /** Repeats in the file (the same question's card, the same answer), counted once above. */
  duplicateCards: number;
  duplicateLogs: number;
  /** Questions of the file's cards that this site does not have (kept, not shown), when the site's ids were given. */
  unknownQuestions: string[];
  /** The file's answers to questions this site does not have. */
  unknownAnswers: number;
}

export const emptyState: ProgressState = {
  status: 'loading',
  mode: 'indexeddb',
  cards: new Map(),
  days: new Map(),
  answersByQuestion: new Map(),
  answerCount: 0,
  settings: defaultSettings,
  marks: new Map(),
  lastChangeAt: null,
  lastExportAt: null,
  problems: [],
  backupCount: 0,
  persisted: null,
};

/** The state before storage is read (also what prerendering sees). */
export const loadingProgress: ProgressState = emptyState;
