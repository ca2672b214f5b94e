/**
 * What the learner has done with a note's questions, shown from storage on
 * every visit: a status line above each question ("지난번 답: 정답 (3일 전) ·
 * 다음 복습: 내일") and a line under the note's title ("26문제 중 7문제 풀었음 ·
 * 지금 복습할 문제 2개"). Plain DOM, filled by the page loader. The prerendered
 * page says what a first visit would ("아직 풀지 않았습니다"), so a first visit
 * shows the truth without reading storage; for a reader this browser has
 * counted for before (`html[data-due]`), the lines stay invisible, their
 * height kept, until storage has been read (quiz.css). Filling them moves nothing.
 */
import type { AnsweredDetail } from '../quiz/answeredEvent.ts';
import { answerStatus, isAnswered, NOT_ANSWERED } from './answerStatus.ts';
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
    const done = isAnswered(card) ? 'true' : 'false';
    if (line.dataset.answered !== done) line.dataset.answered = done;
    if (isAnswered(card)) {
      answered += 1;
      if (Date.parse(card.due) <= now.getTime()) due += 1;
    }
  }
  const summary = scope.querySelector<HTMLElement>('[data-note-answers]');
  if (summary) {
    const text = noteAnswersSummary(lines.length, answered, due);
    if (summary.textContent !== text) summary.textContent = text;
    if (summary.dataset.answered !== String(answered)) summary.dataset.answered = String(answered);
  }
}

/** The line under a note's title: how many of its `total` questions are answered, and how many are due. */
export function noteAnswersSummary(total: number, answered: number, due: number): string {
  if (answered === 0) return `${total}문제 모두 ${NOT_ANSWERED}`;
  return (
    `${total}문제 중 ${answered}문제 풀었음` +
    (answered === total ? ' (모두)' : '') +
    (due > 0 ? ` · 지금 복습할 문제 ${due}개` : '')
  );
}
