import { createEmptyCard, fsrs, Rating, type Card } from 'ts-fsrs';
import { describe, expect, it } from 'vitest';
import type { QuizQuestion } from '../../../../src/shared/quiz.ts';
import { loadingProgress, type ProgressState } from '../../../../src/app/storage/progressState.ts';
import type { AnswerSummary, QuestionMark } from '../../../../src/app/storage/progressStore.ts';
import {
  buildStudyQueue,
  describePlan,
  fallenDue,
  mixedTest,
  parseStudyPlan,
  returningIds,
  studySearch,
  type StudyPlan,
} from '../../../../src/app/study/studyPlan.ts';

const now = new Date('2026-11-25T09:00:00Z');
const DAY = 86_400_000;
const scheduler = fsrs();

function question(id: string, noteSlug: string, type: QuizQuestion['type'], section = 'intro'): QuizQuestion {
  const base = { id, noteSlug, section: { id: section, title: section }, prompt: id, explanation: '' };
  switch (type) {
    case 'flashcard':
      return { ...base, type, back: 'back' };
    case 'cloze':
      return { ...base, type, paragraphs: [] };
    case 'order':
      return { ...base, type, items: ['a', 'b'] };
    case 'match':
      return { ...base, type, pairs: [] };
    default:
      return { ...base, type, choices: [{ html: 'x', correct: true }] };
  }
}

/** A card last answered `daysAgo` days before now with `rating`. */
function answered(daysAgo: number, rating: Rating): Card {
  const at = new Date(now.getTime() - daysAgo * DAY);
  return scheduler.next(createEmptyCard(at), at, rating as Exclude<Rating, Rating.Manual>).card;
}

const questions = [
  question('a', 'db', 'single'),
  question('b', 'db', 'flashcard', 'keys'),
  question('c', 'db', 'cloze', 'keys'),
  question('d', 'tls', 'single'),
  question('e', 'tls', 'order'),
  question('f', 'tls', 'match'),
];

function progress(cards: Record<string, Card>, marks: Record<string, Partial<QuestionMark>> = {}): ProgressState {
  return {
    ...loadingProgress,
    status: 'ready',
    cards: new Map(Object.entries(cards)),
    marks: new Map(Object.entries(marks).map(([id, mark]) => [id, { updatedAt: now.toISOString(), ...mark }])),
    settings: { newPerDay: 20 },
  };
}

const plan = (patch: Partial<StudyPlan>): StudyPlan => ({
  kind: 'due',
  days: 7,
  count: 20,
  note: null,
  section: null,
  ids: [],
  record: true,
  ...patch,
});

describe('study plans (custom study)', () => {
  const cards = {
    a: answered(30, Rating.Good), // due long ago
    b: answered(0, Rating.Good), // due in a few days
    d: answered(0, Rating.Easy), // due in about a week or more
  };

  it('reads a plan from the address and writes it back', () => {
    const params = new URLSearchParams('study=wrong&days=3&note=db&section=keys');
    const parsed = parseStudyPlan(params, new Set(['db', 'tls']), () => new Set(['keys']));
    expect(parsed).toMatchObject({ kind: 'wrong', days: 3, note: 'db', section: 'keys', record: true });
    expect(studySearch(parsed)).toBe('?study=wrong&note=db&section=keys&days=3');
  });

  it('falls back on bad input: unknown kind, note or section, numbers out of range', () => {
    const parsed = parseStudyPlan(
      new URLSearchParams('study=cram&note=nope&section=x&days=-2'),
      new Set(['db']),
      () => new Set(),
    );
    expect(parsed).toMatchObject({ kind: 'due', note: null, section: null, days: 7 });
    expect(parseStudyPlan(new URLSearchParams('study=new&count=99999'), new Set(), () => new Set()).count).toBe(500);
  });

  it('takes a test or retry as practice unless asked to record it', () => {
    const none = () => new Set<string>();
    expect(parseStudyPlan(new URLSearchParams('study=test'), new Set(), none).record).toBe(false);
    expect(parseStudyPlan(new URLSearchParams('study=test&record=1'), new Set(), none).record).toBe(true);
    expect(parseStudyPlan(new URLSearchParams('study=ahead&record=0'), new Set(), none).record).toBe(true);
    expect(describePlan(plan({ kind: 'test', record: false }), null).schedule).toContain('바뀌지 않습니다');
    expect(describePlan(plan({ kind: 'ahead' }), null).schedule).toContain('일정도 바뀝니다');
  });

  it('studies the ones answered wrong in the last N days', () => {
    const summary = new Map<string, AnswerSummary>([
      ['a', { lastAt: now.getTime() - DAY, lastRating: 3, lastWrongAt: now.getTime() - 2 * DAY }],
      ['b', { lastAt: now.getTime(), lastRating: 1, lastWrongAt: now.getTime() - 10 * DAY }],
      ['d', { lastAt: now.getTime(), lastRating: 3, lastWrongAt: null }],
    ]);
    expect(buildStudyQueue(plan({ kind: 'wrong', days: 3 }), questions, progress(cards), now, summary)).toEqual(['a']);
    expect(buildStudyQueue(plan({ kind: 'wrong', days: 14 }), questions, progress(cards), now, summary)).toEqual([
      'a',
      'b',
    ]);
  });

  it('studies one note or one section, whatever is due', () => {
    expect(buildStudyQueue(plan({ kind: 'all', note: 'db' }), questions, progress(cards), now, null)).toEqual([
      'a',
      'b',
      'c',
    ]);
    expect(
      buildStudyQueue(plan({ kind: 'all', note: 'db', section: 'keys' }), questions, progress(cards), now, null),
    ).toEqual(['b', 'c']);
  });

  it('studies ahead: started questions due within N days, soonest first', () => {
    const queue = buildStudyQueue(plan({ kind: 'ahead', days: 3 }), questions, progress(cards), now, null);
    expect(queue[0]).toBe('a');
    expect(queue).not.toContain('c'); // new
    const far = buildStudyQueue(plan({ kind: 'ahead', days: 60 }), questions, progress(cards), now, null);
    expect(far).toEqual(['a', 'b', 'd']);
  });

  it('studies new questions only, up to the count and past the daily limit', () => {
    const limited = { ...progress(cards), settings: { newPerDay: 0 } };
    expect(buildStudyQueue(plan({ kind: 'new', count: 2 }), questions, limited, now, null)).toEqual(['c', 'e']);
  });

  it('never brings up a suspended question, in any plan', () => {
    const state = progress(cards, { a: { suspended: true }, c: { suspended: true, flagged: true } });
    for (const kind of ['due', 'all', 'ahead', 'new', 'flagged', 'test'] as const) {
      const queue = buildStudyQueue(plan({ kind, days: 60, count: 10 }), questions, state, now, null);
      expect(queue).not.toContain('a');
      expect(queue).not.toContain('c');
    }
    expect(buildStudyQueue(plan({ kind: 'retry', ids: ['a', 'b'] }), questions, state, now, null)).toEqual(['b']);
  });

  it('studies flagged questions', () => {
    const state = progress(cards, { b: { flagged: true }, e: { flagged: true } });
    expect(buildStudyQueue(plan({ kind: 'flagged' }), questions, state, now, null)).toEqual(['b', 'e']);
  });

  it('deals a mixed test round the question types', () => {
    let seed = 1;
    const random = () => ((seed = (seed * 16807) % 2147483647) - 1) / 2147483646;
    const many = [
      ...Array.from({ length: 10 }, (_, i) => question(`s${i}`, 'db', 'single')),
      question('f1', 'db', 'flashcard'),
      question('c1', 'db', 'cloze'),
      question('o1', 'db', 'order'),
    ];
    const test = mixedTest(many, 4, random);
    expect(test).toHaveLength(4);
    expect(test).toEqual(expect.arrayContaining(['f1', 'c1', 'o1']));
    expect(test.filter((id) => id.startsWith('s'))).toHaveLength(1);
    expect(mixedTest(many, 50, random)).toHaveLength(13);
  });
});

describe('questions coming back into a running session', () => {
  const all = questions.map((q) => q.id);
  const startedAt = now.getTime();
  const later = new Date(now.getTime() + 11 * 60_000);
  // `a` was overdue before the session began; `b` was answered 다시 in it and is due again a minute on.
  const cards = {
    a: answered(30, Rating.Good),
    b: scheduler.next(answered(5, Rating.Good), now, Rating.Again).card,
    d: answered(0, Rating.Easy),
  };

  it('brings back, in the due queue, any question that fell due since the session began, and only those', () => {
    expect(fallenDue(returningIds(plan({}), all, ['a']), new Set(), progress(cards), later, startedAt)).toEqual(['b']);
    // Not one still ahead in the queue.
    expect(fallenDue(all, new Set(['b']), progress(cards), later, startedAt)).toEqual([]);
  });

  it('keeps a chosen plan to its own questions: a short test does not grow by what is due elsewhere', () => {
    const test = plan({ kind: 'test', count: 3, record: true });
    expect(fallenDue(returningIds(test, all, ['c', 'e', 'f']), new Set(), progress(cards), later, startedAt)).toEqual(
      [],
    );
    expect(returningIds(test, all, ['b', 'c', 'b'])).toEqual(['b', 'c']);
    expect(fallenDue(returningIds(test, all, ['b', 'c']), new Set(), progress(cards), later, startedAt)).toEqual(['b']);
    // Taken as practice, nothing was rescheduled: nothing comes back.
    expect(returningIds(plan({ kind: 'test', record: false }), all, ['b', 'c'])).toEqual([]);
  });
});
