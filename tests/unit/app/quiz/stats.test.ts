import { describe, expect, it } from 'vitest';
import { localDay } from '../../../../src/app/quiz/scheduler.ts';
import { newStartedToday } from '../../../../src/app/quiz/session.ts';
import { answersOutsideNotes, retention, reviewsPerDay } from '../../../../src/app/quiz/stats.ts';
import { loadingProgress, type DayTotals } from '../../../../src/app/storage/progressStore.ts';

const now = new Date('2026-11-25T09:00:00Z');
const daysAgo = (back: number) => new Date(now.getFullYear(), now.getMonth(), now.getDate() - back);
const totals = (date: Date, counts: Partial<DayTotals>): [string, DayTotals] => [
  localDay(date),
  { day: localDay(date), answers: 0, started: 0, reviewed: 0, forgotten: 0, ...counts },
];

describe('stats from the daily totals (no answer is read)', () => {
  const days = new Map([
    totals(daysAgo(0), { answers: 5, started: 2, reviewed: 3, forgotten: 1 }),
    totals(daysAgo(29), { answers: 4, reviewed: 4, forgotten: 0 }),
    totals(daysAgo(30), { answers: 10, reviewed: 10, forgotten: 10 }),
  ]);

  it('counts answers per day', () => {
    expect(reviewsPerDay(days).get(localDay(now))).toBe(5);
  });

  it('computes retention over the last 30 days, today included', () => {
    expect(retention(days, now)).toEqual({ rate: 6 / 7, count: 7 });
    expect(retention(new Map(), now)).toBeNull();
  });

  it('counts the new questions started today for the daily limit', () => {
    expect(newStartedToday({ ...loadingProgress, days }, now)).toBe(2);
    expect(newStartedToday({ ...loadingProgress, days }, new Date(now.getTime() + 86_400_000))).toBe(0);
  });
});

describe('answers to removed questions', () => {
  it('are counted apart, so that the totals add up', async () => {
    const { createEmptyCard } = await import('ts-fsrs');
    const answers = new Map([
      ['kept', 4],
      ['gone-1', 2],
      ['gone-2', 1],
    ]);
    const cards = new Map([
      ['kept', createEmptyCard(now)],
      ['gone-1', createEmptyCard(now)],
      ['gone-3', createEmptyCard(now)],
    ]);
    expect(answersOutsideNotes(['kept', 'never-answered'], answers, cards)).toEqual({ answers: 3, questions: 3 });
    expect(answersOutsideNotes(['kept', 'gone-1', 'gone-2', 'gone-3'], answers, cards)).toEqual({
      answers: 0,
      questions: 0,
    });
  });
});
