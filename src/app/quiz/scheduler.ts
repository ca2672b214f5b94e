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

/**
 * Spaced repetition through ts-fsrs (FSRS), never a home-made formula.
 * Fuzz is on, so cards learned together do not all fall due on the same day.
 * Every function takes `now`, like ts-fsrs itself, so tests use fixed dates.
 */
const scheduler = fsrs(generatorParameters({ enable_fuzz: true }));

export { Rating, State };
export type { Card, Grade, ReviewLog };

/** The Again/Hard/Good/Easy buttons, keyed 1–4 as in Anki. */
export const grades: { rating: Grade; key: string; label: string }[] = [
  { rating: Rating.Again, key: '1', label: '다시' },
  { rating: Rating.Hard, key: '2', label: '어려움' },
  { rating: Rating.Good, key: '3', label: '알맞음' },
  { rating: Rating.Easy, key: '4', label: '쉬움' },
];

// What each grade would give, shown on the flashcard buttons as Anki does: without
// fuzz, which spreads the stored due date by a little when the answer is saved.
const previewScheduler = fsrs(generatorParameters({ enable_fuzz: false }));

/** When the card would fall due after each grade, if graded at `now` (no fuzz). */
export function previewDue(card: Card | undefined, now: Date): Record<Grade, Date> {
  const preview = previewScheduler.repeat(card ?? createEmptyCard(now), now);
  return {
    [Rating.Again]: preview[Rating.Again].card.due,
    [Rating.Hard]: preview[Rating.Hard].card.due,
    [Rating.Good]: preview[Rating.Good].card.due,
    [Rating.Easy]: preview[Rating.Easy].card.due,
  };
}

/** Auto-graded answers: wrong → Again, right → Good. */
export const ratingForAnswer = (correct: boolean): Grade => (correct ? Rating.Good : Rating.Again);

/** Schedules one answer. A question never answered starts as a new card. */
export function reviewCard(card: Card | undefined, rating: Grade, now: Date): RecordLogItem {
  return scheduler.next(card ?? createEmptyCard(now), now, rating);
}

/** Undoes one answer with ts-fsrs's `rollback`: the card as it was before `log`. */
export function rollbackCard(card: Card, log: ReviewLog): Card {
  return scheduler.rollback(card, log);
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
}

/**
 * The review queue: every started card that is due (most overdue first), then
 * new questions in note order up to the day's limit. `ids` lists the questions
 * that exist in the notes now; history of removed questions is kept in storage
 * but never shown.
 */
export function buildQueue(
  ids: readonly string[],
  cards: ReadonlyMap<string, Card>,
  now: Date,
  options: QueueOptions,
): string[] {
  const due: { id: string; at: number }[] = [];
  const fresh: string[] = [];
  for (const id of ids) {
    const card = cards.get(id);
    if (!card || card.state === State.New) fresh.push(id);
    else if (isDue(card, now)) due.push({ id, at: card.due.getTime() });
  }
  due.sort((a, b) => a.at - b.at);
  const allowed = Math.max(0, options.newPerDay - options.newStartedToday);
  return [...due.map((entry) => entry.id), ...fresh.slice(0, allowed)];
}

/** Local calendar day (YYYY-MM-DD) of a date, for "today" and the heatmap. */
export function localDay(date: Date): string {
  const pad = (value: number) => String(value).padStart(2, '0');
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`;
}
