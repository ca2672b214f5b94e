import { useMemo, useState } from 'react';
import { seededShuffle, type QuizQuestion } from '../../../shared/quiz.ts';
import { gradeMatch } from '../gradeAnswer.ts';
import { AnswerForm, type AutoGradedProps } from './AnswerForm.tsx';
import { plainText } from './plainText.ts';
import { Prompt } from './Prompt.tsx';

/** About what a phone-wide select shows of a meaning before cutting it off. */
const PREVIEW_AFTER_CHARS = 18;

/** Terms, each with a select of the (shuffled) meanings. */
export function MatchQuestion({
  question,
  locked,
  formId,
  onSubmit,
  showAnswers,
}: AutoGradedProps<Extract<QuizQuestion, { type: 'match' }>>) {
  const meaningOrder = useMemo(
    () =>
      seededShuffle(
        question.pairs.map((_, index) => index),
        question.id,
      ),
    [question],
  );
  const [chosen, setChosen] = useState<(number | undefined)[]>([]);
  const [grades, setGrades] = useState<boolean[] | null>(null);
  const submit = () => {
    const result = gradeMatch(question, chosen);
    setGrades(result);
    onSubmit(result.every(Boolean));
  };
  return (
    <AnswerForm
      formId={formId}
      locked={locked}
      showAnswers={showAnswers}
      ready={question.pairs.every((_, index) => chosen[index] !== undefined)}
      onSubmit={submit}
    >
      <Prompt html={question.prompt} fallback="문제" />
      <dl className="quiz-match-list">
        {question.pairs.map((pair, index) => {
          const choice = chosen[index];
          const chosenMeaning = choice === undefined ? undefined : plainText(question.pairs[choice]?.meaning);
          return (
            <div key={index} className={grades ? (grades[index] ? 'is-correct' : 'is-incorrect') : ''}>
              <dt dangerouslySetInnerHTML={{ __html: pair.term }} />
              <dd>
                {/* A select cuts a long meaning off; once answered, the choice is shown whole. */}
                {showAnswers ? (
                  <span className="quiz-match-chosen">{chosenMeaning ?? '고르지 않음'}</span>
                ) : (
                  <select
                    aria-label={`${plainText(pair.term)}의 짝`}
                    value={chosen[index] ?? ''}
                    disabled={locked}
                    onChange={(event) =>
                      setChosen((current) => {
                        const next = [...current];
                        next[index] = event.target.value === '' ? undefined : Number(event.target.value);
                        return next;
                      })
                    }
                  >
                    <option value="">고르세요</option>
                    {meaningOrder.map((meaning) => (
                      <option key={meaning} value={meaning}>
                        {plainText(question.pairs[meaning]?.meaning)}
                      </option>
                    ))}
                  </select>
                )}
                {!showAnswers && chosenMeaning !== undefined && chosenMeaning.length > PREVIEW_AFTER_CHARS && (
                  // On a phone the select cuts a long meaning off: the whole of it under the select
                  // (hidden from screen readers, which read the select's value).
                  <span className="quiz-match-preview" aria-hidden="true">
                    {chosenMeaning}
                  </span>
                )}
                {showAnswers && grades && !grades[index] && (
                  <span className="quiz-mark">정답: {plainText(pair.meaning)}</span>
                )}
              </dd>
            </div>
          );
        })}
      </dl>
    </AnswerForm>
  );
}
