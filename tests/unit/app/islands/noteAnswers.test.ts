import { describe, expect, it, vi } from 'vitest';
import { NOT_ANSWERED } from '../../../../src/app/islands/answerStatus.ts';
import { watchStoredProgress } from '../../../../src/app/islands/dueBadge.ts';
import { noteAnswersSummary, showNoteAnswers } from '../../../../src/app/islands/noteAnswers.ts';
import { PROGRESS_EVENT, type AnsweredDetail } from '../../../../src/app/quiz/answeredEvent.ts';

const NOW = new Date('2026-12-07T12:00:00Z');

/** A note's two status lines and its summary, as the prerendered page has them. */
function notePage(): HTMLElement {
  const scope = document.createElement('article');
  scope.innerHTML = `
    <p data-note-answers="">${noteAnswersSummary(2, 0, 0)}</p>
    <p class="quiz-status" data-quiz-status="q-1" data-quiz-type="single">${NOT_ANSWERED}</p>
    <p class="quiz-status" data-quiz-status="q-2" data-quiz-type="flashcard">${NOT_ANSWERED}</p>`;
  document.body.append(scope);
  return scope;
}

describe('the note summary line', () => {
  it('counts answered and due questions', () => {
    expect(noteAnswersSummary(26, 0, 0)).toBe('26문제 모두 아직 풀지 않았습니다');
    expect(noteAnswersSummary(26, 7, 2)).toBe('26문제 중 7문제 풀었음 · 지금 복습할 문제 2개');
    expect(noteAnswersSummary(3, 3, 0)).toBe('3문제 중 3문제 풀었음 (모두)');
  });
});

describe('showNoteAnswers', () => {
  it('leaves a first visit’s prerendered words as they are and marks every line as read', () => {
    const scope = notePage();
    const lines = [...scope.querySelectorAll<HTMLElement>('[data-quiz-status], [data-note-answers]')];
    const texts = lines.map((line) => line.firstChild);
    showNoteAnswers(scope, null, NOW);
    // The same text nodes: nothing was rewritten, only marked (quiz.css shows a marked line).
    expect(lines.map((line) => line.firstChild)).toEqual(texts);
    expect(lines.map((line) => line.dataset.answered)).toEqual(['0', 'false', 'false']);
    scope.remove();
  });

  it('writes what storage knows over the first visit’s words', () => {
    const scope = notePage();
    const card = { questionId: 'q-1', due: '2026-12-07T11:00:00Z', state: 2, lastReview: '2026-12-04T12:00:00Z' };
    showNoteAnswers(scope, { cards: [card], last: new Map() } as never, NOW);
    expect(scope.querySelector('[data-note-answers]')?.textContent).toBe(
      '2문제 중 1문제 풀었음 · 지금 복습할 문제 1개',
    );
    expect(scope.querySelector<HTMLElement>('[data-quiz-status="q-1"]')?.dataset.answered).toBe('true');
    expect(scope.querySelector('[data-quiz-status="q-1"]')?.textContent).toContain('지금 복습할 때입니다');
    expect(scope.querySelector('[data-quiz-status="q-2"]')?.textContent).toBe(NOT_ANSWERED);
    scope.remove();
  });
});

describe('watchStoredProgress', () => {
  it('reads first when told to, and an answer given before that still reaches the page', async () => {
    const scope = notePage();
    let firstRead: (() => void) | undefined;
    const render = vi.fn((data, now: Date) => showNoteAnswers(scope, data, now));
    const watch = watchStoredProgress(
      () => scope,
      render,
      (read) => (firstRead = read),
    );
    await Promise.resolve();
    expect(render).not.toHaveBeenCalled();

    // Storage could not keep this answer (memory mode): only the event carries it.
    const detail: AnsweredDetail = {
      questionId: 'q-2',
      rating: 3,
      review: new Date().toISOString(),
      due: new Date(Date.now() + 86_400_000).toISOString(),
      state: 2,
      memory: true,
    };
    window.dispatchEvent(new CustomEvent(PROGRESS_EVENT, { detail }));
    await vi.waitFor(() => expect(render).toHaveBeenCalledTimes(1));
    expect(scope.querySelector<HTMLElement>('[data-quiz-status="q-2"]')?.dataset.answered).toBe('true');

    firstRead?.();
    await vi.waitFor(() => expect(render).toHaveBeenCalledTimes(2));
    watch.stop();
    scope.remove();
  });

  it('does not read once stopped before its first read', async () => {
    const render = vi.fn();
    let firstRead: (() => void) | undefined;
    const watch = watchStoredProgress(
      () => document,
      render,
      (read) => (firstRead = read),
    );
    watch.stop();
    firstRead?.();
    await new Promise((resolve) => setTimeout(resolve, 10));
    expect(render).not.toHaveBeenCalled();
  });
});
