// @vitest-environment node
import { createEmptyCard, fsrs, Rating } from 'ts-fsrs';
import { describe, expect, it } from 'vitest';
import { accuracyByNote, dueForecast, studyStreak, trueRetention } from '../../../../src/app/quiz/answerStats.ts';
import type { DayTotals } from '../../../../src/app/storage/answerTotals.ts';
import type { RecentAnswer } from '../../../../src/app/storage/recentAnswers.ts';

// Local noon, so the local day is the same in any time zone the tests run in.
const now = new Date(2026, 2, 10, 12, 0, 0);
const at = (daysAgo: number, hour = 10) => new Date(2026, 2, 10 - daysAgo, hour).toISOString();
const answer = (questionId: string, daysAgo: number, rating: number, state: number): RecentAnswer => ({
  questionId,
  rating,
  state,
  review: at(daysAgo),
});

describe('trueRetention', () => {
  it('shows the first answers’ accuracy before any question is seen again, with how many it rests on', () => {
    const answers = [answer('a', 0, 3, 0), answer('b', 0, 1, 0), answer('c', 0, 3, 0), answer('d', 0, 3, 0)];
    expect(trueRetention(answers, now)).toEqual({ repeat: null, first: { rate: 0.75, count: 4 } });
  });

  it('counts every answer to a question seen before, learning steps included, Again as forgotten', () => {
    const answers = [
      answer('a', 0, 3, 0),
      answer('a', 0, 1, 1), // learning step, forgotten
      answer('a', 0, 3, 3), // relearning, kept
      answer('b', 5, 4, 2), // review, kept
      answer('c', 29, 2, 2), // Hard still counts as remembered
      answer('d', 30, 1, 2), // outside the 30 days
    ];
    expect(trueRetention(answers, now).repeat).toEqual({ rate: 3 / 4, count: 4 });
  });

  it('is null on both counts without answers', () => {
    expect(trueRetention([], now)).toEqual({ repeat: null, first: null });
  });
});

describe('dueForecast', () => {
  const scheduler = fsrs({ enable_fuzz: false });
  const started = (dueDaysFromNow: number) => {
    const card = scheduler.next(createEmptyCard(now), now, Rating.Good).card;
    return { ...card, due: new Date(2026, 2, 10 + dueDaysFromNow, 9) };
  };

  it('counts started cards per local day for 30 days, overdue ones today, new and removed ones never', () => {
    const cards = new Map([
      ['late', started(-4)],
      ['today', started(0)],
      ['tomorrow', started(1)],
      ['tomorrow2', started(1)],
      ['day29', started(29)],
      ['day30', started(30)],
      ['removed', started(2)],
      ['fresh', createEmptyCard(now)],
    ]);
    const ids = ['late', 'today', 'tomorrow', 'tomorrow2', 'day29', 'day30', 'fresh'];
    const forecast = dueForecast(ids, cards, now);
    expect(forecast).toHaveLength(30);
    expect(forecast[0]).toEqual({ day: '2026-03-10', count: 2 });
    expect(forecast[1]).toEqual({ day: '2026-03-11', count: 2 });
    expect(forecast[29]).toEqual({ day: '2026-04-08', count: 1 });
    expect(forecast.reduce((sum, day) => sum + day.count, 0)).toBe(5);
  });
});

describe('studyStreak', () => {
  const days = (...back: number[]) =>
    new Map<string, DayTotals>(
      back.map((b) => {
        const date = new Date(2026, 2, 10 - b);
        const day = `${date.getFullYear()}-${String(date.getMonth() + 1).padStart(2, '0')}-${String(date.getDate()).padStart(2, '0')}`;
        return [day, { day, answers: 3, started: 1, reviewed: 1, forgotten: 0 }];
      }),
    );

  it('counts days in a row up to today', () => {
    expect(studyStreak(days(0, 1, 2, 4), now)).toEqual({ current: 3, longest: 3, answeredToday: true });
  });

  it('keeps yesterday’s streak alive while today is still open', () => {
    expect(studyStreak(days(1, 2, 10, 11, 12, 13), now)).toEqual({ current: 2, longest: 4, answeredToday: false });
  });

  it('is zero after a missed day, and across a month boundary counts on', () => {
    expect(studyStreak(days(2, 3), now).current).toBe(0);
    expect(studyStreak(days(0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11), now).longest).toBe(12);
  });
});

describe('accuracyByNote', () => {
  it('gives each note the share of its answers not graded Again, ignoring removed questions', () => {
    const notes = new Map([
      ['a1', 'alpha'],
      ['a2', 'alpha'],
      ['b1', 'beta'],
    ]);
    const answers = [answer('a1', 0, 3, 0), answer('a2', 1, 1, 0), answer('a1', 2, 4, 2), answer('gone', 0, 1, 0)];
    const result = accuracyByNote(answers, notes);
    expect(result.get('alpha')).toEqual({ rate: 2 / 3, count: 3 });
    expect(result.has('beta')).toBe(false);
    expect(result.size).toBe(1);
  });
});
