import { Link } from 'react-router';
import type { QuizQuestion } from '../../shared/quiz.ts';
import { formatDue } from '../quiz/formatDue.ts';
import type { Card } from '../quiz/scheduler.ts';
import { questionText, sectionHref } from './questionText.ts';
import { formatDuration, summarizeSession, type SessionAnswer } from './sessionResults.ts';
import { studySearch, type StudyPlan } from './studyPlan.ts';

/**
 * The end of a session: score or accuracy, time spent, the questions missed
 * with the sections that teach them, when they come back, and "retry the
 * missed ones" (as practice: they were just rescheduled).
 */
export function SessionSummaryView({
  answers,
  startedAt,
  endedAt,
  plan,
  questions,
  noteTitles,
  cards,
  upcoming,
}: {
  answers: readonly SessionAnswer[];
  startedAt: number;
  endedAt: number;
  plan: StudyPlan;
  questions: ReadonlyMap<string, QuizQuestion>;
  noteTitles: Readonly<Record<string, string>>;
  cards: ReadonlyMap<string, Card>;
  /** The soonest due question of all (for "when the next ones are due"). */
  upcoming: Date | undefined;
}) {
  const now = new Date();
  const summary = summarizeSession(answers, startedAt, endedAt, plan.record ? cards : new Map(), now);
  const percent = summary.accuracy === null ? '–' : `${Math.round(summary.accuracy * 100)}%`;
  const missed = summary.missed.flatMap((id) => {
    const question = questions.get(id);
    return question ? [question] : [];
  });
  const nextDue = summary.nextDue ?? upcoming ?? null;
  return (
    <section className="session-summary" aria-labelledby="session-summary-title">
      <h2 id="session-summary-title" tabIndex={-1}>
        {plan.kind === 'test'
          ? `점수: ${summary.answered}문제 중 ${summary.right}문제 (${percent})`
          : `${summary.answered}문제를 풀었습니다.`}
      </h2>
      <dl className="stat-cards session-figures">
        <div>
          <dt>정답률</dt>
          <dd>{percent}</dd>
        </div>
        <div>
          <dt>걸린 시간</dt>
          <dd>{formatDuration(summary.elapsedMs)}</dd>
        </div>
        <div>
          <dt>다음 복습</dt>
          <dd>{nextDue ? formatDue(nextDue, now) : '없음'}</dd>
        </div>
      </dl>
      <p>
        {plan.record
          ? summary.dueWithinDay > 0
            ? `이번에 푼 문제 중 ${summary.dueWithinDay}개는 하루 안에 다시 나옵니다.`
            : '이번에 푼 문제는 모두 내일 이후에 다시 나옵니다.'
          : '연습으로 풀어서 답은 기록되지 않았고 복습 일정도 그대로입니다.'}
      </p>
      {missed.length > 0 ? (
        <>
          <h3>틀린 문제 {missed.length}개</h3>
          <ul className="session-missed">
            {missed.map((question) => {
              const card = plan.record ? cards.get(question.id) : undefined;
              return (
                <li key={question.id}>
                  <span className="session-missed-text">{questionText(question)}</span>
                  <span className="session-missed-meta">
                    <a href={sectionHref(question)}>
                      {noteTitles[question.noteSlug]}
                      {question.section ? ` · ${question.section.title}` : ''}
                    </a>
                    {card && <> · 다음 복습 {formatDue(card.due, now)}</>}
                  </span>
                </li>
              );
            })}
          </ul>
          <p className="practice-actions">
            <Link
              className="button-primary"
              to={`/review/${studySearch({ kind: 'retry', ids: missed.map((question) => question.id) })}`}
            >
              틀린 문제 다시 풀기
            </Link>
            <Link className="button-secondary" to="/study/">
              골라서 공부하기
            </Link>
          </p>
        </>
      ) : (
        <p className="practice-actions">
          <span>틀린 문제가 없습니다.</span>
          <Link className="button-secondary" to="/study/">
            골라서 공부하기
          </Link>
        </p>
      )}
    </section>
  );
}
