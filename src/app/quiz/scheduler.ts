import {
  createEmptyCard,
  fsrs,
  generatorParameters,
  Rating,
  State,
  type Card,
  type Grade,
  type RecordLogItem,
  type ReviewLog,
} from 'ts-fsrs';

import { seededShuffle } from '../../shared/quiz.ts';

/**
 * Spaced repetition through ts-fsrs (FSRS), never a home-made formula.
 * Fuzz is on, so cards learned together do not all fall due on the same day.
 * Every function takes `now`, like ts-fsrs itself, so tests use fixed dates.
 */

/** FSRS's default desired retention (`request_retention`). */
export const DEFAULT_RETENTION = 0.9;

/**
 * One ts-fsrs instance per (retention, fuzz): the desired retention only
 * sets the next interval when a card is answered, so a changed setting
 * applies from the next answer and moves no due date already stored.
 */
const schedulers = new Map<string, ReturnType<typeof fsrs>>();
function schedulerFor(retention: number, fuzz: boolean) {
  const key = `${retention}:${fuzz}`;
  let found = schedulers.get(key);
  if (!found) {
    found = fsrs(generatorParameters({ enable_fuzz: fuzz, request_retention: retention }));
    schedulers.set(key, found);
  }
  return found;
}

export { Rating, State };
export type { Card, Grade, ReviewLog };

/** The Again/Hard/Good/Easy buttons, keyed 1–4 as in Anki. */
export const grades: { rating: Grade; key: string; label: string }[] = [
  { rating: Rating.Again, key: '1', label: '다시' },
  { rating: Rating.Hard, key: '2', label: '어려움' },
  { rating: Rating.Good, key: '3', label: '알맞음' },
  { rating: Rating.Easy, key: '4', label: '쉬움' },
];

/**
 * When the card would fall due after each grade, if graded at `now`: shown
 * on the flashcard buttons as Anki does, without fuzz (which spreads the
 * stored due date by a little when the answer is saved).
 */
export function previewDue(card: Card | undefined, now: Date, retention = DEFAULT_RETENTION): Record<Grade, Date> {
  const preview = schedulerFor(retention, false).repeat(card ?? createEmptyCard(now), now);
  return {
    [Rating.Again]: preview[Rating.Again].card.due,
    [Rating.Hard]: preview[Rating.Hard].card.due,
    [Rating.Good]: preview[Rating.Good].card.due,
    [Rating.Easy]: preview[Rating.Easy].card.due,
  };
}

/** Auto-graded answers: wrong → Again, right → Good. */
export const ratingForAnswer = (correct: boolean): Grade => (correct ? Rating.Good : Rating.Again);

/**
 * Schedules one answer for the desired `retention` (default FSRS's 0.9). A
 * question never answered starts as a new card.
 */
export function reviewCard(
  card: Card | undefined,
  rating: Grade,
  now: Date,
  retention = DEFAULT_RETENTION,
): RecordLogItem {
  return schedulerFor(retention, true).next(card ?? createEmptyCard(now), now, rating);
}

/** Undoes one answer with ts-fsrs's `rollback`: the card as it was before `log`. */
export function rollbackCard(card: Card, log: ReviewLog): Card {
  return schedulerFor(DEFAULT_RETENTION, true).rollback(card, log);
}

export type CardStage = 'new' | 'learning' | 'remembered';

/** New (never answered), learning (in learning or relearning steps) or remembered (in review). */
export function stageOf(card: Card | undefined): CardStage {
  if (!card || card.state === State.New) return 'new';
  return card.state === State.Review ? 'remembered' : 'learning';
}

export function isDue(card: Card, now: Date): boolean {
  return card.due.getTime() <= now.getTime();
}

export interface QueueOptions {
  /** New questions allowed per day. */
  newPerDay: number;
  /** New questions already started today (counted from the review logs). */
  newStartedToday: number;
  /** Reviews of remembered cards allowed per day (default: no limit). */
  maxReviewsPerDay?: number;
  /** Remembered cards already reviewed today. */
  reviewedToday?: number;
  /** New questions in the notes' order (default) or mixed across notes, the same mix all day. */
  newOrder?: 'note' | 'mixed';
}

/**
 * The review queue: every started card that is due (most overdue first), then
 * new questions up to the day's limit. Cards in learning or relearning steps
 * always come; remembered cards (state Review) up to the day's review limit,
 * most overdue first, as in Anki. `ids` lists the questions that exist in the
 * notes now; history of removed questions is kept in storage but never shown.
 */
export function buildQueue(
  ids: readonly string[],
  cards: ReadonlyMap<string, Card>,
  now: Date,
  options: QueueOptions,
): string[] {
  const learning: { id: string; at: number }[] = [];
  const reviews: { id: string; at: number }[] = [];
  const fresh: string[] = [];
  for (const id of ids) {
    const card = cards.get(id);
    if (!card || card.state === State.New) fresh.push(id);
    else if (isDue(card, now)) (card.state === State.Review ? reviews : learning).push({ id, at: card.due.getTime() });
  }
  const byDue = (a: { at: number }, b: { at: number }) => a.at - b.at;
  reviews.sort(byDue);
  const reviewsLeft = Math.max(0, (options.maxReviewsPerDay ?? Infinity) - (options.reviewedToday ?? 0));
  const due = [...learning, ...reviews.slice(0, reviewsLeft)].sort(byDue);
  const allowed = Math.max(0, options.newPerDay - options.newStartedToday);
  const ordered = options.newOrder === 'mixed' ? seededShuffle(fresh, localDay(now)) : fresh;
  return [...due.map((entry) => entry.id), ...ordered.slice(0, allowed)];
}

/** Local calendar day (YYYY-MM-DD) of a date, for "today" and the heatmap. */
export function localDay(date: Date): string {
  const pad = (value: number) => String(value).padStart(2, '0');
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`;
}
