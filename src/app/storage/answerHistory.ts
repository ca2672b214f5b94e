import type { IDBPDatabase } from 'idb';
import { withAnswerFacts, type AnswerFacts } from './answerTotals.ts';
import type { AnswerBatch, ProgressDB } from './migrations.ts';
import type { LogRecord, StoredLog } from './progressSchema.ts';

/**
 * Per-question facts that only the answers themselves hold (a card does not
 * keep its last grade): what the question browser shows as "last result" and
 * filters as "answered wrong recently". Read as stored, without validation,
 * like `knownAnswerKeys`: an unreadable answer is skipped here (export moves
 * it to the backup).
 */
export interface AnswerSummary {
  /** Time of the last answer (ms). */
  lastAt: number;
  /** ts-fsrs rating of the last answer (1 Again … 4 Easy). */
  lastRating: number;
  /** Time of the last answer graded Again (ms), or null if never. */
  lastWrongAt: number | null;
}

/** ts-fsrs's `Rating.Again`: a wrong auto-graded answer or a forgotten flashcard. */
const AGAIN = 1;

/** Adds one answer to `summary` (any order). */
function addAnswer(summary: Map<string, AnswerSummary>, questionId: unknown, log: Partial<StoredLog> | undefined) {
  if (typeof questionId !== 'string' || typeof log?.review !== 'string' || typeof log.rating !== 'number') return;
  const at = Date.parse(log.review);
  if (Number.isNaN(at)) return;
  const entry = summary.get(questionId);
  const wrong = log.rating === AGAIN ? at : null;
  if (!entry) {
    summary.set(questionId, { lastAt: at, lastRating: log.rating, lastWrongAt: wrong });
    return;
  }
  if (at >= entry.lastAt) {
    entry.lastAt = at;
    entry.lastRating = log.rating;
  }
  if (wrong !== null && (entry.lastWrongAt === null || wrong > entry.lastWrongAt)) entry.lastWrongAt = wrong;
}

/** The summary of `answers` (for a store without a database). */
export function summarizeAnswers(answers: readonly LogRecord[]): Map<string, AnswerSummary> {
  const summary = new Map<string, AnswerSummary>();
  for (const answer of answers) addAnswer(summary, answer.questionId, answer.log);
  return summary;
}

/**
 * Every question's summary, from the facts kept with its totals
 * (`answerTotals.ts`): one request for a few thousand records instead of
 * every answer. Where facts are missing (totals written before they were
 * kept), every answer is read once and the facts are stored for next time.
 */
export async function readAnswerSummary(db: IDBPDatabase<ProgressDB>): Promise<Map<string, AnswerSummary>> {
  const totals = await db.getAll('questions');
  if (totals.every((record) => record.facts !== undefined && record.batchFacts !== undefined))
    return new Map(totals.flatMap((record) => (record.facts ? [[record.questionId, summaryOf(record.facts)]] : [])));
  return fillAnswerFacts(db);
}

const summaryOf = (facts: AnswerFacts): AnswerSummary => ({
  lastAt: Date.parse(facts.lastAt),
  lastRating: facts.lastRating,
  lastWrongAt: facts.lastWrongAt === null ? null : Date.parse(facts.lastWrongAt),
});

/**
 * Reads every stored answer, single or batched (two `getAll` requests: a
 * cursor would cost one request per answer), and stores each question's
 * facts with its totals, in one transaction so no answer slips in between.
 */
async function fillAnswerFacts(db: IDBPDatabase<ProgressDB>): Promise<Map<string, AnswerSummary>> {
  const tx = db.transaction(['logs', 'answerBatches', 'questions'], 'readwrite');
  const [single, batches, totals] = await Promise.all([
    tx.objectStore('logs').getAll(),
    tx.objectStore('answerBatches').getAll(),
    tx.objectStore('questions').getAll(),
  ]);
  const all = new Map<string, AnswerFacts>();
  const imported = new Map<string, AnswerFacts>();
  const add = (into: Map<string, AnswerFacts>, record: Partial<LogRecord>) => {
    const log = record.log as Partial<StoredLog> | undefined;
    if (typeof record.questionId !== 'string' || typeof log?.review !== 'string' || typeof log.rating !== 'number')
      return;
    const facts = withAnswerFacts(into.get(record.questionId), { review: log.review, rating: log.rating });
    if (facts) into.set(record.questionId, facts);
  };
  for (const record of single as Partial<LogRecord>[]) add(all, record);
  for (const batch of batches as Partial<AnswerBatch>[]) {
    if (!Array.isArray(batch.answers)) continue;
    for (const answer of batch.answers as Partial<LogRecord>[]) {
      add(all, answer);
      add(imported, answer);
    }
  }
  await Promise.all(
    totals.map((record) => {
      if (record.facts !== undefined && record.batchFacts !== undefined) return undefined;
      const facts = all.get(record.questionId) ?? null;
      return tx.objectStore('questions').put({ ...record, facts, batchFacts: imported.get(record.questionId) ?? null });
    }),
  );
  await tx.done;
  return new Map([...all].map(([questionId, facts]) => [questionId, summaryOf(facts)]));
}

/**
 * Every stored answer to one question, oldest first: its own answers through
 * the `byQuestion` index, plus those that imports stored in batches.
 */
export async function readQuestionAnswers(db: IDBPDatabase<ProgressDB>, questionId: string): Promise<StoredLog[]> {
  const tx = db.transaction(['logs', 'answerBatches'], 'readonly');
  const [single, batches] = await Promise.all([
    tx.objectStore('logs').index('byQuestion').getAll(questionId),
    tx.objectStore('answerBatches').getAll(),
  ]);
  return questionAnswers(
    [
      ...(single as Partial<LogRecord>[]),
      ...(batches as Partial<AnswerBatch>[]).flatMap((batch) =>
        Array.isArray(batch.answers) ? (batch.answers as Partial<LogRecord>[]) : [],
      ),
    ],
    questionId,
  );
}

/** The answers of `records` to `questionId`, oldest first (records that do not read as answers are left out). */
export function questionAnswers(records: readonly Partial<LogRecord>[], questionId: string): StoredLog[] {
  const logs: StoredLog[] = [];
  for (const record of records) {
    const log = record.log;
    if (record.questionId !== questionId || typeof log?.review !== 'string' || typeof log.rating !== 'number') continue;
    logs.push(log);
  }
  return logs.sort((a, b) => (a.review < b.review ? -1 : a.review > b.review ? 1 : 0));
}
