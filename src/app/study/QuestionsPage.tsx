import { useDeferredValue, useEffect, useMemo, useState } from 'react';
import { Link, useLoaderData, type LoaderFunctionArgs } from 'react-router';
import { questionTypeLabels, type QuizQuestion } from '../../shared/quiz.ts';
import { questionsHead } from '../../shared/pageHead.ts';
import { useDocumentHead } from '../head/useDocumentHead.ts';
import { formatDue } from '../quiz/formatDue.ts';
import { getProgressStore, useProgress } from '../quiz/useProgress.ts';
import type { AnswerSummary } from '../storage/progressStore.ts';
import { NoteOptions } from './NoteOptions.tsx';
import { QuestionDetails } from './QuestionDetails.tsx';
import {
  buildRows,
  cardStateLabels,
  emptyFilter,
  filterRows,
  sortRows,
  type DueFilter,
  type QuestionRow,
  type RowFilter,
  type RowSort,
  type StateFilter,
} from './questionRows.ts';
import { questionText } from './questionText.ts';
import { resultLabel } from './resultLabel.ts';
import { studySearch } from './studyPlan.ts';

interface QuestionsData {
  questions: QuizQuestion[];
  noteTitles: Record<string, string>;
  /** Filters given in the address (`?note=…&state=…&wrong=7`), so a list can be linked. */
  initial: RowFilter & { sort: RowSort };
}

const STATE_FILTERS: readonly StateFilter[] = ['', 'new', 'learning', 'review', 'relearning', 'suspended', 'flagged'];
const DUE_FILTERS: readonly DueFilter[] = ['', 'now', 'today', 'week', 'later', 'none'];
const SORTS: readonly RowSort[] = ['note', 'due', 'last', 'wrong', 'answers', 'lapses'];

/** Every question (the same chunk as the review page), and the filters of the address. */
export async function questionsLoader({ request }: LoaderFunctionArgs): Promise<QuestionsData> {
  const { questions, noteTitles } = await import('virtual:study-notes/questions');
  const params = new URL(request.url).searchParams;
  const pick = <T extends string>(value: string | null, allowed: readonly T[]): T =>
    allowed.includes(value as T) ? (value as T) : (allowed[0] as T);
  const note = params.get('note') ?? '';
  const wrong = Number(params.get('wrong'));
  return {
    questions,
    noteTitles,
    initial: {
      ...emptyFilter,
      note: Object.hasOwn(noteTitles, note) ? note : '',
      state: pick(params.get('state'), STATE_FILTERS),
      due: pick(params.get('due'), DUE_FILTERS),
      wrongDays: Number.isInteger(wrong) && wrong > 0 ? Math.min(wrong, 365) : 0,
      sort: pick(params.get('sort'), SORTS),
    },
  };
}

const stateFilterLabels: Record<StateFilter, string> = {
  '': '모든 상태',
  ...cardStateLabels,
  suspended: '보류한 문제',
  flagged: '표시한 문제',
};
const dueFilterLabels: Record<DueFilter, string> = {
  '': '언제든',
  now: '지금 복습할 때',
  today: '오늘 안에',
  week: '7일 안에',
  later: '7일 뒤',
  none: '아직 안 푼 문제',
};
const sortLabels: Record<RowSort, string> = {
  note: '노트 순서',
  due: '다음 복습이 가까운 순',
  last: '최근에 푼 순',
  wrong: '최근에 틀린 순',
  answers: '많이 푼 순',
  lapses: '많이 잊은 순',
};

/** Rows shown at first and added by "더 보기": 10,000 rows at once would take seconds to lay out. */
const PAGE = 100;

/**
 * The question browser (`/questions/`): every question with its note and
 * section, type, state, due date, last result, answers and lapses; filters
 * and sorting; a question's details and history, where it is suspended,
 * flagged or reset.
 */
export function QuestionsPage() {
  const { questions, noteTitles, initial } = useLoaderData() as QuestionsData;
  useDocumentHead(questionsHead());
  const progress = useProgress();
  const [summary, setSummary] = useState<ReadonlyMap<string, AnswerSummary> | null>(null);
  const [filter, setFilter] = useState<RowFilter>(initial);
  const [sort, setSort] = useState<RowSort>(initial.sort);
  const [shown, setShown] = useState(PAGE);
  const [openId, setOpenId] = useState<string | null>(null);
  const [now] = useState(() => new Date());

  // The last result of each question lives only in the answers: read them once, and again after a change.
  const { answerCount, lastChangeAt } = progress;
  useEffect(() => {
    if (progress.status !== 'ready') return;
    let active = true;
    void getProgressStore()
      .then((store) => store.readAnswerSummary())
      .then((read) => active && setSummary(read));
    return () => {
      active = false;
    };
  }, [progress.status, answerCount, lastChangeAt]);

  const ready = progress.status === 'ready' && summary !== null;
  const rows = useMemo(
    () => (ready ? buildRows(questions, progress, summary) : []),
    [ready, questions, progress, summary],
  );
  // Typing in the search box stays quick: the list follows a moment later.
  const deferredFilter = useDeferredValue(filter);
  // Each question's searchable text, made once the learner first searches.
  const searching = deferredFilter.text.trim() !== '';
  const texts = useMemo(
    () =>
      searching
        ? new Map(
            questions.map((question) => [
              question.id,
              [questionText(question, 10_000), noteTitles[question.noteSlug], question.section?.title, question.id]
                .join(' ')
                .toLowerCase(),
            ]),
          )
        : null,
    [searching, questions, noteTitles],
  );
  const visible = useMemo(
    () =>
      sortRows(
        filterRows(rows, deferredFilter, now, (row) => texts?.get(row.question.id) ?? ''),
        sort,
      ),
    [rows, deferredFilter, sort, now, texts],
  );

  useEffect(() => {
    if (ready) performance.mark('questions-ready');
  }, [ready]);

  const update = (patch: Partial<RowFilter>) => {
    setFilter((current) => ({ ...current, ...patch }));
    setShown(PAGE);
  };
  const notes = useMemo(() => [...new Set(questions.map((question) => question.noteSlug))], [questions]);
  const open = openId ? rows.find((row) => row.question.id === openId) : undefined;
  const studyLink = studyLinkFor(filter);

  return (
    <div className="practice questions-page" data-state={ready ? 'ready' : 'loading'}>
      <header className="practice-header">
        <h1 tabIndex={-1}>문제 목록</h1>
        <p className="practice-lead">
          노트에 있는 모든 확인 문제입니다. 문제를 열면 답한 기록을 보고, 보류(복습에 나오지 않음)·표시·초기화를 할 수
          있습니다. <Link to="/study/">골라서 공부하기</Link>
        </p>
      </header>

      <form
        className="question-filters"
        role="search"
        aria-label="문제 찾기"
        onSubmit={(event) => event.preventDefault()}
      >
        <label className="question-filter question-filter-text">
          <span>찾기</span>
          <input
            type="search"
            value={filter.text}
            placeholder="문제, 노트, 절 이름"
            onChange={(event) => update({ text: event.target.value })}
          />
        </label>
        <label className="question-filter">
          <span>노트</span>
          <select value={filter.note} onChange={(event) => update({ note: event.target.value })}>
            <NoteOptions notes={notes} titles={noteTitles} />
          </select>
        </label>
        <label className="question-filter">
          <span>상태</span>
          <select value={filter.state} onChange={(event) => update({ state: event.target.value as StateFilter })}>
            {STATE_FILTERS.map((value) => (
              <option key={value} value={value}>
                {stateFilterLabels[value]}
              </option>
            ))}
          </select>
        </label>
        <label className="question-filter">
          <span>다음 복습</span>
          <select value={filter.due} onChange={(event) => update({ due: event.target.value as DueFilter })}>
            {DUE_FILTERS.map((value) => (
              <option key={value} value={value}>
                {dueFilterLabels[value]}
              </option>
            ))}
          </select>
        </label>
        <label className="question-filter">
          <span>최근에 틀린 문제</span>
          <select
            value={String(filter.wrongDays)}
            onChange={(event) => update({ wrongDays: Number(event.target.value) })}
          >
            <option value="0">가리지 않음</option>
            {[1, 3, 7, 14, 30].map((days) => (
              <option key={days} value={days}>
                {days === 1 ? '오늘·어제' : `${days}일 안에 틀림`}
              </option>
            ))}
          </select>
        </label>
        <label className="question-filter">
          <span>정렬</span>
          <select value={sort} onChange={(event) => setSort(event.target.value as RowSort)}>
            {SORTS.map((value) => (
              <option key={value} value={value}>
                {sortLabels[value]}
              </option>
            ))}
          </select>
        </label>
      </form>

      {progress.problems.length > 0 && (
        <div className="practice-problems" role="alert">
          {progress.problems.map((problem) => (
            <p key={problem}>{problem}</p>
          ))}
        </div>
      )}

      <div className="question-count-line">
        <p className="question-count" role="status">
          {ready ? `${questions.length}문제 중 ${visible.length}문제` : '진행 상황을 불러오는 중…'}
        </p>
        {ready && studyLink && visible.length > 0 && (
          <Link className="button-secondary" to={`/review/${studyLink}`}>
            이 문제들 풀기
          </Link>
        )}
      </div>

      {ready && (
        <>
          {visible.length === 0 ? (
            <p className="practice-status">
              조건에 맞는 문제가 없습니다.{' '}
              <button type="button" className="link-button" onClick={() => update(emptyFilter)}>
                조건 지우기
              </button>
            </p>
          ) : (
            <ul className="question-list">
              {visible.slice(0, shown).map((row) => (
                <QuestionItem
                  key={row.question.id}
                  row={row}
                  noteTitle={noteTitles[row.question.noteSlug] ?? row.question.noteSlug}
                  now={now}
                  onOpen={() => setOpenId(row.question.id)}
                />
              ))}
            </ul>
          )}
          {visible.length > shown && (
            <p>
              <button type="button" className="button-secondary" onClick={() => setShown((value) => value + PAGE)}>
                {Math.min(PAGE, visible.length - shown)}문제 더 보기 ({visible.length - shown}문제 남음)
              </button>
            </p>
          )}
        </>
      )}

      {open && (
        <QuestionDetails
          row={open}
          noteTitle={noteTitles[open.question.noteSlug] ?? open.question.noteSlug}
          card={progress.cards.get(open.question.id)}
          mark={progress.marks.get(open.question.id)}
          onClose={() => setOpenId(null)}
        />
      )}
    </div>
  );
}

/** The review page's query that studies what the filter shows, when a study plan matches it. */
function studyLinkFor(filter: RowFilter): string | null {
  if (filter.text || filter.due || (filter.state && filter.state !== 'flagged' && filter.state !== 'new')) return null;
  if (filter.wrongDays > 0)
    return filter.state ? null : studySearch({ kind: 'wrong', days: filter.wrongDays, note: filter.note || null });
  if (filter.state === 'flagged') return studySearch({ kind: 'flagged', note: filter.note || null });
  if (filter.state === 'new') return studySearch({ kind: 'new', count: 500, note: filter.note || null });
  return filter.note ? studySearch({ kind: 'all', note: filter.note }) : null;
}

function QuestionItem({
  row,
  noteTitle,
  now,
  onOpen,
}: {
  row: QuestionRow;
  noteTitle: string;
  now: Date;
  onOpen: () => void;
}) {
  const { question } = row;
  return (
    <li className={`question-item${row.suspended ? ' is-suspended' : ''}`}>
      <button type="button" className="question-open" aria-haspopup="dialog" onClick={onOpen}>
        {questionText(question)}
      </button>
      <p className="question-where">
        {noteTitle}
        {question.section && ` · ${question.section.title}`}
      </p>
      <ul className="question-facts" aria-label="문제 정보">
        <li>{questionTypeLabels[question.type]}</li>
        <li className={`question-state state-${row.state}`}>{cardStateLabels[row.state]}</li>
        {row.suspended && <li className="question-badge is-suspended">보류</li>}
        {row.flagged && <li className="question-badge is-flagged">표시</li>}
        <li>다음 복습 {row.due === null ? '–' : formatDue(new Date(row.due), now)}</li>
        <li>최근 결과 {row.last ? resultLabel(question.type, row.last.lastRating) : '–'}</li>
        <li>답 {row.answers}번</li>
        <li>잊음 {row.lapses}번</li>
      </ul>
    </li>
  );
}
