import { Link } from 'react-router';
import { notePath } from '../../shared/routes.ts';
import { formatDue } from '../quiz/formatDue.ts';
import type { StudyPlan } from './studyPlan.ts';

/** How many new questions "새 문제 더 풀기" adds past the daily limit. */
const EXTRA_NEW = 10;

/** "0:42", "12:05", "1:02:03": the time left until a question falls due, for the live countdown. */
export function countdown(ms: number): string {
  const total = Math.max(0, Math.ceil(ms / 1000));
  const hours = Math.floor(total / 3600);
  const minutes = Math.floor((total % 3600) / 60);
  const seconds = String(total % 60).padStart(2, '0');
  return hours > 0 ? `${hours}:${String(minutes).padStart(2, '0')}:${seconds}` : `${minutes}:${seconds}`;
}

export interface ReviewNextStepsProps {
  plan: StudyPlan;
  /** When the next question of this session's scope falls due (ms since the epoch), if any does. */
  upcomingAt: number | undefined;
  /** The session's clock, ticking each second while the countdown shows. */
  now: Date;
  /** Questions never answered that today's limit left out (the due queue's only). */
  moreNew: readonly string[];
  newPerDay: number;
  onAddNew: (ids: string[]) => void;
  /** The first note, in reading order, with questions never answered. */
  nextNote: { slug: string; title: string } | undefined;
}

/**
 * The end of a review session, under its summary: when the next question falls
 * due (live, with a countdown in its last hour), and what to do meanwhile.
 */
export function ReviewNextSteps({
  plan,
  upcomingAt,
  now,
  moreNew,
  newPerDay,
  onAddNew,
  nextNote,
}: ReviewNextStepsProps) {
  return (
    <>
      {upcomingAt !== undefined ? (
        <p className="practice-next-due">
          다음 복습은 {formatDue(new Date(upcomingAt), now)}입니다
          {upcomingAt - now.getTime() < 3_600_000 && (
            // Read out as it changes would be noise: the countdown is for the eye.
            <span aria-hidden="true"> ({countdown(upcomingAt - now.getTime())} 남음)</span>
          )}
          . 그때가 되면 이 페이지에 바로 나타납니다.
        </p>
      ) : plan.kind === 'due' ? (
        <p>지금 예정된 복습이 없습니다.</p>
      ) : null}
      <ul className="practice-next-actions">
        {moreNew.length > 0 && (
          <li>
            <button type="button" className="button-secondary" onClick={() => onAddNew(moreNew.slice(0, EXTRA_NEW))}>
              새 문제 {Math.min(EXTRA_NEW, moreNew.length)}개 더 풀기
            </button>{' '}
            (오늘의 새 문제 한도 {newPerDay}개에 닿았습니다. 아직 풀지 않은 문제 {moreNew.length}개)
          </li>
        )}
        {nextNote && (
          <li>
            아직 풀지 않은 문제가 있는 노트:{' '}
            <a href={`${import.meta.env.BASE_URL}${notePath(nextNote.slug).slice(1)}`}>{nextNote.title}</a>
          </li>
        )}
        {(plan.note || plan.kind !== 'due') && (
          <li>
            <Link to="/review/">{plan.kind === 'due' ? '모든 노트 복습하기' : '지금 복습할 문제 풀기'}</Link>
          </li>
        )}
        <li>
          <Link to="/study/">다른 조건으로 공부하기</Link>
        </li>
        <li>
          <Link to="/stats/">학습 기록 보기</Link>
        </li>
      </ul>
    </>
  );
}
