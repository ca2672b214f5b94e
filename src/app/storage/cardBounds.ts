import { S_MAX, S_MIN, State } from 'ts-fsrs';
import type { StoredCard } from './progressSchema.ts';

/**
 * The values ts-fsrs can schedule from (`packages/fsrs/src/algorithm.ts`:
 * `next_state` throws `Invalid delta_t` when the last review is on a later
 * UTC day than the answer, and `Invalid memory state` when a started card has
 * difficulty below 1 or stability below S_MIN). A card outside them could
 * never be answered again; a stored one is brought back inside.
 */

/** Stability (days) ts-fsrs works with: [S_MIN, S_MAX]. */
export const STABILITY = { min: S_MIN, max: S_MAX } as const;
/** Difficulty of a started card: [1, 10]. A new card has 0 and 0 (not yet rated). */
export const DIFFICULTY = { min: 1, max: 10 } as const;

/** Whether ts-fsrs can take `card`'s memory state (new: 0/0 or a valid pair). */
export function validMemory(card: Pick<StoredCard, 'state' | 'stability' | 'difficulty'>): boolean {
  const inRange =
    card.stability >= STABILITY.min &&
    card.stability <= STABILITY.max &&
    card.difficulty >= DIFFICULTY.min &&
    card.difficulty <= DIFFICULTY.max;
  return inRange || (card.state === State.New && card.stability === 0 && card.difficulty === 0);
}

const clamp = (value: number, min: number, max: number) => Math.min(max, Math.max(min, value));

/**
 * `card` made answerable at `now`, or the same object when it already is.
 * A last review after `now` (a clock that ran fast, a file from a skewed
 * device) moves back to `now` and the due date with it, keeping the interval;
 * stability and difficulty are clamped to ts-fsrs's ranges (a new card with
 * an impossible pair starts over at 0/0); learning steps are a count.
 */
export function clampCard(card: StoredCard, now: Date): StoredCard {
  let next = card;
  const lastReview = card.last_review === undefined ? undefined : Date.parse(card.last_review);
  if (lastReview !== undefined && lastReview > now.getTime()) {
    const shift = lastReview - now.getTime();
    next = {
      ...next,
      last_review: now.toISOString(),
      due: new Date(Math.max(now.getTime(), Date.parse(card.due) - shift)).toISOString(),
    };
  }
  if (!validMemory(next)) {
    next =
      next.state === State.New
        ? { ...next, stability: 0, difficulty: 0 }
        : {
            ...next,
            stability: clamp(next.stability, STABILITY.min, STABILITY.max),
            difficulty: clamp(next.difficulty, DIFFICULTY.min, DIFFICULTY.max),
          };
  }
  if (!Number.isInteger(next.learning_steps) || next.learning_steps < 0) {
    next = { ...next, learning_steps: Math.max(0, Math.trunc(next.learning_steps)) };
  }
  return next;
}
