import { useEffect, useMemo, useRef, useState } from 'react';
import { Link, useLoaderData, useLocation, type LoaderFunctionArgs } from 'react-router';
import { isTermCardId, termFlashcard, withTermCards } from '../../shared/glossary.ts';
import type { QuizQuestion } from '../../shared/quiz.ts';
import { notePath } from '../../shared/routes.ts';
import { reviewHead } from '../../shared/pageHead.ts';
import { useDocumentHead } from '../head/useDocumentHead.ts';
import { answerQuestion, undoAnswer, type AnswerRecord } from '../quiz/answerQuestion.ts';
import { formatDue } from '../quiz/formatDue.ts';
import { EmptyStoreNotice } from '../quiz/EmptyStoreNotice.tsx';
import { MemoryModeNotice } from '../quiz/MemoryModeNotice.tsx';
import { QuestionView } from '../quiz/QuestionView.tsx';
import { State } from '../quiz/scheduler.ts';
import { hasUnexportedProgress, isEmptyStore, nextDueAfter } from '../quiz/session.ts';
import { useHydrated, useNow } from '../quiz/useNow.ts';
import { getProgressStore, useProgress } from '../quiz/useProgress.ts';
import type { AnswerSummary } from '../storage/progressStore.ts';
import { ReviewNextSteps } from '../study/ReviewNextSteps.tsx';
import { SessionSummaryView } from '../study/SessionSummaryView.tsx';
import type { SessionAnswer } from '../study/sessionResults.ts';
import {
  buildStudyQueue,
  describePlan,
  fallenDue,
  inScope,
  needsSummary,
  parseStudyPlan,
  returningIds,
  type StudyPlan,
} from '../study/studyPlan.ts';
import { useReviewKeys } from '../study/useReviewKeys.ts';

interface ReviewData {
  /** Every question: the page filters by `note` itself, once hydrated (see `ReviewPage`). */
  questions: QuizQuestion[];
  /** Every term as a flashcard (`term:<id>`); in the queue only when the learner has switched them on. */
  termCards: QuizQuestion[];
  noteTitles: Record<string, string>;
  /** What to study, from the query (`study/studyPlan.ts`); `?note=<slug>` alone is "practise this note". */
  plan: StudyPlan;
}

/** What the prerendered page shows: the plain due queue of every note. */
const PRERENDERED_PLAN = parseStudyPlan(new URLSearchParams(), new Set(), () => new Set());

/** Loads every question (its own chunk, only for this page). */
export async function reviewLoader({ request }: LoaderFunctionArgs): Promise<ReviewData> {
  const [{ questions, noteTitles }, { glossaryGroups }] = await Promise.all([
    import('virtual:study-notes/questions'),
    import('virtual:study-notes/glossary'),
  ]);
  const plan = parseStudyPlan(
    new URL(request.url).searchParams,
    new Set(Object.keys(noteTitles)),
    (note) =>
      new Set(
        questions.flatMap((question) => (question.noteSlug === note && question.section ? [question.section.id] : [])),
      ),
  );
  const termCards = glossaryGroups.flatMap((group) => group.entries).map(termFlashcard);
  return { questions, termCards, noteTitles, plan };
}

/**
 * A review session: due questions across all notes (or one note), or what
 * the learner chose (`study/studyPlan.ts`), one at a time, scheduled with
 * FSRS; a summary at the end. Keys: Space/Enter reveal or submit and go on,
 * 1–9 pick a choice, 1–4 grade a flashcard, Z undoes the last answer.
 */
export function ReviewPage() {
  // A new query (another plan, "retry the missed ones") is a new session, not the old one's state.
  const { search } = useLocation();
  return <ReviewSession key={search} />;
}

function ReviewSession() {
  const { questions, termCards, noteTitles, plan: asked } = useLoaderData() as ReviewData;
  // GitHub Pages serves /review/'s HTML, prerendered for the plain due queue, whatever
  // the query: hydrate what it shows, then apply the query (else React error #418).
  const hydrated = useHydrated();
  const plan = hydrated ? asked : PRERENDERED_PLAN;
  const note = plan.note;
  const progress = useProgress();
  const sectionTitle = plan.section
    ? questions.find((question) => question.section?.id === plan.section && question.noteSlug === note)?.section?.title
    : undefined;
  const scope = note ? `${noteTitles[note]}${sectionTitle ? ` · ${sectionTitle}` : ''}` : null;
  const described = describePlan(plan, scope);
  const title = described.title;
  useDocumentHead(reviewHead(plan.kind === 'due' ? (note ? noteTitles[note] : undefined) : title));

  const byId = useMemo(
    () => new Map([...questions, ...termCards].map((question) => [question.id, question])),
    [questions, termCards],
  );
  // Last grade and last wrong answer per question, read from every answer only for "the ones I got wrong".
  const [summary, setSummary] = useState<ReadonlyMap<string, AnswerSummary> | null>(null);
  useEffect(() => {
    if (!needsSummary(plan)) return;
    let active = true;
    void getProgressStore()
      .then((store) => store.readAnswerSummary())
      .then((read) => active && setSummary(read));
    return () => {
      active = false;
    };
  }, [plan]);
  // This session's answers, for the summary at the end, and when its first question showed.
  const [answers, setAnswers] = useState<SessionAnswer[]>([]);
  const [startedAt, setStartedAt] = useState(0);
  const [endedAt, setEndedAt] = useState(0);
  // The queue is fixed when the session starts, so answering does not reshuffle it.
  const [queue, setQueue] = useState<string[] | null>(null);
  const [position, setPosition] = useState(0);
  const [answered, setAnswered] = useState(false);
  const [history, setHistory] = useState<{ position: number; record: AnswerRecord | null }[]>([]);
  const [attempt, setAttempt] = useState(0);
  const [notice, setNotice] = useState('');
  const panel = useRef<HTMLDivElement>(null);

  if (hydrated && progress.status === 'ready' && queue === null && (summary !== null || !needsSummary(plan))) {
    // Set once, while rendering, as soon as stored progress is known.
    const now = new Date();
    // Term flashcards join the plan's questions when the learner has switched them on (on /glossary/),
    // spread among them so new terms come a few a day instead of after every question.
    const studied =
      progress.settings.studyTerms === true
        ? withTermCards(
            inScope(questions, plan).map((question) => question.id),
            inScope(termCards, plan).map((card) => card.id),
          ).map((id) => byId.get(id) as QuizQuestion)
        : questions;
    setQueue(buildStudyQueue(plan, studied, progress, now, summary));
    setStartedAt(now.getTime());
  }

  const current = queue && position < queue.length ? byId.get(queue[position] as string) : undefined;
  const ahead = useMemo(() => new Set(queue?.slice(position)), [queue, position]);
  // A test of 3 questions must not grow by every question due elsewhere (`returningIds`).
  const returning = useMemo(() => returningIds(plan, [...byId.keys()], queue), [plan, byId, queue]);
  /** When the next of those, not already ahead in the queue, falls due. */
  const upcomingAt = useMemo(
    () =>
      nextDueAfter(
        returning.filter((id) => !ahead.has(id)),
        progress.cards,
        new Date(),
      ),
    // `answered` too: an answer moves the card's due date.
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [returning, ahead, progress.cards, answered],
  );
  // The clock: each second while the empty queue counts down, else at the next due time.
  const now = useNow(upcomingAt, current ? 60_000 : 1000);
  // Questions of the session that fell due since it began join its end (`fallenDue`).
  const fallen = useMemo(
    () => (queue === null || progress.status !== 'ready' ? [] : fallenDue(returning, ahead, progress, now, startedAt)),
    [queue, progress, returning, now, ahead, startedAt],
  );
  if (queue !== null && fallen.length > 0) setQueue([...queue, ...fallen]);

  /** Questions never answered that today's limit left out, for "새 문제 더 풀기" (the due queue's). */
  const moreNew = useMemo(
    () =>
      queue === null || plan.kind !== 'due'
        ? []
        : [...byId.keys()].filter((id) => {
            const card = progress.cards.get(id);
            return (!card || card.state === State.New) && !isTermCardId(id) && !queue.includes(id);
          }),
    [queue, plan.kind, byId, progress.cards],
  );
  /** The first note (in reading order) with questions never answered: where to go next. */
  const nextNote = useMemo(() => {
    const slug = questions.find((question) => !progress.cards.has(question.id))?.noteSlug;
    return slug ? { slug, title: noteTitles[slug] ?? slug } : undefined;
  }, [questions, progress.cards, noteTitles]);

  const next = () => {
    setAnswered(false);
    setPosition((value) => value + 1);
    setNotice('');
  };

  const undo = async () => {
    const last = history.at(-1);
    if (!last) return;
    if (last.record) await undoAnswer(await getProgressStore(), last.record);
    setHistory((items) => items.slice(0, -1));
    setAnswers((items) => items.slice(0, -1));
    setPosition(last.position);
    setAnswered(false);
    setAttempt((value) => value + 1);
    setNotice('마지막 답을 되돌렸습니다. 다시 풀어 보세요.');
  };

  useReviewKeys({ panel, answered, next, undo: () => void undo(), say: setNotice });

  // A new question takes focus, so Tab goes straight into it and screen
  // readers start reading it.
  const questionArea = useRef<HTMLDivElement>(null);
  const started = useRef(false);
  useEffect(() => {
    if (!current) return;
    if (!started.current) {
      started.current = true;
      return;
    }
    questionArea.current?.focus({ preventScroll: false });
  }, [current, attempt]);

  // After an answer, focus "next" so Enter/Space continues even for screen reader users.
  const nextButton = useRef<HTMLButtonElement>(null);
  useEffect(() => {
    if (answered) nextButton.current?.focus({ preventScroll: true });
  }, [answered]);

  const upcoming = useMemo(() => {
    let soonest: Date | undefined;
    for (const id of byId.keys()) {
      if (progress.marks.get(id)?.suspended) continue;
      if (isTermCardId(id) && progress.settings.studyTerms !== true) continue;
      const card = progress.cards.get(id);
      if (card && (!soonest || card.due < soonest)) soonest = card.due;
    }
    return soonest;
  }, [progress.cards, progress.marks, progress.settings.studyTerms, byId]);

  return (
    <div className="practice">
      <header className="practice-header">
        <h1 tabIndex={-1}>{title}</h1>
        <p className="practice-lead">
          {plan.kind === 'due' && note ? (
            <>
              <Link to={notePath(note)}>{noteTitles[note]}</Link>의 문제만 풉니다.{' '}
              <Link to="/review/">모든 노트 복습하기</Link>
            </>
          ) : plan.kind === 'due' ? (
            '모든 노트에서 지금 복습할 문제와 오늘의 새 문제를 차례로 풉니다.'
          ) : (
            described.lead
          )}{' '}
          <Link to="/study/">골라서 공부하기</Link> · <Link to="/stats/#settings-title">복습 설정</Link>
        </p>
        {plan.kind !== 'due' && <p className="practice-schedule">{described.schedule}</p>}
        {/* The line is there from the first paint, so the counter arriving moves nothing. */}
        <p className="practice-progress" aria-live="polite">
          {queue && queue.length > 0 ? `${Math.min(position + 1, queue.length)} / ${queue.length}` : '\u00a0'}
        </p>
      </header>

      {/* Above the question, whose height varies: below it, the hint would move with every question. */}
      <p className="practice-keys">
        단축키: <kbd>Space</kbd>/<kbd>Enter</kbd> 답 보기·확인·다음, <kbd>1</kbd>–<kbd>9</kbd> 보기 고르기, <kbd>1</kbd>
        –<kbd>4</kbd> 플래시카드 채점, <kbd>Z</kbd> 되돌리기
      </p>
      {progress.status === 'ready' && progress.mode === 'memory' ? (
        <MemoryModeNotice progress={progress} />
      ) : (
        progress.problems.length > 0 && (
          <div className="practice-problems" role="alert">
            {progress.problems.map((problem) => (
              <p key={problem}>{problem}</p>
            ))}
            <p>
              <Link to="/stats/">학습 기록에서 백업 받기</Link>
            </p>
          </div>
        )
      )}

      <div ref={panel} className={`practice-panel${plan.record ? '' : ' is-practice'}`}>
        {progress.status === 'loading' || queue === null ? (
          <>
            <p className="practice-status">진행 상황을 불러오는 중…</p>
            <noscript>
              <p className="practice-noscript">
                복습은 이 브라우저에 저장된 진행 상황을 자바스크립트로 읽고 문제를 채점합니다. 자바스크립트가 꺼져 있어
                이 페이지는 동작하지 않습니다. 켜고 다시 열어 주세요. 노트와 노트 안의 문제 글은 자바스크립트 없이도
                읽을 수 있습니다.
              </p>
            </noscript>
          </>
        ) : current ? (
          <>
            <p className="practice-source">
              {noteTitles[current.noteSlug]}
              {current.section && ` · ${current.section.title}`}
            </p>
            <div
              ref={questionArea}
              tabIndex={-1}
              className="practice-question"
              role="group"
              aria-label={`문제 ${position + 1} / ${queue.length}`}
            >
              <QuestionView
                key={`${current.id}-${attempt}`}
                question={current}
                card={progress.cards.get(current.id)}
                onAnswer={async (rating, correct) => {
                  // A test or retry taken as practice stores nothing and leaves the schedule alone.
                  const record = plan.record
                    ? await answerQuestion(await getProgressStore(), current.id, rating, new Date())
                    : null;
                  setHistory((items) => [...items, { position, record }]);
                  setAnswers((items) => [...items, { questionId: current.id, rating, correct }]);
                  setEndedAt(Date.now());
                  setAnswered(true);
                  setNotice('');
                }}
                footer={
                  plan.record &&
                  progress.cards.get(current.id) && (
                    <p className="quiz-next">
                      다음 복습: {formatDue(progress.cards.get(current.id)!.due, new Date())}
                      {/* Never as if saved: the notice above says why, once. */}
                      {progress.mode === 'memory' && ' · 저장되지 않음'}
                    </p>
                  )
                }
              />
            </div>
            <div className="practice-actions">
              {answered && (
                <button ref={nextButton} type="button" className="button-primary" onClick={next}>
                  {position + 1 < queue.length ? '다음 문제' : '마치기'} <kbd>Enter</kbd>
                </button>
              )}
              {history.length > 0 && (
                <button type="button" className="button-secondary" onClick={() => void undo()}>
                  되돌리기 <kbd>Z</kbd>
                </button>
              )}
            </div>
          </>
        ) : (
          <div className="practice-done">
            {answers.length > 0 ? (
              <SessionSummaryView
                answers={answers}
                startedAt={startedAt}
                endedAt={endedAt}
                plan={plan}
                questions={byId}
                noteTitles={noteTitles}
                cards={progress.cards}
                upcoming={upcoming}
              />
            ) : (
              <h2>{plan.kind === 'due' ? '지금 복습할 문제가 없습니다.' : '이 조건에 맞는 문제가 없습니다.'}</h2>
            )}
            {/* After the summary too: what comes next, live, and what to do meanwhile. */}
            <ReviewNextSteps
              plan={plan}
              upcomingAt={upcomingAt}
              now={now}
              moreNew={moreNew}
              newPerDay={progress.settings.newPerDay}
              onAddNew={(ids) => setQueue([...(queue ?? []), ...ids])}
              nextNote={nextNote}
            />
            {hasUnexportedProgress(progress) && (
              <p className="practice-reminder">
                아직 내보내지 않은 기록이 있습니다. 브라우저가 저장소를 지우면 사라질 수 있으니{' '}
                <Link to="/stats/">학습 기록</Link>에서 파일로 내보내 두세요.
              </p>
            )}
            {history.length > 0 && (
              <p>
                <button type="button" className="button-secondary" onClick={() => void undo()}>
                  마지막 답 되돌리기 <kbd>Z</kbd>
                </button>
              </p>
            )}
          </div>
        )}
        {/* Below the question: it is known only once storage is read, and above it would push the question down. */}
        {isEmptyStore(progress) && history.length === 0 && (
          <EmptyStoreNotice importAction={<Link to="/stats/#backup-title">학습 기록 페이지에서 파일 가져오기</Link>} />
        )}
      </div>
      <p className="practice-notice" role="status">
        {notice}
      </p>
    </div>
  );
}

export default ReviewPage;
