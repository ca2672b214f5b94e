import { createEmptyCard, fsrs, Rating, type Card } from 'ts-fsrs';
import { describe, expect, it } from 'vitest';
import type { QuizQuestion } from '../../../../src/shared/quiz.ts';
import { loadingProgress, type ProgressState } from '../../../../src/app/storage/progressState.ts';
import type { AnswerSummary } from '../../../../src/app/storage/progressStore.ts';
import { buildRows, emptyFilter, filterRows, sortRows } from '../../../../src/app/study/questionRows.ts';
import { historyEntries, intervalText } from '../../../../src/app/study/questionHistory.ts';
import { formatDuration, summarizeSession } from '../../../../src/app/study/sessionResults.ts';
import { serializeLog } from '../../../../src/app/storage/storedRecords.ts';

const now = new Date('2026-11-25T09:00:00Z');
const DAY = 86_400_000;
const scheduler = fsrs();
const answered = (daysAgo: number, rating: Rating, card?: Card) => {
  const at = new Date(now.getTime() - daysAgo * DAY);
  return scheduler.next(card ?? createEmptyCard(at), at, rating as Exclude<Rating, Rating.Manual>);
};

const q = (id: string, noteSlug: string, prompt = id): QuizQuestion => ({
  id,
  noteSlug,
  section: { id: 's', title: '절' },
  prompt,
  explanation: '',
  type: 'single',
  choices: [{ html: 'x', correct: true }],
});

const questions = [q('a', 'db', '제2정규형'), q('b', 'db'), q('c', 'tls', '핸드셰이크'), q('d', 'tls')];
// Learned 20 days ago (two Goods take it to review), forgotten yesterday: relearning, one lapse.
const forgotten = answered(1, Rating.Again, answered(19, Rating.Good, answered(20, Rating.Good).card).card).card;
const state: ProgressState = {
  ...loadingProgress,
  status: 'ready',
  cards: new Map([
    ['a', answered(30, Rating.Good).card],
    ['b', forgotten],
    ['c', answered(0, Rating.Easy).card],
  ]),
  answersByQuestion: new Map([
    ['a', 1],
    ['b', 2],
    ['c', 5],
  ]),
  marks: new Map([['c', { flagged: true, updatedAt: now.toISOString() }]]),
};
const summary = new Map<string, AnswerSummary>([
  ['a', { lastAt: now.getTime() - 30 * DAY, lastRating: 3, lastWrongAt: null }],
  ['b', { lastAt: now.getTime() - DAY, lastRating: 1, lastWrongAt: now.getTime() - DAY }],
  ['c', { lastAt: now.getTime(), lastRating: 4, lastWrongAt: now.getTime() - 9 * DAY }],
]);
const rows = buildRows(questions, state, summary);
const text = (row: (typeof rows)[number]) => `${row.question.prompt} ${row.question.id}`.toLowerCase();
const ids = (list: typeof rows) => list.map((row) => row.question.id);

describe('question browser rows', () => {
  it('shows each question with state, due, last result, answers and lapses', () => {
    expect(rows[1]).toMatchObject({ state: 'relearning', answers: 2, lapses: 1, last: { lastRating: 1 } });
    expect(rows[3]).toMatchObject({ state: 'new', due: null, answers: 0, last: undefined });
    expect(rows[2]?.flagged).toBe(true);
  });

  it('filters by note, state, due, wrong recently and text', () => {
    const by = (patch: Partial<typeof emptyFilter>) => ids(filterRows(rows, { ...emptyFilter, ...patch }, now, text));
    expect(by({ note: 'tls' })).toEqual(['c', 'd']);
    expect(by({ state: 'new' })).toEqual(['d']);
    expect(by({ state: 'flagged' })).toEqual(['c']);
    expect(by({ due: 'now' })).toEqual(['a', 'b']);
    expect(by({ due: 'none' })).toEqual(['d']);
    expect(by({ wrongDays: 7 })).toEqual(['b']);
    expect(by({ wrongDays: 14 })).toEqual(['b', 'c']);
    expect(by({ text: '핸드' })).toEqual(['c']);
    expect(by({ note: 'db', wrongDays: 14 })).toEqual(['b']);
  });

  it('sorts by due, last answer, answers, lapses and last wrong answer', () => {
    expect(ids(sortRows(rows, 'due'))).toEqual(['a', 'b', 'c', 'd']);
    expect(ids(sortRows(rows, 'last'))).toEqual(['c', 'b', 'a', 'd']);
    expect(ids(sortRows(rows, 'answers'))).toEqual(['c', 'b', 'a', 'd']);
    expect(ids(sortRows(rows, 'lapses'))[0]).toBe('b');
    expect(ids(sortRows(rows, 'wrong'))).toEqual(['b', 'c', 'a', 'd']);
    expect(ids(sortRows(rows, 'note'))).toEqual(['a', 'b', 'c', 'd']);
  });
});

describe('a question history', () => {
  it('lists answers and resets newest first, each answer with the interval it set', () => {
    const first = answered(10, Rating.Good);
    const second = answered(5, Rating.Again, first.card);
    const logs = [serializeLog(first.log), serializeLog(second.log)];
    const reset = new Date(now.getTime() - DAY).toISOString();
    const entries = historyEntries(logs, [reset], createEmptyCard(new Date(reset)));
    expect(entries.map((entry) => entry.kind)).toEqual(['reset', 'answer', 'answer']);
    const [, last, earliest] = entries;
    // The first answer set a learning step (within the day), as the second answer's log says.
    expect(earliest).toMatchObject({ kind: 'answer', rating: Rating.Good, intervalMs: 0 });
    // A reset came after the last answer: its interval no longer applies.
    expect(last).toMatchObject({ kind: 'answer', rating: Rating.Again, intervalMs: null });
    expect(intervalText(0)).toBe('하루 안');
    expect(intervalText(10 * 60_000)).toBe('10분');
    expect(intervalText(3 * DAY)).toBe('3일');
  });
});

describe('session summary', () => {
  it('counts the last answer to each question, lists the missed ones and when they come back', () => {
    const cards = new Map([['a', answered(0, Rating.Again).card]]);
    const result = summarizeSession(
      [
        { questionId: 'a', rating: Rating.Again, correct: false },
        { questionId: 'b', rating: Rating.Good, correct: true },
        { questionId: 'f', rating: Rating.Again, correct: null }, // a flashcard graded Again
        { questionId: 'g', rating: Rating.Hard, correct: null },
        { questionId: 'b', rating: Rating.Again, correct: false }, // tried again after an undo
      ],
      0,
      200_000,
      cards,
      now,
    );
    expect(result).toMatchObject({
      answered: 4,
      right: 1,
      missed: ['a', 'b', 'f'],
      elapsedMs: 200_000,
      dueWithinDay: 1,
    });
    expect(result.accuracy).toBe(0.25);
    expect(result.nextDue).toEqual(cards.get('a')?.due);
    expect(formatDuration(200_000)).toBe('3분 20초');
  });
});
