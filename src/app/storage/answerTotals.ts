import type { IDBPTransaction, StoreNames } from 'idb';
import type { ProgressDB } from './migrations.ts';

/**
 * Running totals of answers, per local day and per question, written in the
 * same transaction as every answer. Pages read these few hundred records
 * instead of the whole history (100,000 answers or more), which is read only
 * to export or to merge a file.
 */

/** One local calendar day's answers (`day` is YYYY-MM-DD in the learner's time zone). */
export interface DayTotals {
  day: string;
  /** Every answer that day. */
  answers: number;
  /** First answers to new questions (the daily limit of new questions counts these). */
  started: number;
  /** Answers to remembered cards (state Review when answered)… */
  reviewed: number;
  /** …and of those, the ones graded Again: retention is 1 − forgotten / reviewed. */
  forgotten: number;
}

/** How many answers are stored for one question (removed questions included). */
export interface QuestionTotals {
  questionId: string;
  answers: number;
  /**
   * Its last answer and last wrong one, over all its answers, so the question
   * browser need not read 100,000 answers to show "last result". Absent when
   * not known: totals written before it was kept, or an undo that could not
   * work it out again; the next full read (`answerHistory.ts`) fills it in.
   * `null`: none of its answers has a readable time.
   */
  facts?: AnswerFacts | null;
  /**
   * The same over its imported (batched) answers alone, which are never taken
   * away one by one: an undo works `facts` out again from these and the
   * question's own answers. `null`: none imported; absent: not known.
   */
  batchFacts?: AnswerFacts | null;
}

/** A question's last answer and last wrong answer (ISO times, as `toISOString` writes them). */
export interface AnswerFacts {
  lastAt: string;
  /** ts-fsrs `Rating` of the last answer. */
  lastRating: number;
  /** The last answer graded Again, or null if none was. */
  lastWrongAt: string | null;
}

/** The few fields of an answer the totals need (stored or revived: `review` is a date or an ISO string). */
export interface TalliedAnswer {
  review: Date | string;
  /** ts-fsrs `State` before the answer: 0 New, 2 Review. */
  state: number;
  /** ts-fsrs `Rating`: 1 Again. */
  rating: number;
}

// ts-fsrs's `State.New`, `State.Review` and `Rating.Again`, as numbers: these
// totals are part of the stored schema and must not move if the library does.
const NEW = 0;
const REVIEW = 2;
const AGAIN = 1;

/** Local calendar day (YYYY-MM-DD) of a date; the same form as the quiz's `localDay`. */
export function dayKey(date: Date): string {
  const pad = (value: number) => String(value).padStart(2, '0');
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`;
}

/**
 * `facts` with `answer` added (any order; a later answer wins a tie). An
 * answer without a readable time leaves them as they were.
 */
export function withAnswerFacts(
  facts: AnswerFacts | null | undefined,
  answer: Pick<TalliedAnswer, 'review' | 'rating'>,
): AnswerFacts | null {
  const time = typeof answer.review === 'string' ? Date.parse(answer.review) : answer.review.getTime();
  if (Number.isNaN(time)) return facts ?? null;
  // One form of time, so that they compare as strings.
  const at = new Date(time).toISOString();
  const wrong = answer.rating === AGAIN ? at : null;
  if (!facts) return { lastAt: at, lastRating: answer.rating, lastWrongAt: wrong };
  const later = at >= facts.lastAt;
  return {
    lastAt: later ? at : facts.lastAt,
    lastRating: later ? answer.rating : facts.lastRating,
    lastWrongAt:
      wrong !== null && (facts.lastWrongAt === null || wrong > facts.lastWrongAt) ? wrong : facts.lastWrongAt,
  };
}

/** Both sets of facts as one (`null`: no answers). */
export function joinAnswerFacts(a: AnswerFacts | null, b: AnswerFacts | null): AnswerFacts | null {
  if (!a || !b) return a ?? b;
  const later = b.lastAt >= a.lastAt;
  const wrong =
    a.lastWrongAt === null || (b.lastWrongAt !== null && b.lastWrongAt > a.lastWrongAt) ? b.lastWrongAt : a.lastWrongAt;
  return {
    lastAt: later ? b.lastAt : a.lastAt,
    lastRating: later ? b.lastRating : a.lastRating,
    lastWrongAt: wrong,
  };
}

/** Changes to the totals, added up in memory and written at once. */
export class Tally {
  readonly days = new Map<string, DayTotals>();
  readonly questions = new Map<string, number>();
  /** The facts of the answers added, per question. */
  readonly added = new Map<string, AnswerFacts>();
  /** Questions an answer was taken away from: their `facts` must be worked out again. */
  readonly removed = new Set<string>();

  /** `batched`: the answers are imported ones, stored in `answerBatches`. */
  constructor(readonly batched = false) {}

  /** Counts `answer` to `questionId` (`sign` −1 takes it away again, for undo). */
  add(questionId: string, answer: TalliedAnswer, sign: 1 | -1 = 1): this {
    const review = typeof answer.review === 'string' ? new Date(answer.review) : answer.review;
    const day = dayKey(review);
    const totals = this.days.get(day) ?? { day, answers: 0, started: 0, reviewed: 0, forgotten: 0 };
    totals.answers += sign;
    if (answer.state === NEW) totals.started += sign;
    if (answer.state === REVIEW) {
      totals.reviewed += sign;
      if (answer.rating === AGAIN) totals.forgotten += sign;
    }
    this.days.set(day, totals);
    this.questions.set(questionId, (this.questions.get(questionId) ?? 0) + sign);
    if (sign === 1) {
      const facts = withAnswerFacts(this.added.get(questionId), answer);
      if (facts) this.added.set(questionId, facts);
    } else this.removed.add(questionId);
    return this;
  }

  get size(): number {
    return this.days.size + this.questions.size;
  }
}

/** Adds `tally` to the stored totals inside `tx` (which must cover `days` and `questions`). */
export async function writeTally(
  tx: IDBPTransaction<ProgressDB, StoreNames<ProgressDB>[], 'readwrite' | 'versionchange'>,
  tally: Tally,
): Promise<void> {
  const days = tx.objectStore('days');
  const questions = tx.objectStore('questions');
  await Promise.all([
    ...[...tally.days.values()].map(async (change) => {
      const stored = await days.get(change.day);
      const next = addDay(stored, change);
      if (next.answers > 0) await days.put(next);
      else if (stored) await days.delete(change.day);
    }),
    ...[...tally.questions].map(async ([questionId, change]) => {
      const stored = await questions.get(questionId);
      const answers = (stored?.answers ?? 0) + change;
      if (answers > 0) await questions.put({ questionId, answers, ...nextFacts(stored, tally, questionId) });
      else await questions.delete(questionId);
    }),
  ]);
}

/**
 * A question's facts once `tally` is written. Facts not known before stay
 * unknown (older answers could be later); an answer taken away makes `facts`
 * unknown until `refreshAnswerFacts` works them out again.
 */
function nextFacts(
  stored: QuestionTotals | undefined,
  tally: Tally,
  questionId: string,
): Pick<QuestionTotals, 'facts' | 'batchFacts'> {
  const fresh = !stored || stored.answers <= 0;
  const added = tally.added.get(questionId) ?? null;
  const known = <T>(value: T | undefined, next: () => T) => (fresh || value !== undefined ? next() : undefined);
  const facts = tally.removed.has(questionId)
    ? undefined
    : known(stored?.facts, () => joinAnswerFacts(stored?.facts ?? null, added));
  const batchFacts = known(stored?.batchFacts, () =>
    tally.batched ? joinAnswerFacts(stored?.batchFacts ?? null, added) : (stored?.batchFacts ?? null),
  );
  return {
    ...(facts !== undefined && { facts }),
    ...(batchFacts !== undefined && { batchFacts }),
  };
}

/** `days` and `answers` with `tally` added, as new maps (for the in-memory state). */
export function withTally(
  days: ReadonlyMap<string, DayTotals>,
  answers: ReadonlyMap<string, number>,
  tally: Tally,
): { days: Map<string, DayTotals>; answersByQuestion: Map<string, number> } {
  const nextDays = new Map(days);
  for (const change of tally.days.values()) {
    const next = addDay(nextDays.get(change.day), change);
    if (next.answers > 0) nextDays.set(change.day, next);
    else nextDays.delete(change.day);
  }
  const nextAnswers = new Map(answers);
  for (const [questionId, change] of tally.questions) {
    const count = (nextAnswers.get(questionId) ?? 0) + change;
    if (count > 0) nextAnswers.set(questionId, count);
    else nextAnswers.delete(questionId);
  }
  return { days: nextDays, answersByQuestion: nextAnswers };
}

function addDay(stored: DayTotals | undefined, change: DayTotals): DayTotals {
  return {
    day: change.day,
    answers: (stored?.answers ?? 0) + change.answers,
    started: (stored?.started ?? 0) + change.started,
    reviewed: (stored?.reviewed ?? 0) + change.reviewed,
    forgotten: (stored?.forgotten ?? 0) + change.forgotten,
  };
}

/** Sum of answers over every question. */
export function answerCount(answersByQuestion: ReadonlyMap<string, number>): number {
  let total = 0;
  for (const count of answersByQuestion.values()) total += count;
  return total;
}

/**
 * Works out `questionId`'s facts again inside `tx` (covering `logs` and
 * `questions`) after an answer was taken away: from its imported answers'
 * facts and its own answers, read through the `byQuestion` index. Left
 * unknown when the imported answers' facts are.
 */
export async function refreshAnswerFacts(
  tx: IDBPTransaction<ProgressDB, StoreNames<ProgressDB>[], 'readwrite'>,
  questionId: string,
): Promise<void> {
  const questions = tx.objectStore('questions');
  const stored = await questions.get(questionId);
  if (!stored || stored.batchFacts === undefined) return;
  let facts = stored.batchFacts;
  for (const record of await tx.objectStore('logs').index('byQuestion').getAll(questionId)) {
    const log = record.log as Partial<TalliedAnswer> | undefined;
    if (typeof log?.review === 'string' && typeof log.rating === 'number')
      facts = withAnswerFacts(facts, { review: log.review, rating: log.rating });
  }
  if (facts) await questions.put({ ...stored, facts });
}
