import { useMemo } from 'react';
import { Link, useRouteLoaderData } from 'react-router';
import type { NoteMeta } from '../../shared/note.ts';
import { notePath } from '../../shared/routes.ts';
import { statsHead } from '../../shared/pageHead.ts';
import { useDocumentHead } from '../head/useDocumentHead.ts';
import { ProgressBackup } from '../quiz/ProgressBackup.tsx';
import { ReviewHeatmap } from '../quiz/ReviewHeatmap.tsx';
import { localDay } from '../quiz/scheduler.ts';
import { EmptyStoreNotice } from '../quiz/EmptyStoreNotice.tsx';
import { dueQueue, isEmptyStore, nextDueAfter } from '../quiz/session.ts';
import { useNow } from '../quiz/useNow.ts';
import { answersOutsideNotes, reviewsPerDay, stageCounts } from '../quiz/stats.ts';
import { accuracyByNote, dueForecast, studyStreak, trueRetention } from '../quiz/answerStats.ts';
import { ForecastChart } from '../quiz/ForecastChart.tsx';
import { useRecentAnswers } from '../quiz/useRecentAnswers.ts';
import { AnkiDeckLink } from '../components/AnkiDeckLink.tsx';
import { useProgress } from '../quiz/useProgress.ts';
import { SchedulerSettings } from '../quiz/SchedulerSettings.tsx';
import { ScrollFrame } from '../components/ScrollFrame.tsx';

/** Reviews per day, retention, what falls due soon, progress per note, backup and settings. */
export function StatsPage() {
  const loaded = useRouteLoaderData('root') as NoteMeta[] | undefined;
  const notes = useMemo(() => loaded ?? [], [loaded]);
  const progress = useProgress();
  useDocumentHead(statsHead());
  const ids = useMemo(() => notes.flatMap((note) => note.questionIds), [notes]);
  // The counts follow the clock: read again when the next question falls due.
  const now = useNow(nextDueAfter(ids, progress.cards, new Date()));
  const perDay = useMemo(() => reviewsPerDay(progress.days), [progress.days]);
  // Accuracy per note over this many days; retention over the last 30 of them.
  const ACCURACY_DAYS = 90;
  const recent = useRecentAnswers(progress, now, ACCURACY_DAYS);
  const kept = useMemo(() => (recent ? trueRetention(recent, now) : null), [recent, now]);
  // Suspended questions never come up, so they are no part of what falls due (as in dueQueue).
  const forecast = useMemo(
    () =>
      dueForecast(
        ids.filter((id) => !progress.marks.get(id)?.suspended),
        progress.cards,
        now,
      ),
    [ids, progress.cards, progress.marks, now],
  );
  const streak = useMemo(() => studyStreak(progress.days, now), [progress.days, now]);
  const questionNote = useMemo(
    () => new Map(notes.flatMap((note) => note.questionIds.map((id) => [id, note.slug] as const))),
    [notes],
  );
  const accuracy = useMemo(() => (recent ? accuracyByNote(recent, questionNote) : null), [recent, questionNote]);
  const percent = (rate: number) => `${Math.round(rate * 100)}%`;
  const counts = stageCounts(ids, progress.cards);
  const removed = answersOutsideNotes(ids, progress.answersByQuestion, progress.cards);
  // The page shows once the recent answers are read too: a card's note
  // rewritten a moment later, on another number of lines, moved the cards below.
  const ready = progress.status === 'ready' && recent !== null;

  return (
    <div className="practice stats">
      <header className="practice-header">
        <h1 tabIndex={-1}>학습 기록</h1>
        <p className="practice-lead">얼마나 복습했고 얼마나 기억하는지, 언제 무엇을 다시 보게 되는지 보여 줍니다.</p>
      </header>

      {progress.problems.length > 0 && (
        <div className="practice-problems" role="alert">
          {progress.problems.map((problem) => (
            <p key={problem}>{problem}</p>
          ))}
        </div>
      )}

      {!ready ? (
        <>
          <p className="practice-status">진행 상황을 불러오는 중…</p>
          <noscript>
            <p className="practice-noscript">
              학습 기록은 이 브라우저에 저장된 진행 상황을 자바스크립트로 읽어 보여 줍니다. 자바스크립트가 꺼져 있어 이
              페이지는 비어 있습니다. 켜고 다시 열어 주세요. 노트는 자바스크립트 없이도 읽을 수 있습니다.
            </p>
          </noscript>
        </>
      ) : (
        <>
          {isEmptyStore(progress) && (
            <EmptyStoreNotice importAction={<a href="#backup-title">아래 기록 보관에서 파일 가져오기</a>} />
          )}
          <dl className="stat-cards">
            <div>
              <dt>지금 복습할 문제</dt>
              <dd>{dueQueue(ids, progress, now).length}</dd>
            </div>
            <div>
              <dt>기억률 (최근 30일)</dt>
              {kept?.repeat ? (
                <>
                  <dd>{percent(kept.repeat.rate)}</dd>
                  <dd className="stat-note">다시 본 문제에 답한 {kept.repeat.count}번 기준</dd>
                </>
              ) : kept?.first ? (
                <>
                  <dd>{percent(kept.first.rate)}</dd>
                  <dd className="stat-note">
                    처음 답한 {kept.first.count}문제의 정답률입니다. 다시 볼 때부터 기억률을 셉니다.
                  </dd>
                </>
              ) : (
                <>
                  <dd>—</dd>
                  <dd className="stat-note">최근 30일에 답한 문제가 없습니다.</dd>
                </>
              )}
            </div>
            <div>
              <dt>연속 학습</dt>
              <dd>{streak.current}일</dd>
              <dd className="stat-note">
                {streak.current > 0 && !streak.answeredToday ? '오늘 풀면 이어집니다. ' : ''}가장 길게 {streak.longest}
                일
              </dd>
            </div>
            <div>
              <dt>30일 안에 복습</dt>
              <dd>{forecast.reduce((sum, day) => sum + day.count, 0)}</dd>
            </div>
          </dl>

          <section className="stats-section" aria-labelledby="forecast-title">
            <h2 id="forecast-title">앞으로 30일 복습 예보</h2>
            <ForecastChart days={forecast} />
            <p>오늘 막대에는 밀린 문제도 들어 있습니다. 하루 최대 복습 수를 넘는 문제는 다음 날로 넘어갑니다.</p>
          </section>

          <section className="stats-section" aria-labelledby="heatmap-title">
            <h2 id="heatmap-title">날짜별 복습</h2>
            <ReviewHeatmap perDay={perDay} now={now} />
            <p>
              오늘 {perDay.get(localDay(now)) ?? 0}번 · 모두 {progress.answerCount}번 답했습니다.
              {removed.answers > 0 &&
                ` 그중 ${removed.answers}번은 지금 노트에 없는 문제(${removed.questions}개)에 답한 기록입니다. 지우지 않고 보관하며, 그 문제가 노트에 돌아오면 이어서 복습합니다.`}
            </p>
          </section>

          <section className="stats-section" aria-labelledby="notes-progress-title">
            <h2 id="notes-progress-title">노트별 진행</h2>
            <p>
              전체 {ids.length}문제: 새 문제 {counts.new} · 학습 중 {counts.learning} · 기억함 {counts.remembered}
              {removed.questions > 0 && ` (노트에서 빠진 문제 ${removed.questions}개의 진행 상황도 보관되어 있습니다)`}
            </p>
            <ScrollFrame className="table-scroll" label="표: 노트별 진행">
              <table className="stats-table">
                <thead>
                  <tr>
                    <th scope="col">노트</th>
                    <th scope="col">새 문제</th>
                    <th scope="col">학습 중</th>
                    <th scope="col">기억함</th>
                    <th scope="col">정답률 (최근 {ACCURACY_DAYS}일)</th>
                    <th scope="col">연습</th>
                  </tr>
                </thead>
                <tbody>
                  {notes.map((note) => {
                    const noteCounts = stageCounts(note.questionIds, progress.cards);
                    return (
                      <tr key={note.slug}>
                        <th scope="row">
                          <Link to={notePath(note.slug)}>{note.title}</Link>
                        </th>
                        <td>{noteCounts.new}</td>
                        <td>{noteCounts.learning}</td>
                        <td>{noteCounts.remembered}</td>
                        <td>
                          {(() => {
                            const share = accuracy?.get(note.slug);
                            if (!accuracy) return '…';
                            return share ? `${percent(share.rate)} (${share.count}번)` : '—';
                          })()}
                        </td>
                        <td>
                          <Link to={`/review/?note=${note.slug}`} aria-label={`${note.title} 문제 풀기`}>
                            풀기
                          </Link>
                        </td>
                      </tr>
                    );
                  })}
                </tbody>
              </table>
            </ScrollFrame>
          </section>

          <section className="stats-section" aria-labelledby="settings-title">
            <h2 id="settings-title">설정</h2>
            <SchedulerSettings settings={progress.settings} />
          </section>

          <section className="stats-section anki-decks" aria-labelledby="anki-title">
            <h2 id="anki-title">Anki로 가져가기</h2>
            <p>
              이 사이트의 문제를 Anki 덱(.apkg)으로 내려받아 Anki에서 복습할 수 있습니다. 내용이 바뀐 뒤 다시 가져오면
              카드가 늘어나지 않고 바뀐 카드만 고쳐집니다. 여기서 푼 기록은 옮겨지지 않습니다.
            </p>
            <p>
              <AnkiDeckLink className="button-secondary" />
            </p>
            <ul>
              {notes.map((note) => (
                <li key={note.slug}>
                  <AnkiDeckLink slug={note.slug}>{note.title}</AnkiDeckLink>
                </li>
              ))}
            </ul>
          </section>

          <ProgressBackup progress={progress} questionIds={ids} />
        </>
      )}
    </div>
  );
}

export default StatsPage;
