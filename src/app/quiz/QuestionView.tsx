import { useId, useMemo, useState, type FormEvent, type ReactNode } from 'react';
import { Link } from 'react-router';
import { notePath } from '../../shared/routes.ts';
import { questionTypeLabels, seededShuffle, type QuizQuestion } from '../../shared/quiz.ts';
import { Icon } from '../components/Icon.tsx';
import { gradeChoices, gradeCloze, gradeMatch, gradeOrder } from './gradeAnswer.ts';
import { formatDue } from './formatDue.ts';
import { grades, previewDue, ratingForAnswer, type Card, type Grade } from './scheduler.ts';

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
}

type Phase = 'answering' | 'saving' | 'done';

/** About what a phone-wide select shows of a meaning before cutting it off. */
const PREVIEW_AFTER_CHARS = 18;

/**
 * One question of any type, as a form with a fieldset and native inputs.
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
}: QuestionViewProps) {
  const [phase, setPhase] = useState<Phase>('answering');
  const [correct, setCorrect] = useState<boolean | null>(null);
  const [revealed, setRevealed] = useState(false);
  const [error, setError] = useState<string | null>(null);
  // A new attempt remounts the inputs, clearing what was chosen or typed.
  const [attempt, setAttempt] = useState(0);
  const formId = useId();

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
            <Link
              className="quiz-section-link"
              to={`${notePath(question.noteSlug)}${question.section ? `#${encodeURIComponent(question.section.id)}` : ''}`}
            >
              관련 내용: {question.section?.title ?? '노트 처음'}
            </Link>
          )}
          <button type="button" className="button-secondary quiz-retry" onClick={reset}>
            다시 풀기
          </button>
        </div>
      )}
    </div>
  );
}

/** The prompt inside a legend when it is one paragraph (legend takes inline content only). */
function Prompt({ html, fallback }: { html: string; fallback: string }) {
  const single = /^<p>((?:(?!<p>)[\s\S])*)<\/p>$/.exec(html.trim());
  if (single) return <legend className="quiz-prompt" dangerouslySetInnerHTML={{ __html: single[1] ?? '' }} />;
  return (
    <>
      <legend className="quiz-prompt">{fallback}</legend>
      {html && <div className="quiz-prompt-body" dangerouslySetInnerHTML={{ __html: html }} />}
    </>
  );
}

function AutoGraded({
  question,
  locked,
  formId,
  onSubmit,
  showAnswers,
}: {
  question: Exclude<QuizQuestion, { type: 'flashcard' }>;
  locked: boolean;
  formId: string;
  onSubmit: (correct: boolean) => void;
  showAnswers: boolean;
}) {
  const [selected, setSelected] = useState<Set<number>>(new Set());
  const [typed, setTyped] = useState<string[]>([]);
  const initialOrder = useMemo(
    () =>
      question.type === 'order'
        ? seededShuffle(
            question.items.map((_, index) => index),
            question.id,
          )
        : [],
    [question],
  );
  const [order, setOrder] = useState<number[]>(initialOrder);
  const meaningOrder = useMemo(
    () =>
      question.type === 'match'
        ? seededShuffle(
            question.pairs.map((_, index) => index),
            question.id,
          )
        : [],
    [question],
  );
  const [chosen, setChosen] = useState<(number | undefined)[]>([]);
  const [grades, setGrades] = useState<boolean[] | null>(null);

  const handle = (event: FormEvent) => {
    event.preventDefault();
    if (locked) return;
    switch (question.type) {
      case 'single':
      case 'truefalse':
      case 'multiple':
        onSubmit(gradeChoices(question, selected));
        return;
      case 'cloze': {
        const result = gradeCloze(question, typed);
        setGrades(result);
        onSubmit(result.every(Boolean));
        return;
      }
      case 'order':
        onSubmit(gradeOrder(question, order));
        return;
      case 'match': {
        const result = gradeMatch(question, chosen);
        setGrades(result);
        onSubmit(result.every(Boolean));
        return;
      }
    }
  };

  const ready =
    question.type === 'cloze'
      ? typed.some((value) => value.trim() !== '')
      : question.type === 'match'
        ? question.pairs.every((_, index) => chosen[index] !== undefined)
        : question.type === 'order'
          ? true
          : selected.size > 0;

  let gapIndex = -1;
  return (
    <form id={formId} onSubmit={handle} className="quiz-form">
      <fieldset disabled={locked && !showAnswers ? true : undefined}>
        <Prompt html={question.prompt} fallback={question.type === 'cloze' ? '빈칸을 채우세요' : '문제'} />
        {(question.type === 'single' || question.type === 'truefalse' || question.type === 'multiple') && (
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
                      onChange={() =>
                        setSelected((current) => {
                          if (question.type !== 'multiple') return new Set([index]);
                          const next = new Set(current);
                          if (next.has(index)) next.delete(index);
                          else next.add(index);
                          return next;
                        })
                      }
                    />
                    <span dangerouslySetInnerHTML={{ __html: choice.html }} />
                    {showAnswers && <ChoiceMark correct={choice.correct} checked={checked} type={question.type} />}
                  </label>
                </li>
              );
            })}
          </ul>
        )}
        {question.type === 'cloze' &&
          question.paragraphs.map((parts, paragraphIndex) => (
            <p key={paragraphIndex} className="quiz-cloze-text">
              {parts.map((part, partIndex) => {
                if (part.kind === 'html')
                  return <span key={partIndex} dangerouslySetInnerHTML={{ __html: part.html }} />;
                gapIndex += 1;
                const index = gapIndex;
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
        {question.type === 'order' && (
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
                        aria-label={`${plain(question.items[item])} 위로`}
                      >
                        ↑
                      </button>
                      <button
                        type="button"
                        disabled={position === order.length - 1}
                        onClick={() => setOrder(move(order, position, 1))}
                        aria-label={`${plain(question.items[item])} 아래로`}
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
        )}
        {question.type === 'order' && showAnswers && order.some((item, position) => item !== position) && (
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
        {question.type === 'match' && (
          <dl className="quiz-match-list">
            {question.pairs.map((pair, index) => {
              const choice = chosen[index];
              const chosenMeaning = choice === undefined ? undefined : plain(question.pairs[choice]?.meaning);
              return (
                <div key={index} className={grades ? (grades[index] ? 'is-correct' : 'is-incorrect') : ''}>
                  <dt dangerouslySetInnerHTML={{ __html: pair.term }} />
                  <dd>
                    {/* A select cuts a long meaning off; once answered, the choice is shown whole. */}
                    {showAnswers ? (
                      <span className="quiz-match-chosen">{chosenMeaning ?? '고르지 않음'}</span>
                    ) : (
                      <select
                        aria-label={`${plain(pair.term)}의 짝`}
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
                            {plain(question.pairs[meaning]?.meaning)}
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
                      <span className="quiz-mark">정답: {plain(pair.meaning)}</span>
                    )}
                  </dd>
                </div>
              );
            })}
          </dl>
        )}
      </fieldset>
      {!locked && (
        <button type="submit" className="button-primary quiz-submit" disabled={!ready}>
          답 확인
        </button>
      )}
    </form>
  );
}

function Flashcard({
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
  // Worked out when the back is shown: "다시 · 1분 후", "알맞음 · 3일 후".
  const preview = useMemo(() => {
    const now = new Date();
    return revealed ? { now, due: previewDue(card, now) } : undefined;
  }, [revealed, card]);
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

function move(order: number[], position: number, by: -1 | 1): number[] {
  const next = [...order];
  const target = position + by;
  [next[position], next[target]] = [next[target] as number, next[position] as number];
  return next;
}

/** Text of a small HTML fragment (for labels and `<option>`s, which take no markup). */
function plain(html: string | undefined): string {
  return (html ?? '')
    .replace(/<[^>]+>/g, '')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&#x27;/g, "'")
    .replace(/&amp;/g, '&');
}

type ChoiceType = 'single' | 'multiple' | 'truefalse';

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
