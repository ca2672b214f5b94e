import type { Card } from 'ts-fsrs';
import type { DayTotals } from '../storage/answerTotals.ts';
import type { RecentAnswer } from '../storage/recentAnswers.ts';
import { localDay } from './scheduler.ts';

/**
 * The stats page's figures that say something from a learner's first
 * answers: retention, a 30-day forecast, a streak and accuracy per note.
 * Pure functions of stored data and `now`.
 */

// ts-fsrs `State.New` and `Rating.Again`, as stored.
const NEW = 0;
const AGAIN = 1;
const DAY = 24 * 60 * 60 * 1000;

/** A share and the number of answers it rests on. */
export interface Share {
  rate: number;
  count: number;
}

export interface TrueRetention {
  /**
   * Of the answers to questions seen before (any card not new when
   * answered), the share not graded Again: Anki's "true retention", counting
   * learning steps too so it shows from the second answer on. Null before any.
   */
  repeat: Share | null;
  /** Of first answers, the share right: all there is to show after a first session. */
  first: Share | null;
}

/** Retention from the `answers` of the last `spanDays` local days (today included). */
export function trueRetention(answers: readonly RecentAnswer[], now: Date, spanDays = 30): TrueRetention {
  const from = startOfLocalDay(now, spanDays - 1).toISOString();
  const to = now.toISOString();
  let repeat = 0;
  let kept = 0;
  let first = 0;
  let firstRight = 0;
  for (const answer of answers) {
    if (answer.review < from || answer.review > to) continue;
    const right = answer.rating !== AGAIN;
    if (answer.state === NEW) {
      first += 1;
      if (right) firstRight += 1;
    } else {
      repeat += 1;
      if (right) kept += 1;
    }
  }
  return {
    repeat: repeat > 0 ? { rate: kept / repeat, count: repeat } : null,
    first: first > 0 ? { rate: firstRight / first, count: first } : null,
  };
}

export interface ForecastDay {
  /** YYYY-MM-DD, local. */
  day: string;
  /** Started cards falling due that day; the first day also holds every overdue card. */
  count: number;
}

/** Started cards among `ids` falling due on each of the next `days` local days, today first (overdue included). */
export function dueForecast(
  ids: readonly string[],
  cards: ReadonlyMap<string, Card>,
  now: Date,
  days = 30,
): ForecastDay[] {
  const starts = Array.from({ length: days + 1 }, (_, index) => startOfLocalDay(now, -index).getTime());
  const counts = new Array<number>(days).fill(0);
  for (const id of ids) {
    const card = cards.get(id);
    if (!card || card.state === NEW) continue;
    const due = card.due.getTime();
    if (due < (starts[1] ?? 0)) {
      counts[0] = (counts[0] ?? 0) + 1;
      continue;
    }
    // Local days differ in length around daylight-saving changes: find the day by its bounds.
    for (let index = 1; index < days; index++) {
      if (due < (starts[index + 1] ?? Infinity)) {
        counts[index] = (counts[index] ?? 0) + 1;
        break;
      }
    }
  }
  return counts.map((count, index) => ({ day: localDay(new Date(starts[index] ?? 0)), count }));
}

export interface Streak {
  /** Days in a row with an answer, up to today (or yesterday, while today is still open). */
  current: number;
  longest: number;
  answeredToday: boolean;
}

/** Streaks of local days with at least one answer, from the daily totals. */
export function studyStreak(days: ReadonlyMap<string, DayTotals>, now: Date): Streak {
  const active = (day: string) => (days.get(day)?.answers ?? 0) > 0;
  const answeredToday = active(localDay(now));
  let current = 0;
  for (let back = answeredToday ? 0 : 1; active(localDay(startOfLocalDay(now, back))); back++) current += 1;
  let longest = 0;
  let run = 0;
  let previous: number | undefined;
  for (const day of [...days.keys()].filter(active).sort()) {
    const time = Date.parse(`${day}T12:00:00Z`);
    run = previous !== undefined && Math.round((time - previous) / DAY) === 1 ? run + 1 : 1;
    longest = Math.max(longest, run);
    previous = time;
  }
  return { current, longest: Math.max(longest, current), answeredToday };
}

/** Answers to each note's questions (`questionNote` maps a question id to its note) and the share right. */
export function accuracyByNote(
  answers: readonly RecentAnswer[],
  questionNote: ReadonlyMap<string, string>,
): Map<string, Share> {
  const totals = new Map<string, { right: number; count: number }>();
  for (const answer of answers) {
    const note = questionNote.get(answer.questionId);
    if (!note) continue;
    const total = totals.get(note) ?? { right: 0, count: 0 };
    total.count += 1;
    if (answer.rating !== AGAIN) total.right += 1;
    totals.set(note, total);
  }
  return new Map([...totals].map(([note, { right, count }]) => [note, { rate: right / count, count }]));
}

/** Local midnight `back` days before `now` (negative: after). */
export function startOfLocalDay(now: Date, back = 0): Date {
  return new Date(now.getFullYear(), now.getMonth(), now.getDate() - back);
}
