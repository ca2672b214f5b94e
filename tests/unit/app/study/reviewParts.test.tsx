import { fireEvent, render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { useRef, useState } from 'react';
import { MemoryRouter } from 'react-router';
import { describe, expect, it, vi } from 'vitest';
import { countdown, ReviewNextSteps, type ReviewNextStepsProps } from '../../../../src/app/study/ReviewNextSteps.tsx';
import { parseStudyPlan } from '../../../../src/app/study/studyPlan.ts';
import { useReviewKeys } from '../../../../src/app/study/useReviewKeys.ts';

const duePlan = parseStudyPlan(new URLSearchParams(), new Set(), () => new Set());

describe('countdown', () => {
  it('shows minutes and seconds under an hour, hours over it, and never goes below zero', () => {
    expect(countdown(42_000)).toBe('0:42');
    expect(countdown(12 * 60_000 + 4_100)).toBe('12:05');
    expect(countdown(3_723_000)).toBe('1:02:03');
    expect(countdown(-5_000)).toBe('0:00');
  });
});

describe('ReviewNextSteps', () => {
  const now = new Date('2026-12-06T10:00:00Z');
  /** The end of a due-queue session with nothing scheduled or left out, unless `props` says otherwise. */
  const steps = (props: Partial<ReviewNextStepsProps> = {}) => (
    <MemoryRouter>
      <ReviewNextSteps
        plan={duePlan}
        upcomingAt={undefined}
        now={now}
        moreNew={[]}
        newPerDay={20}
        onAddNew={vi.fn()}
        nextNote={undefined}
        {...props}
      />
    </MemoryRouter>
  );

  it('counts down to a question due within the hour, for the eye only, and offers ten more new questions', async () => {
    const onAddNew = vi.fn();
    const moreNew = Array.from({ length: 14 }, (_, index) => `q${index}`);
    render(
      steps({
        upcomingAt: now.getTime() + 90_000,
        moreNew,
        onAddNew,
        nextNote: { slug: 'uwsgi', title: 'uWSGI' },
      }),
    );
    const due = document.querySelector('.practice-next-due');
    expect(due?.querySelector('[aria-hidden="true"]')?.textContent).toContain('1:30 남음');
    expect(screen.getByText(/오늘의 새 문제 한도 20개에 닿았습니다\. 아직 풀지 않은 문제 14개/)).toBeTruthy();
    await userEvent.click(screen.getByRole('button', { name: '새 문제 10개 더 풀기' }));
    expect(onAddNew).toHaveBeenCalledWith(moreNew.slice(0, 10));
    expect(screen.getByRole('link', { name: 'uWSGI' }).getAttribute('href')).toMatch(/notes\/uwsgi\/$/);
  });

  it('says nothing is scheduled in the due queue, and offers no countdown past the hour', () => {
    const { rerender } = render(steps());
    expect(screen.getByText('지금 예정된 복습이 없습니다.')).toBeTruthy();
    expect(screen.queryByRole('button')).toBeNull();
    rerender(steps({ upcomingAt: now.getTime() + 2 * 3_600_000 }));
    expect(document.querySelector('.practice-next-due [aria-hidden="true"]')).toBeNull();
  });
});

function KeysHarness(props: { answered: boolean; next: () => void; undo: () => void }) {
  const panel = useRef<HTMLDivElement>(null);
  const [notice, setNotice] = useState('');
  useReviewKeys({ panel, answered: props.answered, next: props.next, undo: props.undo, say: setNotice });
  return (
    <>
      <div ref={panel}>
        <form className="quiz-form" onSubmit={(event) => event.preventDefault()}>
          <div className="quiz-choices">
            <label>
              <input type="radio" name="choice" value="a" /> 가
            </label>
            <label>
              <input type="radio" name="choice" value="b" /> 나
            </label>
          </div>
          <input type="text" aria-label="빈칸" />
          <button type="submit" className="quiz-submit" disabled>
            확인
          </button>
        </form>
      </div>
      <p role="status">{notice}</p>
    </>
  );
}

describe('useReviewKeys', () => {
  it('picks a choice by its number, undoes with Z, and leaves keys typed into a field alone', () => {
    const undo = vi.fn();
    render(<KeysHarness answered={false} next={vi.fn()} undo={undo} />);
    fireEvent.keyDown(document.body, { key: '2' });
    expect((screen.getByRole('radio', { name: '나' }) as HTMLInputElement).checked).toBe(true);
    fireEvent.keyDown(document.body, { key: 'z' });
    expect(undo).toHaveBeenCalledTimes(1);
    fireEvent.keyDown(screen.getByRole('textbox', { name: '빈칸' }), { key: 'z' });
    expect(undo).toHaveBeenCalledTimes(1);
    fireEvent.keyDown(document.body, { key: 'z', ctrlKey: true });
    expect(undo).toHaveBeenCalledTimes(1);
  });

  it('says how to answer when Enter comes before anything is chosen, and goes on once answered', () => {
    const next = vi.fn();
    const { rerender } = render(<KeysHarness answered={false} next={next} undo={vi.fn()} />);
    fireEvent.keyDown(document.body, { key: 'Enter' });
    expect(screen.getByRole('status').textContent).toContain('답을 먼저 고르세요(숫자 키 1–2');
    expect(next).not.toHaveBeenCalled();
    rerender(<KeysHarness answered next={next} undo={vi.fn()} />);
    fireEvent.keyDown(document.body, { key: ' ' });
    expect(next).toHaveBeenCalledTimes(1);
  });
});
