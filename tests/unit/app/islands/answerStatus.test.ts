import { describe, expect, it } from 'vitest';
import { answerStatus, formatAgo } from '../../../../src/app/islands/answerStatus.ts';

const now = new Date('2026-11-20T09:00:00Z');
const card = (due: string, state = 2) => ({ questionId: 'q', due, state, lastReview: '2026-11-17T09:00:00Z' });

describe('a question’s status line in its note', () => {
  it('says a question never answered (or only ever new) is not done', () => {
    expect(answerStatus(undefined, undefined, false, now)).toBe('아직 풀지 않았습니다');
    expect(answerStatus(card('2026-11-20T09:00:00Z', 0), undefined, false, now)).toBe('아직 풀지 않았습니다');
  });

  it('gives the last result, how long ago, and the next review', () => {
    const last = { rating: 3, review: '2026-11-17T09:00:00Z' };
    expect(answerStatus(card('2026-11-21T09:00:00Z'), last, false, now)).toBe(
      '지난번 답: 정답 (3일 전) · 다음 복습: 내일',
    );
    expect(answerStatus(card('2026-11-20T09:01:00Z', 1), { rating: 1, review: now.toISOString() }, false, now)).toBe(
      '지난번 답: 오답 (방금) · 다음 복습: 1분 후',
    );
  });

  it('names a flashcard’s own grade, and says when a review is due now', () => {
    expect(answerStatus(card('2026-11-19T09:00:00Z'), { rating: 2, review: '2026-11-10T09:00:00Z' }, true, now)).toBe(
      '지난번 채점: 어려움 (10일 전) · 지금 복습할 때입니다',
    );
  });

  it('falls back on the card’s last review when the answer itself was imported', () => {
    expect(answerStatus(card('2026-12-20T09:00:00Z'), undefined, false, now)).toBe(
      '지난번에 풀었습니다 (3일 전) · 다음 복습: 30일 후',
    );
  });

  it('says how long ago in minutes, hours, days, months', () => {
    expect(formatAgo(new Date('2026-11-20T08:55:00Z'), now)).toBe('5분 전');
    expect(formatAgo(new Date('2026-11-20T06:00:00Z'), now)).toBe('3시간 전');
    expect(formatAgo(new Date('2026-11-19T09:00:00Z'), now)).toBe('어제');
    expect(formatAgo(new Date('2026-09-20T09:00:00Z'), now)).toBe('2개월 전');
  });
});
