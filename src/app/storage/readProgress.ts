import type { IDBPDatabase, IDBPTransaction, StoreNames } from 'idb';
import type { Card } from 'ts-fsrs';
import type * as z from 'zod/mini';
import type { DayTotals } from './answerTotals.ts';
import type { AnswerBatch, ProgressDB } from './migrations.ts';
import type { ProgressState } from './progressState.ts';
import {
  answerBatchSchema,
  cardRecordSchema,
  defaultSettings,
  describeIssues,
  logRecordSchema,
  settingsSchema,
  type LogRecord,
} from './progressSchema.ts';
import { clampCard } from './cardBounds.ts';
import { QUESTION_MARKS_META_KEY, readQuestionMarks } from './questionMarks.ts';
import { logKey, reviveCard } from './storedRecords.ts';

type BackupTransaction = IDBPTransaction<ProgressDB, StoreNames<ProgressDB>[], 'readwrite'>;

/** Moves an unreadable record to `backups` (only ever added to) and out of its store. */
async function moveToBackup(
  tx: BackupTransaction,
  store: 'cards' | 'logs' | 'answerBatches',
  key: IDBValidKey,
  value: unknown,
  error: z.core.$ZodError,
): Promise<void> {
  await tx
    .objectStore('backups')
    .add({ at: new Date().toISOString(), store, reason: describeIssues(error).join('; '), value });
  if (store === 'cards') await tx.objectStore('cards').delete(key as string);
  else await tx.objectStore(store).delete(key as number);
}

/** What the learner is told when `count` cards could not be scheduled and were brought back in range. */
export const clampedMessage = (count: number) =>
  `${count}개 문제의 저장된 복습 기록이 이 기기의 시계보다 미래이거나 허용 범위를 벗어나 있어 지금 기준으로 바로잡았습니다. 이제 다시 답할 수 있습니다. 원래 값은 '백업 내려받기'로 받을 수 있습니다.`;

/** What the learner is told when `moved` records went to the backup. */
export const movedMessage = (moved: number) =>
  `저장된 진행 상황 중 ${moved}개 항목이 손상되어 읽을 수 없었습니다. 지우지 않고 백업에 옮겨 두었으니 '백업 내려받기'로 보관할 수 있습니다. 나머지 기록은 그대로입니다.`;

/**
 * What a page needs: every card (validated; invalid ones move to `backups`
 * and are reported), the answer totals per day and per question, settings
 * and dates. Never the answers themselves: their number grows without
 * bound (`readAnswers` reads them for export and merge).
 */
export async function readAll(
  db: IDBPDatabase<ProgressDB>,
  problems: readonly string[],
  now: Date,
): Promise<ProgressState> {
  const tx = db.transaction(['cards', 'logs', 'meta', 'backups', 'days', 'questions'], 'readwrite');
  const found: string[] = [...problems];
  const cards = new Map<string, Card>();
  let moved = 0;
  let clamped = 0;

  for (const [key, value] of await keyedEntries(tx.objectStore('cards'))) {
    const parsed = cardRecordSchema.safeParse(value);
    if (parsed.success) {
      const card = clampCard(parsed.data.card, now);
      if (card !== parsed.data.card) {
        // Fixed once, in place: the learner hears of it on this load only. The
        // original goes to the backup like any record the app had to change.
        await tx.objectStore('backups').add({
          at: now.toISOString(),
          store: 'cards',
          reason: '시계보다 미래이거나 범위를 벗어난 값을 바로잡기 전의 원래 카드',
          value,
        });
        await tx.objectStore('cards').put({ ...parsed.data, card });
        clamped += 1;
      }
      cards.set(parsed.data.questionId, reviveCard(card));
    } else {
      await moveToBackup(tx, 'cards', key, value, parsed.error);
      moved += 1;
    }
  }
  const [dayRecords, questionRecords, metaRecords, backupCount] = await Promise.all([
    tx.objectStore('days').getAll(),
    tx.objectStore('questions').getAll(),
    tx.objectStore('meta').getAll(),
    tx.objectStore('backups').count(),
  ]);
  await tx.done;

  const days = new Map<string, DayTotals>(dayRecords.map((totals) => [totals.day, totals]));
  const answersByQuestion = new Map(questionRecords.map((totals) => [totals.questionId, totals.answers]));
  let answerCount = 0;
  for (const totals of questionRecords) answerCount += totals.answers;
  if (moved > 0) found.push(movedMessage(moved));
  if (clamped > 0) found.push(clampedMessage(clamped));
  const meta = new Map(metaRecords.map((entry) => [entry.key, entry.value]));
  const settings = settingsSchema.safeParse(meta.get('settings'));
  const date = (value: unknown) =>
    typeof value === 'string' && !Number.isNaN(Date.parse(value)) ? new Date(value) : null;
  return {
    status: 'ready',
    mode: 'indexeddb',
    cards,
    days,
    answersByQuestion,
    answerCount,
    settings: settings.success ? settings.data : defaultSettings,
    marks: readQuestionMarks(meta.get(QUESTION_MARKS_META_KEY)),
    lastChangeAt: date(meta.get('lastChangeAt')),
    lastExportAt: date(meta.get('lastExportAt')),
    problems: found,
    backupCount,
    persisted: null,
  };
}

/**
 * Every stored answer (single ones from answering, batched ones from imports),
 * oldest first, for export. Invalid ones move to `backups` (a batch that is
 * not a batch moves whole); `moved` says how many records moved.
 */
export async function readAnswers(db: IDBPDatabase<ProgressDB>): Promise<{ answers: LogRecord[]; moved: number }> {
  const tx = db.transaction(['cards', 'logs', 'backups', 'answerBatches'], 'readwrite');
  const logs = tx.objectStore('logs');
  const batchStore = tx.objectStore('answerBatches');
  const [values, keys, batches, batchKeys] = await Promise.all([
    logs.getAll(),
    logs.getAllKeys(),
    batchStore.getAll(),
    batchStore.getAllKeys(),
  ]);
  const answers: LogRecord[] = [];
  let moved = 0;
  for (const [index, value] of values.entries()) {
    const parsed = logRecordSchema.safeParse(value);
    if (parsed.success) answers.push({ questionId: parsed.data.questionId, log: parsed.data.log });
    else {
      await moveToBackup(tx, 'logs', keys[index] as number, value, parsed.error);
      moved += 1;
    }
  }
  for (const [index, value] of batches.entries()) {
    const parsed = answerBatchSchema.safeParse(value);
    if (parsed.success) for (const answer of parsed.data.answers) answers.push(answer);
    else {
      await moveToBackup(tx, 'answerBatches', batchKeys[index] as number, value, parsed.error);
      moved += 1;
    }
  }
  await tx.done;
  answers.sort((a, b) => (a.log.review < b.log.review ? -1 : a.log.review > b.log.review ? 1 : 0));
  return { answers, moved };
}

/**
 * The identities (`logKey`) of the answers stored between `from` and `to`
 * (ISO strings, inclusive), through the `byReview` and `byLast` indexes:
 * what an import compares its answers with. Read as stored, without
 * validation (an unreadable answer just matches nothing; export moves it to
 * the backup).
 */
export async function knownAnswerKeys(
  db: IDBPDatabase<ProgressDB>,
  range: { from: string; to: string },
): Promise<Set<string>> {
  const tx = db.transaction(['logs', 'answerBatches'], 'readonly');
  const [single, batches] = await Promise.all([
    tx.objectStore('logs').index('byReview').getAll(IDBKeyRange.bound(range.from, range.to)),
    tx.objectStore('answerBatches').index('byLast').getAll(IDBKeyRange.lowerBound(range.from)),
  ]);
  const keys = new Set<string>();
  const add = (record: Partial<LogRecord>) => {
    if (typeof record.questionId === 'string' && record.log) keys.add(logKey(record.questionId, record.log));
  };
  for (const record of single) add(record);
  for (const batch of batches as Partial<AnswerBatch>[]) {
    if (typeof batch.first === 'string' && batch.first > range.to) continue;
    if (Array.isArray(batch.answers)) for (const answer of batch.answers) add(answer);
  }
  return keys;
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
