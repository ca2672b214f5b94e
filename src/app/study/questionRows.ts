import type { QuizQuestion } from '../../shared/quiz.ts';
import { State } from '../quiz/scheduler.ts';
import type { AnswerSummary, ProgressState } from '../storage/progressStore.ts';

/** What the question browser shows and filters of one question. */
export interface QuestionRow {
  question: QuizQuestion;
  /** Position in note order (the site's order of questions). */
  order: number;
  state: CardState;
  /** Due time (ms) of a started question; null if new. */
  due: number | null;
  answers: number;
  lapses: number;
  /** Last answer (time and grade) and last wrong answer, once the answers are read. */
  last: AnswerSummary | undefined;
  suspended: boolean;
  flagged: boolean;
}

/** ts-fsrs's four states, by name. */
export type CardState = 'new' | 'learning' | 'review' | 'relearning';

export const cardStateLabels: Record<CardState, string> = {
  new: '새 문제',
  learning: '학습 중',
  review: '복습',
  relearning: '재학습',
};

const stateNames: Record<State, CardState> = {
  [State.New]: 'new',
  [State.Learning]: 'learning',
  [State.Review]: 'review',
  [State.Relearning]: 'relearning',
};

/** One row per question of the site, in note order. */
export function buildRows(
  questions: readonly QuizQuestion[],
  progress: ProgressState,
  summary: ReadonlyMap<string, AnswerSummary> | null,
): QuestionRow[] {
  return questions.map((question, order) => {
    const card = progress.cards.get(question.id);
    const state = card ? stateNames[card.state] : 'new';
    const mark = progress.marks.get(question.id);
    return {
      question,
      order,
      state,
      due: card && state !== 'new' ? card.due.getTime() : null,
      answers: progress.answersByQuestion.get(question.id) ?? 0,
      lapses: card?.lapses ?? 0,
      last: summary?.get(question.id),
      suspended: mark?.suspended === true,
      flagged: mark?.flagged === true,
    };
  });
}

export type StateFilter = '' | CardState | 'suspended' | 'flagged';
export type DueFilter = '' | 'now' | 'today' | 'week' | 'later' | 'none';
export type RowSort = 'note' | 'due' | 'last' | 'answers' | 'lapses' | 'wrong';

export interface RowFilter {
  /** Note slug, or '' for every note. */
  note: string;
  state: StateFilter;
  due: DueFilter;
  /** Only questions answered wrong (graded Again) in the last this many days; 0 for no such filter. */
  wrongDays: number;
  /** Words to find in the question's text, note, section or id. */
  text: string;
}

export const emptyFilter: RowFilter = { note: '', state: '', due: '', wrongDays: 0, text: '' };

const DAY = 24 * 60 * 60 * 1000;

/** End of the local day of `now` (ms). */
function endOfDay(now: Date): number {
  return new Date(now.getFullYear(), now.getMonth(), now.getDate() + 1).getTime();
}

/**
 * Rows that pass `filter` at `now`. `texts` gives the searchable text of a
 * question (computed once per question by the page).
 */
export function filterRows(
  rows: readonly QuestionRow[],
  filter: RowFilter,
  now: Date,
  texts: (row: QuestionRow) => string,
): QuestionRow[] {
  const words = filter.text.toLowerCase().split(/\s+/).filter(Boolean);
  const at = now.getTime();
  const wrongSince = at - filter.wrongDays * DAY;
  return rows.filter((row) => {
    if (filter.note && row.question.noteSlug !== filter.note) return false;
    if (
      filter.state === 'suspended'
        ? !row.suspended
        : filter.state === 'flagged'
          ? !row.flagged
          : filter.state && row.state !== filter.state
    )
      return false;
    if (filter.due && !dueMatches(row.due, filter.due, at, endOfDay(now))) return false;
    if (filter.wrongDays > 0 && (row.last?.lastWrongAt ?? -Infinity) < wrongSince) return false;
    if (words.length > 0) {
      const text = texts(row);
      if (!words.every((word) => text.includes(word))) return false;
    }
    return true;
  });
}

function dueMatches(due: number | null, filter: DueFilter, now: number, todayEnds: number): boolean {
  switch (filter) {
    case 'none':
      return due === null;
    case 'now':
      return due !== null && due <= now;
    case 'today':
      return due !== null && due < todayEnds;
    case 'week':
      return due !== null && due <= now + 7 * DAY;
    case 'later':
      return due !== null && due > now + 7 * DAY;
    default:
      return true;
  }
}

/**
 * Rows in the order asked for (a new array): note order, soonest due (new
 * questions last), last answered first, most answers, most lapses, or most
 * recently wrong. Ties keep note order.
 */
export function sortRows(rows: readonly QuestionRow[], sort: RowSort): QuestionRow[] {
  const key = (row: QuestionRow): number => {
    switch (sort) {
      case 'due':
        return row.due ?? Number.POSITIVE_INFINITY;
      case 'last':
        return -(row.last?.lastAt ?? Number.NEGATIVE_INFINITY);
      case 'answers':
        return -row.answers;
      case 'lapses':
        return -row.lapses;
      case 'wrong':
        return -(row.last?.lastWrongAt ?? Number.NEGATIVE_INFINITY);
      default:
        return 0;
    }
  };
  return rows
    .map((row) => ({ row, key: key(row) }))
    .sort((a, b) => (a.key === b.key ? a.row.order - b.row.order : a.key < b.key ? -1 : 1))
    .map((entry) => entry.row);
}
