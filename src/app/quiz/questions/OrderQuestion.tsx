import { useMemo, useState } from 'react';
import { seededShuffle, type QuizQuestion } from '../../../shared/quiz.ts';
import { gradeOrder } from '../gradeAnswer.ts';
import { AnswerForm, type AutoGradedProps } from './AnswerForm.tsx';
import { plainText } from './plainText.ts';
import { Prompt } from './Prompt.tsx';

/** Items to put in order with up/down buttons (keyboard- and touch-friendly, no dragging needed). */
export function OrderQuestion({
  question,
  locked,
  formId,
  onSubmit,
  showAnswers,
}: AutoGradedProps<Extract<QuizQuestion, { type: 'order' }>>) {
  // Shuffled by the question's id: the same start on the server and in the browser.
  const initialOrder = useMemo(
    () =>
      seededShuffle(
        question.items.map((_, index) => index),
        question.id,
      ),
    [question],
  );
  const [order, setOrder] = useState<number[]>(initialOrder);
  return (
    <AnswerForm
      formId={formId}
      locked={locked}
      showAnswers={showAnswers}
      ready
      onSubmit={() => onSubmit(gradeOrder(question, order))}
    >
      <Prompt html={question.prompt} fallback="문제" />
      <ol className="quiz-order-list">
        {order.map((item, position) => (
          <li key={item} className={showAnswers ? (item === position ? 'is-correct' : 'is-incorrect') : ''}>
            {/* A flex row inside the list item: the buttons stay beside text that wraps. */}
            <span className="quiz-order-row">
              <span className="quiz-order-text" dangerouslySetInnerHTML={{ __html: question.items[item] ?? '' }} />
              {!locked && (
                <span className="quiz-order-buttons">
                  <button
                    type="button"
                    disabled={position === 0}
                    onClick={() => setOrder(move(order, position, -1))}
                    aria-label={`${plainText(question.items[item])} 위로`}
                  >
                    ↑
                  </button>
                  <button
                    type="button"
                    disabled={position === order.length - 1}
                    onClick={() => setOrder(move(order, position, 1))}
                    aria-label={`${plainText(question.items[item])} 아래로`}
                  >
                    ↓
                  </button>
                </span>
              )}
              {showAnswers && item !== position && <span className="quiz-mark">정답 위치: {item + 1}번째</span>}
            </span>
          </li>
        ))}
      </ol>
      {showAnswers && order.some((item, position) => item !== position) && (
        // The right order in one piece, rather than rebuilt in the head from each item's mark.
        <div className="quiz-order-answer">
          <p className="quiz-order-answer-title">정답 순서</p>
          <ol>
            {question.items.map((item, index) => (
              <li key={index} dangerouslySetInnerHTML={{ __html: item }} />
            ))}
          </ol>
        </div>
      )}
    </AnswerForm>
  );
}

function move(order: number[], position: number, by: -1 | 1): number[] {
  const next = [...order];
  const target = position + by;
  [next[position], next[target]] = [next[target] as number, next[position] as number];
  return next;
}
