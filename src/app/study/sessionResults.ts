import { Rating, type Card } from '../quiz/scheduler.ts';

/** One answer given in a session. */
export interface SessionAnswer {
  questionId: string;
  rating: number;
  /** Auto-graded: right or wrong; a flashcard: null (graded by the learner). */
  correct: boolean | null;
}

/** Whether an answer counts as missed: a wrong auto-graded answer, or a flashcard graded Again. */
export const isMissed = (answer: SessionAnswer): boolean =>
  answer.correct === false || (answer.correct === null && answer.rating === Rating.Again);

export interface SessionSummary {
  answered: number;
  right: number;
  /** right / answered, or null with no answer. */
  accuracy: number | null;
  /** Missed questions, in the order they came up, each once. */
  missed: string[];
  /** Milliseconds from the first question shown to the last answer. */
  elapsedMs: number;
  /** The soonest due date among the session's questions (when they come back), if any was scheduled. */
  nextDue: Date | null;
  /** How many of the session's questions are due within a day of `now`. */
  dueWithinDay: number;
}

/**
 * The end-of-session figures from its answers (the last answer to a question
 * counts, after an undo and a second try), its time span and the cards as
 * they are now (`cards`, for when the questions come back).
 */
export function summarizeSession(
  answers: readonly SessionAnswer[],
  startedAt: number,
  endedAt: number,
  cards: ReadonlyMap<string, Card>,
  now: Date,
): SessionSummary {
  const last = new Map<string, SessionAnswer>();
  for (const answer of answers) last.set(answer.questionId, answer);
  const final = [...last.values()];
  const missed = final.filter(isMissed).map((answer) => answer.questionId);
  const right = final.length - missed.length;
  let nextDue: Date | null = null;
  let dueWithinDay = 0;
  for (const id of last.keys()) {
    const card = cards.get(id);
    if (!card) continue;
    if (!nextDue || card.due < nextDue) nextDue = card.due;
    if (card.due.getTime() <= now.getTime() + 24 * 60 * 60 * 1000) dueWithinDay += 1;
  }
  return {
    answered: final.length,
    right,
    accuracy: final.length > 0 ? right / final.length : null,
    missed,
    elapsedMs: Math.max(0, endedAt - startedAt),
    nextDue,
    dueWithinDay,
  };
}

/** "3분 20초", "45초", "1시간 5분". */
export function formatDuration(ms: number): string {
  const seconds = Math.round(ms / 1000);
  if (seconds < 60) return `${seconds}초`;
  const minutes = Math.floor(seconds / 60);
  if (minutes < 60) return seconds % 60 ? `${minutes}분 ${seconds % 60}초` : `${minutes}분`;
  const hours = Math.floor(minutes / 60);
  return minutes % 60 ? `${hours}시간 ${minutes % 60}분` : `${hours}시간`;
}
