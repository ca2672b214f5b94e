/**
 * What the learner has done with a note's questions, shown from storage on
 * every visit: a status line above each question ("지난번 답: 정답 (3일 전) ·
 * 다음 복습: 내일") and a line under the note's title ("26문제 중 7문제 풀었음 ·
 * 지금 복습할 문제 2개"). Plain DOM, filled by the page loader: the prerendered
 * HTML cannot know it, so both lines are there, one line high and empty, from
 * the first paint, and filling them moves nothing.
 */
import type { AnsweredDetail } from '../quiz/answeredEvent.ts';
import { answerStatus, isAnswered } from './answerStatus.ts';
import type { CardDue, LastAnswer, StoredDueData } from './dueCount.ts';

/** Answers given in this tab that storage could not keep (memory mode): the page shows them anyway. */
const unsaved = new Map<string, { card: CardDue; last: LastAnswer }>();

/** Keeps an answer the page could not store, so its status line still tells the truth. */
export function rememberUnsaved(detail: AnsweredDetail): void {
  if (!detail.memory) return;
  unsaved.set(detail.questionId, {
    card: { questionId: detail.questionId, due: detail.due, state: detail.state, lastReview: detail.review },
    last: { rating: detail.rating, review: detail.review },
  });
}

/** The question ids of the note on screen, in page order. */
export function noteQuestionIds(scope: ParentNode = document): string[] {
  return [...scope.querySelectorAll<HTMLElement>('[data-quiz-status]')].map((line) => line.dataset.quizStatus ?? '');
}

/** Fills the note's status lines from `data` (null: nothing stored). */
export function showNoteAnswers(scope: ParentNode, data: StoredDueData | null, now: Date): void {
  const lines = [...scope.querySelectorAll<HTMLElement>('[data-quiz-status]')];
  if (lines.length === 0) return;
  const cards = new Map((data?.cards ?? []).map((card) => [card.questionId, card]));
  let answered = 0;
  let due = 0;
  for (const line of lines) {
    const id = line.dataset.quizStatus ?? '';
    const kept = unsaved.get(id);
    const card = kept?.card ?? cards.get(id);
    const flashcard = line.dataset.quizType === 'flashcard';
    const text = answerStatus(card, kept?.last ?? data?.last.get(id), flashcard, now);
    if (line.textContent !== text) line.textContent = text;
    line.dataset.answered = isAnswered(card) ? 'true' : 'false';
    if (isAnswered(card)) {
      answered += 1;
      if (Date.parse(card.due) <= now.getTime()) due += 1;
    }
  }
  const summary = scope.querySelector<HTMLElement>('[data-note-answers]');
  if (summary) {
    const text =
      answered === 0
        ? `${lines.length}문제 모두 아직 풀지 않았습니다`
        : `${lines.length}문제 중 ${answered}문제 풀었음` +
          (answered === lines.length ? ' (모두)' : '') +
          (due > 0 ? ` · 지금 복습할 문제 ${due}개` : '');
    if (summary.textContent !== text) summary.textContent = text;
  }
}
