// @vitest-environment node
import { describe, expect, it } from 'vitest';
import {
  buildQueue,
  previewDue,
  Rating,
  reviewCard,
  rollbackCard,
  stageOf,
  State,
  type Card,
} from '../../../../src/app/quiz/scheduler.ts';

const day = 24 * 60 * 60 * 1000;
const start = new Date('2026-11-25T09:00:00Z');

/** Answers a card several times, a day after each due date. */
function graduate(times: number): Card {
  let card: Card | undefined;
  let now = start;
  for (let i = 0; i < times; i++) {
    card = reviewCard(card, Rating.Good, now).card;
    now = new Date(card.due.getTime() + day);
  }
  return card as Card;
}

describe('scheduler (ts-fsrs)', () => {
  it('moves the due date forward after Good, further each time', () => {
    const first = reviewCard(undefined, Rating.Good, start).card;
    expect(first.due.getTime()).toBeGreaterThan(start.getTime());
    const later = graduate(4);
    expect(later.state).toBe(State.Review);
    const next = reviewCard(later, Rating.Good, later.due).card;
    expect(next.due.getTime() - later.due.getTime()).toBeGreaterThan(later.scheduled_days * day * 0.9);
  });

  it('brings a remembered card back soon after Again, and counts a lapse', () => {
    const card = graduate(4);
    const again = reviewCard(card, Rating.Again, card.due).card;
    const good = reviewCard(card, Rating.Good, card.due).card;
    expect(again.due.getTime()).toBeLessThan(good.due.getTime());
    expect(again.due.getTime() - card.due.getTime()).toBeLessThan(day);
    expect(again.state).toBe(State.Relearning);
    expect(again.lapses).toBe(card.lapses + 1);
  });

  it('rolls an answer back to the card as it was', () => {
    const card = graduate(3);
    const { card: after, log } = reviewCard(card, Rating.Easy, card.due);
    const restored = rollbackCard(after, log);
    expect(restored.due.toISOString()).toBe(card.due.toISOString());
    expect(restored.reps).toBe(card.reps);
    expect(restored.state).toBe(card.state);
  });

  it('previews each grade in order, Again soonest and Easy latest, for the card as it is', () => {
    const card = graduate(4);
    const preview = previewDue(card, card.due);
    const times = ([Rating.Again, Rating.Hard, Rating.Good, Rating.Easy] as const).map((rating) =>
      preview[rating].getTime(),
    );
    expect([...times].sort((a, b) => a - b)).toEqual(times);
    expect(new Set(times).size).toBe(4);
    // Nothing is stored: the card is unchanged, and a new card previews from its first answer.
    expect(previewDue(card, card.due)[Rating.Good].getTime()).toBe(times[2]);
    expect(previewDue(undefined, start)[Rating.Again].getTime() - start.getTime()).toBeLessThan(day);
  });

  it('names the stages new, learning and remembered', () => {
    expect(stageOf(undefined)).toBe('new');
    expect(stageOf(reviewCard(undefined, Rating.Again, start).card)).toBe('learning');
    expect(stageOf(graduate(4))).toBe('remembered');
  });
});

describe('buildQueue', () => {
  it('puts due cards first (most overdue first), then new ones up to the daily limit', () => {
    const early = reviewCard(undefined, Rating.Good, start).card;
    const earlier = reviewCard(undefined, Rating.Again, start).card;
    const notDue = graduate(4);
    const cards = new Map<string, Card>([
      ['a', early],
      ['b', earlier],
      ['c', notDue],
    ]);
    const now = new Date(start.getTime() + 2 * day);
    const queue = buildQueue(['a', 'b', 'c', 'n1', 'n2', 'n3'], cards, now, { newPerDay: 2, newStartedToday: 1 });
    expect(queue).toEqual(['b', 'a', 'n1']);
  });

  it('never shows questions that were removed from the notes', () => {
    const cards = new Map<string, Card>([['gone', reviewCard(undefined, Rating.Again, start).card]]);
    expect(buildQueue(['kept'], cards, new Date(start.getTime() + day), { newPerDay: 5, newStartedToday: 0 })).toEqual([
      'kept',
    ]);
  });
});
