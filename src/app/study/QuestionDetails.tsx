import { useEffect, useRef, useState } from 'react';
import { Link } from 'react-router';
import { ScrollFrame } from '../components/ScrollFrame.tsx';
import { questionTypeLabels } from '../../shared/quiz.ts';
import { formatDue } from '../quiz/formatDue.ts';
import { formatWhen } from './formatWhen.ts';
import type { Card } from '../quiz/scheduler.ts';
import { getProgressStore } from '../quiz/useProgress.ts';
import type { QuestionMark } from '../storage/progressStore.ts';
import { historyEntries, intervalText, type HistoryEntry } from './questionHistory.ts';
import { cardStateLabels, type QuestionRow } from './questionRows.ts';
import { questionText, sectionHref } from './questionText.ts';
import { resultLabel } from './resultLabel.ts';
import { studySearch } from './studyPlan.ts';

/**
 * One question in a modal `<dialog>` (focus stays inside, Escape closes):
 * where it is taught, its schedule, every answer with its interval, and
 * suspend, flag and reset (reset asks first).
 */
export function QuestionDetails({
  row,
  noteTitle,
  card,
  mark,
  onClose,
}: {
  row: QuestionRow;
  noteTitle: string;
  card: Card | undefined;
  mark: QuestionMark | undefined;
  onClose: () => void;
}) {
  const { question } = row;
  const dialog = useRef<HTMLDialogElement>(null);
  const [history, setHistory] = useState<HistoryEntry[] | null>(null);
  const [confirming, setConfirming] = useState(false);
  const [message, setMessage] = useState('');
  const [error, setError] = useState('');
  const confirmButton = useRef<HTMLButtonElement>(null);
  const resetButton = useRef<HTMLButtonElement>(null);
  const now = new Date();

  useEffect(() => {
    const element = dialog.current;
    if (element && !element.open) element.showModal();
  }, []);

  // Read again after a reset, so the history shows it.
  const resets = mark?.resets?.length ?? 0;
  const answers = row.answers;
  useEffect(() => {
    let active = true;
    void getProgressStore()
      .then((store) => store.readQuestionHistory(question.id))
      .then((logs) => active && setHistory(historyEntries(logs, mark?.resets ?? [], card)));
    return () => {
      active = false;
    };
    // `mark` and `card` change with what this dialog does; the counts say when to read again.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [question.id, resets, answers]);

  useEffect(() => {
    if (confirming) confirmButton.current?.focus();
  }, [confirming]);

  const act = async (what: () => Promise<void>, done: string) => {
    setError('');
    try {
      await what();
      setMessage(done);
    } catch (reason) {
      setError(`저장하지 못했습니다: ${reason instanceof Error ? reason.message : String(reason)}`);
    }
  };
  const toggleSuspend = () =>
    act(
      async () => (await getProgressStore()).markQuestions([question.id], { suspended: !row.suspended }, new Date()),
      row.suspended ? '보류를 풀었습니다. 다시 복습에 나옵니다.' : '보류했습니다. 복습에 나오지 않습니다.',
    );
  const toggleFlag = () =>
    act(
      async () => (await getProgressStore()).markQuestions([question.id], { flagged: !row.flagged }, new Date()),
      row.flagged ? '표시를 지웠습니다.' : '표시했습니다.',
    );
  const reset = () =>
    act(async () => {
      await (await getProgressStore()).resetQuestions([question.id], new Date());
      setConfirming(false);
      resetButton.current?.focus();
    }, '초기화했습니다. 새 문제처럼 다시 배웁니다. 답한 기록은 남아 있습니다.');

  const titleId = `question-details-${question.id}`;
  return (
    // The dialog's own Escape closes it; `close` tells the page.
    <dialog ref={dialog} className="question-details" aria-labelledby={titleId} onClose={onClose}>
      <div className="question-details-head">
        <h2 id={titleId}>{questionText(question, 200)}</h2>
        <button type="button" className="button-secondary" onClick={() => dialog.current?.close()}>
          닫기
        </button>
      </div>
      <p className="question-where">
        <a href={sectionHref(question)}>
          {noteTitle}
          {question.section ? ` · ${question.section.title}` : ''}
        </a>{' '}
        · {questionTypeLabels[question.type]} · <code>{question.id}</code>
      </p>
      <dl className="question-schedule">
        <div>
          <dt>상태</dt>
          <dd>
            {cardStateLabels[row.state]}
            {row.suspended && ' (보류)'}
            {row.flagged && ' (표시)'}
          </dd>
        </div>
        <div>
          <dt>다음 복습</dt>
          <dd>
            {row.due === null ? '–' : `${formatDue(new Date(row.due), now)} (${formatWhen(new Date(row.due), now)})`}
          </dd>
        </div>
        <div>
          <dt>답한 횟수</dt>
          <dd>{row.answers}번</dd>
        </div>
        <div>
          <dt>잊은 횟수</dt>
          <dd>{row.lapses}번</dd>
        </div>
      </dl>

      <div className="practice-actions question-actions">
        <button
          type="button"
          className="button-secondary"
          aria-pressed={row.suspended}
          onClick={() => void toggleSuspend()}
        >
          {row.suspended ? '보류 풀기' : '보류하기'}
        </button>
        <button type="button" className="button-secondary" aria-pressed={row.flagged} onClick={() => void toggleFlag()}>
          {row.flagged ? '표시 지우기' : '표시하기'}
        </button>
        <button
          ref={resetButton}
          type="button"
          className="button-secondary"
          disabled={!card || card.reps === 0}
          aria-expanded={confirming}
          onClick={() => setConfirming(true)}
        >
          초기화…
        </button>
        <Link
          className="button-secondary"
          to={`/review/${studySearch({ kind: 'retry', ids: [question.id], record: true })}`}
        >
          지금 풀기
        </Link>
      </div>
      {confirming && (
        <div className="question-confirm" role="group" aria-labelledby={`${titleId}-confirm`}>
          <p id={`${titleId}-confirm`}>
            이 문제의 복습 일정을 지우고 새 문제로 되돌릴까요? 답한 기록은 그대로 남습니다. 되돌릴 수 없습니다.
          </p>
          <div className="practice-actions">
            <button ref={confirmButton} type="button" className="button-danger" onClick={() => void reset()}>
              초기화
            </button>
            <button
              type="button"
              className="button-secondary"
              onClick={() => {
                setConfirming(false);
                resetButton.current?.focus();
              }}
            >
              취소
            </button>
          </div>
        </div>
      )}
      <p className="question-message" role="status">
        {message}
      </p>
      {error && (
        <p className="quiz-error" role="alert">
          {error}
        </p>
      )}

      <h3>답한 기록</h3>
      {history === null ? (
        <p className="practice-status">불러오는 중…</p>
      ) : history.length === 0 ? (
        <p className="practice-status">아직 답한 적이 없습니다.</p>
      ) : (
        <ScrollFrame className="table-scroll" label="표: 답한 기록">
          <table className="stats-table question-history">
            <thead>
              <tr>
                <th scope="col">언제</th>
                <th scope="col">결과</th>
                <th scope="col">그때 상태</th>
                <th scope="col">다음 간격</th>
              </tr>
            </thead>
            <tbody>
              {history.map((entry) =>
                entry.kind === 'reset' ? (
                  <tr key={`reset-${entry.at}`} className="history-reset">
                    <td>{formatWhen(new Date(entry.at), now)}</td>
                    <td colSpan={3}>초기화 (새 문제로)</td>
                  </tr>
                ) : (
                  <tr key={`${entry.at}-${entry.rating}`}>
                    <td>{formatWhen(new Date(entry.at), now)}</td>
                    <td>{resultLabel(question.type, entry.rating)}</td>
                    <td>{cardStateLabels[entry.state]}</td>
                    <td>{entry.intervalMs === null ? '–' : intervalText(entry.intervalMs)}</td>
                  </tr>
                ),
              )}
            </tbody>
          </table>
        </ScrollFrame>
      )}
    </dialog>
  );
}
