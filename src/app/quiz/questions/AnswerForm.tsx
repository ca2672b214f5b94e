import type { FormEvent, ReactNode } from 'react';
import type { QuizQuestion } from '../../../shared/quiz.ts';

/** What every auto-graded question component receives from `QuestionView`. */
export interface AutoGradedProps<Q extends QuizQuestion> {
  question: Q;
  /** True while the answer is saved and after: inputs no longer change. */
  locked: boolean;
  formId: string;
  /** Called once with whether the whole answer was right. */
  onSubmit: (correct: boolean) => void;
  /** After the answer is stored: mark right and wrong parts. */
  showAnswers: boolean;
}

/**
 * The form around one auto-graded question: a fieldset for its inputs and
 * the "답 확인" button, enabled once `ready`. Enter submits, as in any form.
 */
export function AnswerForm({
  formId,
  locked,
  showAnswers,
  ready,
  onSubmit,
  children,
}: {
  formId: string;
  locked: boolean;
  showAnswers: boolean;
  ready: boolean;
  onSubmit: () => void;
  children: ReactNode;
}) {
  const handle = (event: FormEvent) => {
    event.preventDefault();
    if (!locked) onSubmit();
  };
  return (
    <form id={formId} onSubmit={handle} className="quiz-form">
      <fieldset disabled={locked && !showAnswers ? true : undefined}>{children}</fieldset>
      {!locked && (
        <button type="submit" className="button-primary quiz-submit" disabled={!ready}>
          답 확인
        </button>
      )}
    </form>
  );
}
