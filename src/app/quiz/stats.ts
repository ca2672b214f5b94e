import type { Card } from 'ts-fsrs';
import type { LogEntry } from '../storage/progressStore.ts';
import { localDay, Rating, stageOf, State, type CardStage } from './scheduler.ts';

/** Reviews per local day (YYYY-MM-DD). */
export function reviewsPerDay(logs: readonly LogEntry[]): Map<string, number> {
  const days = new Map<string, number>();
  for (const entry of logs) {
    const day = localDay(entry.log.review);
    days.set(day, (days.get(day) ?? 0) + 1);
  }
  return days;
}

/**
 * Retention: of the reviews of remembered cards (state Review when answered)
 * in the last `days` days, the share not graded Again. Null without data.
 */
export function retention(logs: readonly LogEntry[], now: Date, days = 30): { rate: number; count: number } | null {
  const since = now.getTime() - days * 24 * 60 * 60 * 1000;
  const relevant = logs.filter((entry) => entry.log.state === State.Review && entry.log.review.getTime() >= since);
  if (relevant.length === 0) return null;
  const kept = relevant.filter((entry) => entry.log.rating !== Rating.Again).length;
  return { rate: kept / relevant.length, count: relevant.length };
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
