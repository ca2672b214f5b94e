import { useEffect, useId, useMemo, useState, type FormEvent } from 'react';
import { Link, useLoaderData, useNavigate } from 'react-router';
import type { QuizQuestion } from '../../shared/quiz.ts';
import { studyHead } from '../../shared/pageHead.ts';
import { useDocumentHead } from '../head/useDocumentHead.ts';
import { getProgressStore, useProgress } from '../quiz/useProgress.ts';
import type { AnswerSummary } from '../storage/progressStore.ts';
import { NoteOptions } from './NoteOptions.tsx';
import { buildStudyQueue, DEFAULTS, describePlan, studySearch, type StudyKind, type StudyPlan } from './studyPlan.ts';

interface StudyData {
  questions: QuizQuestion[];
  noteTitles: Record<string, string>;
}

/** Every question (the review page's chunk): the form counts what each choice would give. */
export async function studyLoader(): Promise<StudyData> {
  const { questions, noteTitles } = await import('virtual:study-notes/questions');
  return { questions, noteTitles };
}

type Choice = Exclude<StudyKind, 'due' | 'retry'>;

const choices: { kind: Choice; label: string; hint: string }[] = [
  { kind: 'wrong', label: '최근에 틀린 문제', hint: '최근 며칠 동안 틀린 문제를 다시 풉니다.' },
  { kind: 'all', label: '한 노트나 한 절 전체', hint: '복습할 때와 관계없이 고른 범위의 문제를 모두 풉니다.' },
  { kind: 'ahead', label: '미리 복습', hint: '앞으로 며칠 안에 복습할 문제를 지금 풉니다.' },
  { kind: 'new', label: '새 문제만', hint: '아직 풀지 않은 문제만, 하루 한도와 관계없이 풉니다.' },
  { kind: 'flagged', label: '표시한 문제', hint: '문제 목록에서 표시해 둔 문제를 풉니다.' },
  { kind: 'test', label: '시험', hint: '여러 유형을 섞은 문제를 풀고 끝에 점수를 봅니다.' },
];

/**
 * "Choose what to study" (`/study/`), as Anki's custom study: the choice, its
 * number (days or questions), the note or section, and for a test whether
 * it counts; each says how many questions it gives now and whether it
 * changes the schedule. Starting opens the review page with the plan in its
 * address.
 */
export function StudyPage() {
  const { questions, noteTitles } = useLoaderData() as StudyData;
  useDocumentHead(studyHead());
  const progress = useProgress();
  const navigate = useNavigate();
  const id = useId();
  const [kind, setKind] = useState<Choice>('wrong');
  const [days, setDays] = useState<string>(String(DEFAULTS.days));
  const [aheadDays, setAheadDays] = useState<string>(String(DEFAULTS.aheadDays));
  const [count, setCount] = useState<string>(String(DEFAULTS.count));
  const [note, setNote] = useState('');
  const [section, setSection] = useState('');
  const [record, setRecord] = useState(false);
  const [problem, setProblem] = useState('');
  const [summary, setSummary] = useState<ReadonlyMap<string, AnswerSummary> | null>(null);

  useEffect(() => {
    if (progress.status !== 'ready') return;
    let active = true;
    void getProgressStore()
      .then((store) => store.readAnswerSummary())
      .then((read) => active && setSummary(read));
    return () => {
      active = false;
    };
  }, [progress.status]);

  const notes = useMemo(() => [...new Set(questions.map((question) => question.noteSlug))], [questions]);
  const sections = useMemo(() => {
    const seen = new Map<string, string>();
    for (const question of questions)
      if (question.noteSlug === note && question.section) seen.set(question.section.id, question.section.title);
    return [...seen];
  }, [questions, note]);

  const numberFor = kind === 'wrong' ? days : kind === 'ahead' ? aheadDays : count;
  const number = Number(numberFor);
  const numberValid =
    Number.isInteger(number) && number >= 1 && number <= (kind === 'new' || kind === 'test' ? 500 : 365);
  const plan: StudyPlan = {
    kind,
    days: kind === 'ahead' ? number : kind === 'wrong' ? number : DEFAULTS.days,
    count: kind === 'new' || kind === 'test' ? number : DEFAULTS.count,
    note: note || null,
    section: note && section ? section : null,
    ids: [],
    record: kind === 'test' ? record : true,
  };
  const scope = note
    ? `${noteTitles[note]}${section ? ` · ${sections.find(([sectionId]) => sectionId === section)?.[1] ?? ''}` : ''}`
    : null;
  const described = describePlan(plan, scope);
  // A test draws at random; its size is known without drawing.
  const available =
    progress.status !== 'ready' || !numberValid || (kind === 'wrong' && summary === null)
      ? null
      : buildStudyQueue(kind === 'test' ? { ...plan, kind: 'all' } : plan, questions, progress, new Date(), summary)
          .length;
  const size = available === null ? null : kind === 'test' ? Math.min(available, number) : available;

  const start = (event: FormEvent) => {
    event.preventDefault();
    if (!numberValid) {
      setProblem(
        kind === 'new' || kind === 'test'
          ? '문제 수는 1부터 500 사이의 정수로 적어 주세요.'
          : '날 수는 1부터 365 사이의 정수로 적어 주세요.',
      );
      return;
    }
    if (size === 0) {
      setProblem('이 조건에 맞는 문제가 지금은 없습니다. 날 수나 범위를 바꿔 보세요.');
      return;
    }
    setProblem('');
    void navigate(`/review/${studySearch(plan)}`);
  };

  return (
    <div className="practice study-page">
      <header className="practice-header">
        <h1 tabIndex={-1}>골라서 공부하기</h1>
        <p className="practice-lead">
          정해진 복습 말고 원하는 문제를 골라 풉니다. <Link to="/review/">오늘의 복습</Link>과{' '}
          <Link to="/questions/">문제 목록</Link>도 있습니다.
        </p>
      </header>
      <form className="study-form" onSubmit={start} noValidate>
        <fieldset className="study-choices">
          <legend>무엇을 풀까요?</legend>
          {choices.map((choice) => (
            <label key={choice.kind} className="study-choice">
              <input
                type="radio"
                name={`${id}-kind`}
                value={choice.kind}
                checked={kind === choice.kind}
                onChange={() => {
                  setKind(choice.kind);
                  setProblem('');
                }}
              />
              <strong>{choice.label}</strong>
              <span className="study-hint">{choice.hint}</span>
            </label>
          ))}
        </fieldset>

        <fieldset className="study-options">
          <legend>조건</legend>
          {kind === 'wrong' && (
            <NumberField label="며칠 안에 틀린 문제" unit="일" value={days} onChange={setDays} max={365} />
          )}
          {kind === 'ahead' && (
            <NumberField label="며칠 안에 복습할 문제" unit="일" value={aheadDays} onChange={setAheadDays} max={365} />
          )}
          {(kind === 'new' || kind === 'test') && (
            <NumberField label="문제 수" unit="문제" value={count} onChange={setCount} max={500} />
          )}
          <label className="study-field">
            <span>노트</span>
            <select
              value={note}
              onChange={(event) => {
                setNote(event.target.value);
                setSection('');
              }}
            >
              <NoteOptions notes={notes} titles={noteTitles} />
            </select>
          </label>
          <label className="study-field">
            <span>절</span>
            <select value={section} disabled={!note} onChange={(event) => setSection(event.target.value)}>
              <option value="">{note ? '노트 전체' : '노트를 먼저 고르세요'}</option>
              {sections.map(([sectionId, title]) => (
                <option key={sectionId} value={sectionId}>
                  {title}
                </option>
              ))}
            </select>
          </label>
          {kind === 'test' && (
            <label className="study-check">
              <input type="checkbox" checked={record} onChange={(event) => setRecord(event.target.checked)} />
              <span>답을 기록하고 복습 일정에 반영하기</span>
            </label>
          )}
        </fieldset>

        <div className="study-start">
          <p className="study-summary" role="status">
            {size === null
              ? progress.status === 'ready' && !numberValid
                ? '숫자를 확인해 주세요.'
                : '문제 수를 세는 중…'
              : size === 0
                ? '지금은 이 조건에 맞는 문제가 없습니다.'
                : `${size}문제를 풉니다.`}{' '}
            {described.schedule}
          </p>
          {problem && (
            <p className="quiz-error" role="alert">
              {problem}
            </p>
          )}
          <button type="submit" className="button-primary">
            시작하기
          </button>
        </div>
      </form>
    </div>
  );
}

function NumberField({
  label,
  unit,
  value,
  onChange,
  max,
}: {
  label: string;
  unit: string;
  value: string;
  onChange: (value: string) => void;
  max: number;
}) {
  const id = useId();
  return (
    <div className="study-field">
      <label htmlFor={id}>{label}</label>
      <span className="study-number">
        <input
          id={id}
          type="number"
          inputMode="numeric"
          min={1}
          max={max}
          step={1}
          value={value}
          onChange={(event) => onChange(event.target.value)}
        />
        <span aria-hidden="true">{unit}</span>
      </span>
    </div>
  );
}
