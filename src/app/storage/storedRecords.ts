import { TypeConvert, type Card, type ReviewLog } from 'ts-fsrs';
import type { StoredCard, StoredLog } from './progressSchema.ts';

/** ts-fsrs objects to and from their stored form (ISO date strings, plain numbers). */

/** When a card was last answered (or, never answered, its due date): import keeps the later copy. */
export const lastTouched = (card: Card) => (card.last_review ?? card.due).getTime();
/** One answer's identity across devices: the same question, moment and grade is the same answer. */
export const logKey = (questionId: string, log: StoredLog) => `${questionId}|${log.review}|${log.rating}`;

export function serializeCard(card: Card): StoredCard {
  return {
    due: card.due.toISOString(),
    stability: card.stability,
    difficulty: card.difficulty,
    elapsed_days: card.elapsed_days,
    scheduled_days: card.scheduled_days,
    learning_steps: card.learning_steps,
    reps: card.reps,
    lapses: card.lapses,
    state: card.state,
    ...(card.last_review ? { last_review: card.last_review.toISOString() } : {}),
  };
}

export function serializeLog(log: ReviewLog): StoredLog {
  return {
    rating: log.rating,
    state: log.state,
    due: log.due.toISOString(),
    stability: log.stability,
    difficulty: log.difficulty,
    elapsed_days: log.elapsed_days,
    last_elapsed_days: log.last_elapsed_days,
    scheduled_days: log.scheduled_days,
    learning_steps: log.learning_steps,
    review: log.review.toISOString(),
  };
}

/** ts-fsrs's own converter revives dates and enums. */
export const reviveCard = (card: StoredCard): Card => TypeConvert.card(card as unknown as Card);
export const reviveLog = (log: StoredLog): ReviewLog => TypeConvert.review_log(log as unknown as ReviewLog);
