import { useMemo, useState } from 'react';
import type { QuizQuestion } from '../../../shared/quiz.ts';
import { gradeCloze } from '../gradeAnswer.ts';
import { AnswerForm, type AutoGradedProps } from './AnswerForm.tsx';
import { Prompt } from './Prompt.tsx';

/** Text with gaps to type into; each gap is marked right or wrong after the answer. */
export function ClozeQuestion({
  question,
  locked,
  formId,
  onSubmit,
  showAnswers,
}: AutoGradedProps<Extract<QuizQuestion, { type: 'cloze' }>>) {
  const [typed, setTyped] = useState<string[]>([]);
  const [grades, setGrades] = useState<boolean[] | null>(null);
  const submit = () => {
    const result = gradeCloze(question, typed);
    setGrades(result);
    onSubmit(result.every(Boolean));
  };

  // Gaps are numbered across paragraphs: the n-th gap's answer is `typed[n]`.
  const gapNumbers = useMemo(() => {
    let next = 0;
    return question.paragraphs.map((parts) => parts.map((part) => (part.kind === 'html' ? -1 : next++)));
  }, [question]);
  return (
    <AnswerForm
      formId={formId}
      locked={locked}
      showAnswers={showAnswers}
      ready={typed.some((value) => value.trim() !== '')}
      onSubmit={submit}
    >
      <Prompt html={question.prompt} fallback="빈칸을 채우세요" />
      {question.paragraphs.map((parts, paragraphIndex) => (
        <p key={paragraphIndex} className="quiz-cloze-text">
          {parts.map((part, partIndex) => {
            if (part.kind === 'html') return <span key={partIndex} dangerouslySetInnerHTML={{ __html: part.html }} />;
            const index = gapNumbers[paragraphIndex]?.[partIndex] ?? 0;
            const state = grades ? (grades[index] ? 'is-correct' : 'is-incorrect') : '';
            return (
              <span key={partIndex} className={`quiz-gap ${state}`}>
                <input
                  type="text"
                  aria-label={`빈칸 ${index + 1}`}
                  autoComplete="off"
                  autoCapitalize="off"
                  spellCheck={false}
                  size={Math.max(6, ...part.answers.map((answer) => answer.length + 2))}
                  value={typed[index] ?? ''}
                  readOnly={locked}
                  onChange={(event) =>
                    setTyped((current) => {
                      const next = [...current];
                      next[index] = event.target.value;
                      return next;
                    })
                  }
                />
                {showAnswers && grades && !grades[index] && (
                  <span className="quiz-mark">정답: {part.answers.join(' / ')}</span>
                )}
              </span>
            );
          })}
        </p>
      ))}
    </AnswerForm>
  );
}
