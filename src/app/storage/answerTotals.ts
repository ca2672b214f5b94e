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

/** Changes to the totals, added up in memory and written at once. */
export class Tally {
  readonly days = new Map<string, DayTotals>();
  readonly questions = new Map<string, number>();

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
      const answers = ((await questions.get(questionId))?.answers ?? 0) + change;
      if (answers > 0) await questions.put({ questionId, answers });
      else await questions.delete(questionId);
    }),
  ]);
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
