import { useState, type ReactNode } from 'react';
import { notePath } from '../../shared/routes.ts';
import { questionTypeLabels, type QuizQuestion } from '../../shared/quiz.ts';
import { Icon } from '../components/Icon.tsx';
import type { AutoGradedProps } from './questions/AnswerForm.tsx';
import { ChoiceQuestion } from './questions/ChoiceQuestion.tsx';
import { ClozeQuestion } from './questions/ClozeQuestion.tsx';
import { Flashcard } from './questions/Flashcard.tsx';
import { MatchQuestion } from './questions/MatchQuestion.tsx';
import { OrderQuestion } from './questions/OrderQuestion.tsx';
import { ratingForAnswer, type Card, type Grade } from './scheduler.ts';

export interface QuestionViewProps {
  question: QuizQuestion;
  /**
   * Called once per answer with the FSRS rating: wrong → Again, right → Good
   * for auto-graded types; the learner's own grade for flashcards. The view
   * waits for it (the answer is stored) before showing the result.
   */
  onAnswer: (rating: Grade, correct: boolean | null) => Promise<void>;
  /** Shown under the result (e.g. the next review date). */
  footer?: ReactNode;
  /** The learner's card for this question, if answered before: a flashcard's grades show what each would give. */
  card?: Card;
  /** Link text and target of the section the question tests (hidden on that note's own page). */
  showSectionLink?: boolean;
  /** The root's id, for a question shown inside its note (see `quizAnchorId`). */
  anchorId?: string;
  /** Said in place of the answer buttons when scripts are off (prerendered note pages). */
  noScriptHint?: string;
}

type Phase = 'answering' | 'saving' | 'done';

/**
 * One question of any type (the type's own component inside), as a form with a fieldset and native inputs.
 * Enter submits (or reveals a flashcard); the result and explanation appear
 * in a polite live region once the answer is stored.
 */
export function QuestionView({
  question,
  onAnswer,
  footer,
  card,
  showSectionLink = true,
  anchorId,
  noScriptHint,
}: QuestionViewProps) {
  const [phase, setPhase] = useState<Phase>('answering');
  const [correct, setCorrect] = useState<boolean | null>(null);
  const [revealed, setRevealed] = useState(false);
  const [error, setError] = useState<string | null>(null);
  // A new attempt remounts the inputs, clearing what was chosen or typed.
  const [attempt, setAttempt] = useState(0);
  // From the question, not useId: an island hydrates apart from the page that
  // prerendered it, so positional ids would not match the HTML.
  const formId = `answer-${question.id}`;

  const submit = async (rating: Grade, isCorrect: boolean | null) => {
    setPhase('saving');
    setError(null);
    try {
      await onAnswer(rating, isCorrect);
      setCorrect(isCorrect);
      setPhase('done');
    } catch (reason) {
      setError(`답을 저장하지 못했습니다: ${reason instanceof Error ? reason.message : String(reason)}`);
      setPhase('answering');
    }
  };

  const reset = () => {
    setAttempt((value) => value + 1);
    setPhase('answering');
    setCorrect(null);
    setRevealed(false);
  };

  const locked = phase !== 'answering';
  const result =
    phase === 'done' ? (correct === null ? '기록했습니다.' : correct ? '정답입니다.' : '틀렸습니다.') : null;

  return (
    <div
      className={`quiz quiz-${question.type}${phase === 'done' ? (correct === false ? ' is-wrong' : ' is-right') : ''}`}
      data-question-id={question.id}
      id={anchorId}
    >
      <p className="quiz-kind">
        <Icon name="pencil" size={14} /> 확인 문제 · {questionTypeLabels[question.type]}
      </p>
      {question.type === 'flashcard' ? (
        <Flashcard
          question={question}
          revealed={revealed}
          locked={locked}
          onReveal={() => setRevealed(true)}
          onGrade={(rating) => void submit(rating, null)}
          card={card}
        />
      ) : (
        <AutoGraded
          key={attempt}
          question={question}
          locked={locked}
          formId={formId}
          onSubmit={(ok) => void submit(ratingForAnswer(ok), ok)}
          showAnswers={phase === 'done'}
        />
      )}
      {noScriptHint && (
        <noscript>
          <p className="quiz-noscript">{noScriptHint}</p>
        </noscript>
      )}
      <div className="quiz-result" role="status" aria-live="polite">
        {error && <p className="quiz-error">{error}</p>}
        {result && (
          <>
            <p className="quiz-verdict">{result}</p>
            {question.explanation && (
              <div className="quiz-explanation" dangerouslySetInnerHTML={{ __html: question.explanation }} />
            )}
          </>
        )}
      </div>
      {phase === 'done' && (
        <div className="quiz-after">
          {footer}
          {showSectionLink && (
            // A plain link: note pages are prerendered island pages, loaded as documents.
            <a
              className="quiz-section-link"
              href={`${import.meta.env.BASE_URL}${notePath(question.noteSlug).slice(1)}${question.section ? `#${encodeURIComponent(question.section.id)}` : ''}`}
            >
              관련 내용: {question.section?.title ?? '노트 처음'}
            </a>
          )}
          <button type="button" className="button-secondary quiz-retry" onClick={reset}>
            다시 풀기
          </button>
        </div>
      )}
    </div>
  );
}

/** The component for an auto-graded question's type; each keeps its own answer state. */
function AutoGraded(props: AutoGradedProps<Exclude<QuizQuestion, { type: 'flashcard' }>>) {
  const { question } = props;
  switch (question.type) {
    case 'single':
    case 'truefalse':
    case 'multiple':
      return <ChoiceQuestion {...props} question={question} />;
    case 'cloze':
      return <ClozeQuestion {...props} question={question} />;
    case 'order':
      return <OrderQuestion {...props} question={question} />;
    case 'match':
      return <MatchQuestion {...props} question={question} />;
  }
}
