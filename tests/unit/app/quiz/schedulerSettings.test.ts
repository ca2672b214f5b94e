// @vitest-environment node
import { createEmptyCard, fsrs, Rating as FsrsRating, type Card as FsrsCard } from 'ts-fsrs';
import { describe, expect, it } from 'vitest';
import { countDue, type CardDue } from '../../../../src/app/islands/dueCount.ts';
import { buildQueue, previewDue, Rating, reviewCard, State, type Card } from '../../../../src/app/quiz/scheduler.ts';
import { dueQueue } from '../../../../src/app/quiz/session.ts';
import {
  exportFileSchema,
  schedulerSettings,
  settingsSchema,
  type Settings,
} from '../../../../src/app/storage/progressSchema.ts';
import { loadingProgress, type ProgressState } from '../../../../src/app/storage/progressState.ts';

const day = 86_400_000;
const now = new Date('2026-03-10T09:00:00Z');
const plain = fsrs({ enable_fuzz: false });

/** A remembered card (state Review) due `daysAgo` days before `now`. */
function remembered(daysAgo: number): FsrsCard {
  let card = createEmptyCard(new Date(now.getTime() - 60 * day));
  let at = new Date(now.getTime() - 60 * day);
  while (card.state !== State.Review) {
    card = plain.next(card, at, FsrsRating.Good).card;
    at = card.due;
  }
  return { ...card, due: new Date(now.getTime() - daysAgo * day) };
}

/** A card in relearning (forgotten), due now. */
function relearning(): FsrsCard {
  const card = plain.next(remembered(1), new Date(now.getTime() - day), FsrsRating.Again).card;
  return { ...card, due: new Date(now.getTime() - 60_000) };
}

function progressWith(cards: Record<string, Card>, settings: Settings, today?: { started: number; reviewed: number }) {
  const days = new Map();
  if (today)
    days.set('2026-03-10', { day: '2026-03-10', answers: today.started + today.reviewed, forgotten: 0, ...today });
  return {
    ...loadingProgress,
    status: 'ready',
    cards: new Map(Object.entries(cards)),
    days,
    settings,
  } as ProgressState;
}

const asStored = (cards: Record<string, Card>): CardDue[] =>
  Object.entries(cards).map(([questionId, card]) => ({ questionId, due: card.due.toISOString(), state: card.state }));

describe('maximum reviews per day', () => {
  const cards: Record<string, Card> = {
    r1: remembered(1),
    r2: remembered(5),
    r3: remembered(3),
    l1: relearning(),
  };
  const ids = ['r1', 'r2', 'r3', 'l1', 'n1', 'n2'];

  it('shows the most overdue remembered cards up to the limit, and every card in learning', () => {
    const queue = buildQueue(ids, new Map(Object.entries(cards)), now, {
      newPerDay: 0,
      newStartedToday: 0,
      maxReviewsPerDay: 2,
      reviewedToday: 0,
    });
    expect(queue.sort()).toEqual(['l1', 'r2', 'r3']);
  });

  it('takes reviews already done today off the allowance, never below zero', () => {
    expect(
      buildQueue(ids, new Map(Object.entries(cards)), now, {
        newPerDay: 0,
        newStartedToday: 0,
        maxReviewsPerDay: 2,
        reviewedToday: 1,
      }),
    ).toEqual(['r2', 'l1']);
    expect(
      buildQueue(ids, new Map(Object.entries(cards)), now, {
        newPerDay: 0,
        newStartedToday: 0,
        maxReviewsPerDay: 2,
        reviewedToday: 7,
      }),
    ).toEqual(['l1']);
  });

  it.each([
    [0, 0],
    [1, 0],
    [2, 1],
    [200, 0],
    [3, 3],
  ])('the header badge agrees with the review queue (limit %i, %i done today)', (maxReviewsPerDay, reviewed) => {
    const settings = { newPerDay: 1, maxReviewsPerDay };
    const progress = progressWith(cards, settings, { started: 0, reviewed });
    expect(countDue(ids, asStored(cards), now, 1, 0, { maxReviewsPerDay, reviewedToday: reviewed })).toBe(
      dueQueue(ids, progress, now).length,
    );
  });

  it('defaults to 200 when the setting was never stored', () => {
    const many = Object.fromEntries(Array.from({ length: 230 }, (_, i) => [`r${i}`, remembered(1 + (i % 9))]));
    const manyIds = Object.keys(many);
    expect(dueQueue(manyIds, progressWith(many, { newPerDay: 0 }), now)).toHaveLength(200);
    expect(countDue(manyIds, asStored(many), now, 0, 0, { maxReviewsPerDay: 200, reviewedToday: 0 })).toBe(200);
  });
});

describe('order of new questions', () => {
  const ids = Array.from({ length: 12 }, (_, i) => `q${String(i).padStart(2, '0')}`);

  it('keeps the notes’ order by default', () => {
    expect(dueQueue(ids, progressWith({}, { newPerDay: 5 }), now)).toEqual(ids.slice(0, 5));
  });

  it('mixes new questions across the notes, the same mix all day and another the next day', () => {
    const mixed = dueQueue(ids, progressWith({}, { newPerDay: 12, newOrder: 'mixed' }), now);
    expect(mixed).not.toEqual(ids);
    expect([...mixed].sort()).toEqual(ids);
    const later = new Date(now.getTime() + 3 * 60 * 60 * 1000);
    expect(dueQueue(ids, progressWith({}, { newPerDay: 12, newOrder: 'mixed' }), later)).toEqual(mixed);
    const tomorrow = new Date(now.getTime() + day);
    expect(dueQueue(ids, progressWith({}, { newPerDay: 12, newOrder: 'mixed' }), tomorrow)).not.toEqual(mixed);
  });

  it('counts the same number of due questions either way', () => {
    const noteOrder = dueQueue(ids, progressWith({}, { newPerDay: 4 }), now);
    const mixed = dueQueue(ids, progressWith({}, { newPerDay: 4, newOrder: 'mixed' }), now);
    expect(mixed).toHaveLength(noteOrder.length);
    expect(countDue(ids, [], now, 4, 0)).toBe(mixed.length);
  });
});

describe('desired retention', () => {
  it('gives shorter intervals when the learner asks to remember more', () => {
    const card = remembered(0);
    const at = card.due;
    const interval = (retention: number) => previewDue(card, at, retention)[Rating.Good].getTime() - at.getTime();
    expect(interval(0.97)).toBeLessThan(interval(0.9));
    expect(interval(0.9)).toBeLessThan(interval(0.7));
    const stored = reviewCard(card, Rating.Good, at, 0.97).card;
    expect(stored.due.getTime() - at.getTime()).toBeLessThan(interval(0.8));
  });

  it('leaves due dates already stored as they are (a setting only shapes the next answer)', () => {
    const card = remembered(2);
    const cards = { a: card };
    const before = dueQueue(['a'], progressWith(cards, { newPerDay: 0, requestRetention: 0.9 }), now);
    const after = dueQueue(['a'], progressWith(cards, { newPerDay: 0, requestRetention: 0.75 }), now);
    expect(after).toEqual(before);
    expect(cards.a.due).toBe(card.due);
  });
});

describe('settings schema', () => {
  it('reads settings stored before these fields existed, with the defaults', () => {
    const old = settingsSchema.parse({ newPerDay: 12 });
    expect(schedulerSettings(old)).toEqual({
      newPerDay: 12,
      maxReviewsPerDay: 200,
      requestRetention: 0.9,
      newOrder: 'note',
    });
  });

  it('rejects retention outside 0.70–0.97 and unknown orders', () => {
    expect(settingsSchema.safeParse({ newPerDay: 1, requestRetention: 0.69 }).success).toBe(false);
    expect(settingsSchema.safeParse({ newPerDay: 1, requestRetention: 0.98 }).success).toBe(false);
    expect(settingsSchema.safeParse({ newPerDay: 1, requestRetention: 0.7 }).success).toBe(true);
    expect(settingsSchema.safeParse({ newPerDay: 1, newOrder: 'random' }).success).toBe(false);
    expect(settingsSchema.safeParse({ newPerDay: 1, maxReviewsPerDay: -1 }).success).toBe(false);
  });

  it('carries the new settings through an export file, and old files without them still read', () => {
    const file = { format: 'study-notes-progress', version: 1, exportedAt: now.toISOString(), cards: [], logs: [] };
    const full = { newPerDay: 5, maxReviewsPerDay: 50, requestRetention: 0.85, newOrder: 'mixed' };
    expect(exportFileSchema.parse({ ...file, settings: full }).settings).toEqual(full);
    expect(exportFileSchema.parse({ ...file, settings: { newPerDay: 5 } }).settings).toEqual({ newPerDay: 5 });
  });
});
