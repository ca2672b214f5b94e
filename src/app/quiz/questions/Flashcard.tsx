import { useMemo } from 'react';
import type { QuizQuestion } from '../../../shared/quiz.ts';
import { formatDue } from '../formatDue.ts';
import { schedulerSettings } from '../../storage/progressSchema.ts';
import { grades, previewDue, type Card, type Grade } from '../scheduler.ts';
import { useProgress } from '../useProgress.ts';
import { Prompt } from './Prompt.tsx';

/** Front, "답 보기", then the back and the learner's own grade (Anki's four buttons). */
export function Flashcard({
  question,
  revealed,
  locked,
  onReveal,
  onGrade,
  card,
}: {
  question: Extract<QuizQuestion, { type: 'flashcard' }>;
  revealed: boolean;
  locked: boolean;
  onReveal: () => void;
  onGrade: (rating: Grade) => void;
  card: Card | undefined;
}) {
  // The learner's desired retention, as answerQuestion will use it.
  const { requestRetention } = schedulerSettings(useProgress().settings);
  // Worked out when the back is shown: "다시 · 1분 후", "알맞음 · 3일 후".
  const preview = useMemo(() => {
    const now = new Date();
    return revealed ? { now, due: previewDue(card, now, requestRetention) } : undefined;
  }, [revealed, card, requestRetention]);
  return (
    <fieldset className="quiz-form">
      <Prompt html={question.prompt} fallback="떠올려 보세요" />
      {revealed ? (
        <>
          <div className="quiz-back" dangerouslySetInnerHTML={{ __html: question.back }} />
          {!locked && (
            <div className="quiz-grades" role="group" aria-label="얼마나 잘 떠올렸나요?">
              {grades.map((grade) => (
                <button
                  key={grade.key}
                  type="button"
                  className="button-secondary"
                  onClick={() => onGrade(grade.rating)}
                >
                  {grade.label}
                  <kbd>{grade.key}</kbd>
                  {preview && (
                    <span className="quiz-grade-due">{formatDue(preview.due[grade.rating], preview.now)}</span>
                  )}
                </button>
              ))}
            </div>
          )}
        </>
      ) : (
        <button type="button" className="button-primary quiz-reveal" onClick={onReveal}>
          답 보기
        </button>
      )}
    </fieldset>
  );
}
