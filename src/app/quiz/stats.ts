import { isTermCardId } from '../../shared/glossary.ts';
import type { Card } from 'ts-fsrs';
import type { DayTotals } from '../storage/progressStore.ts';
import { localDay, stageOf, State, type CardStage } from './scheduler.ts';

/** Reviews per local day (YYYY-MM-DD), from the stored daily totals. */
export function reviewsPerDay(days: ReadonlyMap<string, DayTotals>): Map<string, number> {
  return new Map([...days.values()].map((totals) => [totals.day, totals.answers]));
}

/**
 * Retention: of the reviews of remembered cards (state Review when answered)
 * in the last `span` local days (today included), the share not graded Again.
 * Null without data.
 */
export function retention(
  days: ReadonlyMap<string, DayTotals>,
  now: Date,
  span = 30,
): { rate: number; count: number } | null {
  let reviewed = 0;
  let forgotten = 0;
  for (let back = 0; back < span; back++) {
    const day = days.get(localDay(new Date(now.getFullYear(), now.getMonth(), now.getDate() - back)));
    reviewed += day?.reviewed ?? 0;
    forgotten += day?.forgotten ?? 0;
  }
  if (reviewed === 0) return null;
  return { rate: (reviewed - forgotten) / reviewed, count: reviewed };
}

/** Started cards (among `ids`) falling due within `days` days from now, overdue included. */
export function dueWithin(ids: readonly string[], cards: ReadonlyMap<string, Card>, now: Date, days: number): number {
  const until = now.getTime() + days * 24 * 60 * 60 * 1000;
  return ids.filter((id) => {
    const card = cards.get(id);
    return card !== undefined && card.state !== State.New && card.due.getTime() <= until;
  }).length;
}

/** How many of `ids` are new, learning and remembered. */
export function stageCounts(ids: readonly string[], cards: ReadonlyMap<string, Card>): Record<CardStage, number> {
  const counts: Record<CardStage, number> = { new: 0, learning: 0, remembered: 0 };
  for (const id of ids) counts[stageOf(cards.get(id))] += 1;
  return counts;
}

/**
 * Stored answers to questions that are no longer in the notes (`ids`): their
 * progress is kept, and the stats page counts them so that totals add up.
 */
export function answersOutsideNotes(
  ids: readonly string[],
  answersByQuestion: ReadonlyMap<string, number>,
  cards: ReadonlyMap<string, Card>,
): { answers: number; questions: number } {
  const current = new Set(ids);
  let answers = 0;
  const questions = new Set<string>();
  for (const [id, count] of answersByQuestion) {
    // Term flashcards (`term:<id>`) are not questions of a note: never "removed from the notes".
    if (current.has(id) || isTermCardId(id)) continue;
    answers += count;
    questions.add(id);
  }
  for (const id of cards.keys()) if (!current.has(id) && !isTermCardId(id)) questions.add(id);
  return { answers, questions: questions.size };
}
