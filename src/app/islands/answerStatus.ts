/**
 * The words of a question's stored progress, for its status line in a note
 * (plain, for the page loader: no scheduler, no React).
 */
import { formatDue } from '../quiz/formatDue.ts';
import type { CardDue, LastAnswer } from './dueCount.ts';

/** ts-fsrs's `State.New` and `Rating.Again`. */
const STATE_NEW = 0;
const AGAIN = 1;
/** The flashcard grades as their buttons name them (quiz/scheduler.ts `grades`). */
const GRADE_LABELS = ['', '다시', '어려움', '알맞음', '쉬움'];

/** "방금", "5분 전", "3시간 전", "어제", "4일 전", "2개월 전": how long ago `at` was. */
export function formatAgo(at: Date, now: Date): string {
  const minutes = Math.round((now.getTime() - at.getTime()) / 60_000);
  if (minutes < 1) return '방금';
  if (minutes < 60) return `${minutes}분 전`;
  const hours = Math.round(minutes / 60);
  if (hours < 24) return `${hours}시간 전`;
  const days = Math.round(hours / 24);
  if (days === 1) return '어제';
  if (days < 45) return `${days}일 전`;
  const months = Math.round(days / 30);
  return months < 12 ? `${months}개월 전` : `${Math.round(days / 365)}년 전`;
}

/** Whether a question counts as done: answered at least once (its card has left the new state). */
export const isAnswered = (card: CardDue | undefined): card is CardDue => !!card && card.state !== STATE_NEW;

/** A question's status line before it is first answered; also what the prerendered page shows. */
export const NOT_ANSWERED = '아직 풀지 않았습니다';

/**
 * "지난번 답: 정답 (3일 전) · 다음 복습: 내일", "지난번 채점: 다시 (방금) · 복습할 때입니다",
 * or "아직 풀지 않았습니다". A flashcard's result is the learner's own grade; any
 * other question's is right (Good) or wrong (Again).
 */
export function answerStatus(
  card: CardDue | undefined,
  last: LastAnswer | undefined,
  flashcard: boolean,
  now: Date,
): string {
  if (!isAnswered(card)) return NOT_ANSWERED;
  const at = last?.review ?? card.lastReview;
  const when = at ? ` (${formatAgo(new Date(at), now)})` : '';
  const result = !last
    ? `지난번에 풀었습니다${when}`
    : flashcard
      ? `지난번 채점: ${GRADE_LABELS[last.rating] ?? '기록됨'}${when}`
      : `지난번 답: ${last.rating === AGAIN ? '오답' : '정답'}${when}`;
  const due = new Date(card.due);
  const next = due.getTime() <= now.getTime() ? '지금 복습할 때입니다' : `다음 복습: ${formatDue(due, now)}`;
  return `${result} · ${next}`;
}
