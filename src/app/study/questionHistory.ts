import type { Card } from '../quiz/scheduler.ts';
import type { StoredLog } from '../storage/progressSchema.ts';
import type { CardState } from './questionRows.ts';

/** One line of a question's history: an answer, or a reset of its schedule. */
export type HistoryEntry =
  | {
      kind: 'answer';
      /** Time (ms). */
      at: number;
      rating: number;
      /** The card's state when answered. */
      state: CardState;
      /** How long until the question came due again after this answer (ms); null if unknown. */
      intervalMs: number | null;
    }
  | { kind: 'reset'; at: number };

const DAY = 24 * 60 * 60 * 1000;
const STATES: readonly CardState[] = ['new', 'learning', 'review', 'relearning'];

/**
 * A question's answers (oldest first) and resets as history lines, newest
 * first as Anki's card info lists them. An answer's interval is the one it
 * set: the next answer's `scheduled_days` (ts-fsrs logs the interval a card
 * had when answered; 0 for a step within the day), or the card's due date
 * for the last answer; none when a reset came next.
 */
export function historyEntries(
  logs: readonly StoredLog[],
  resets: readonly string[],
  card: Card | undefined,
): HistoryEntry[] {
  const events: HistoryEntry[] = [
    ...logs.map((log): HistoryEntry => ({
      kind: 'answer',
      at: Date.parse(log.review),
      rating: log.rating,
      state: STATES[log.state] ?? 'new',
      intervalMs: null,
    })),
    ...resets.map((at): HistoryEntry => ({ kind: 'reset', at: Date.parse(at) })),
  ].sort((a, b) => a.at - b.at);
  events.forEach((event, index) => {
    if (event.kind !== 'answer') return;
    const next = events[index + 1];
    if (next?.kind === 'reset') return;
    if (!next) {
      if (card) event.intervalMs = Math.max(0, card.due.getTime() - event.at);
      return;
    }
    const days = logs.find((log) => Date.parse(log.review) === next.at)?.scheduled_days;
    if (typeof days === 'number') event.intervalMs = days > 0 ? days * DAY : 0;
  });
  return events.reverse();
}

/** "10분", "3시간", "4일", "2개월": an interval in words; 0 is a step within the day. */
export function intervalText(ms: number): string {
  if (ms === 0) return '하루 안';
  const minutes = Math.round(ms / 60_000);
  if (minutes < 60) return `${Math.max(1, minutes)}분`;
  const hours = Math.round(minutes / 60);
  if (hours < 24) return `${hours}시간`;
  const days = Math.round(hours / 24);
  if (days < 45) return `${days}일`;
  const months = Math.round(days / 30);
  return months < 12 ? `${months}개월` : `${(days / 365).toFixed(1)}년`;
}
