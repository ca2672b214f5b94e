import { createEmptyCard, fsrs, Rating, type Card } from 'ts-fsrs';
import { describe, expect, it } from 'vitest';
import { countDue, type CardDue } from '../../../../src/app/islands/dueCount.ts';
import { dueQueue } from '../../../../src/app/quiz/session.ts';
import { loadingProgress, type ProgressState } from '../../../../src/app/storage/progressState.ts';

const now = new Date('2026-03-10T09:00:00Z');
const scheduler = fsrs();

/** A card answered `daysAgo` days before `now` with `rating`. */
function answered(daysAgo: number, rating: Rating): Card {
  const at = new Date(now.getTime() - daysAgo * 86_400_000);
  return scheduler.next(createEmptyCard(at), at, rating as Exclude<Rating, Rating.Manual>).card;
}

function progress(cards: Record<string, Card>, newPerDay: number): ProgressState {
  return {
    ...loadingProgress,
    status: 'ready',
    cards: new Map(Object.entries(cards)),
    settings: { newPerDay },
  };
}

const asStored = (cards: Record<string, Card>): CardDue[] =>
  Object.entries(cards).map(([questionId, card]) => ({ questionId, due: card.due.toISOString(), state: card.state }));

describe('countDue (the header badge without the scheduler)', () => {
  const ids = ['a', 'b', 'c', 'd', 'e', 'f', 'g'];
  const cards = {
    a: answered(30, Rating.Good), // due long ago
    b: answered(0, Rating.Easy), // due in days
    c: answered(2, Rating.Again), // due again
    removed: answered(10, Rating.Good), // a question no longer in the notes
  };

  it.each([0, 1, 2, 20])('agrees with the review queue with %i new questions a day', (newPerDay) => {
    expect(countDue(ids, asStored(cards), now, newPerDay, 0)).toBe(
      dueQueue(ids, progress(cards, newPerDay), now).length,
    );
  });

  it('takes the new questions already started today off the allowance', () => {
    expect(countDue(ids, asStored(cards), now, 5, 3)).toBe(countDue(ids, asStored(cards), now, 2, 0));
    expect(countDue(ids, asStored(cards), now, 5, 9)).toBe(countDue(ids, asStored(cards), now, 0, 0));
  });

  it('counts every question as new when nothing is stored', () => {
    expect(countDue(ids, [], now, 20, 0)).toBe(ids.length);
    expect(countDue(ids, [], now, 3, 0)).toBe(3);
  });
});
