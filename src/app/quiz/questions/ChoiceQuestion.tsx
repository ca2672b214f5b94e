import { useState } from 'react';
import type { QuizQuestion } from '../../../shared/quiz.ts';
import { gradeChoices } from '../gradeAnswer.ts';
import { AnswerForm, type AutoGradedProps } from './AnswerForm.tsx';
import { Prompt } from './Prompt.tsx';

type ChoiceType = 'single' | 'multiple' | 'truefalse';

/** Single choice, true/false (radio buttons) and multiple choice (checkboxes). */
export function ChoiceQuestion({
  question,
  locked,
  formId,
  onSubmit,
  showAnswers,
}: AutoGradedProps<Extract<QuizQuestion, { type: ChoiceType }>>) {
  const [selected, setSelected] = useState<Set<number>>(new Set());
  const toggle = (index: number) =>
    setSelected((current) => {
      if (question.type !== 'multiple') return new Set([index]);
      const next = new Set(current);
      if (next.has(index)) next.delete(index);
      else next.add(index);
      return next;
    });
  return (
    <AnswerForm
      formId={formId}
      locked={locked}
      showAnswers={showAnswers}
      ready={selected.size > 0}
      onSubmit={() => onSubmit(gradeChoices(question, selected))}
    >
      <Prompt html={question.prompt} fallback="문제" />
      <ul className="quiz-choices">
        {question.choices.map((choice, index) => {
          const checked = selected.has(index);
          return (
            <li key={index} className={showAnswers ? choiceState(choice.correct, checked, question.type) : ''}>
              <label>
                <input
                  type={question.type === 'multiple' ? 'checkbox' : 'radio'}
                  name={`${formId}-choice`}
                  checked={checked}
                  disabled={locked}
                  onChange={() => toggle(index)}
                />
                <span dangerouslySetInnerHTML={{ __html: choice.html }} />
                {showAnswers && <ChoiceMark correct={choice.correct} checked={checked} type={question.type} />}
              </label>
            </li>
          );
        })}
      </ul>
    </AnswerForm>
  );
}

/** How an answered choice is framed: right, wrongly picked, or (with several answers) missed. */
function choiceState(correct: boolean, checked: boolean, type: ChoiceType): string {
  if (correct) return type === 'multiple' && !checked ? 'is-missed' : 'is-correct';
  return checked ? 'is-incorrect' : '';
}

/**
 * The word beside an answered choice. With several right answers, one the learner
 * picked and one they missed must not read the same.
 */
function ChoiceMark({ correct, checked, type }: { correct: boolean; checked: boolean; type: ChoiceType }) {
  if (correct) return <span className="quiz-mark">{type === 'multiple' && !checked ? '놓친 정답' : '정답'}</span>;
  return checked ? <span className="quiz-mark">{type === 'multiple' ? '잘못 고름' : '고른 답'}</span> : null;
}
