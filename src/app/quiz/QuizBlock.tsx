import { useState } from 'react';
import { quizAnchorId, type QuizQuestion } from '../../shared/quiz.ts';
import { PROGRESS_EVENT, type AnsweredDetail } from './answeredEvent.ts';
import { answerQuestion } from './answerQuestion.ts';
import { ExportReminder, reminderDue } from './ExportReminder.tsx';
import { formatDue } from './formatDue.ts';
import { MemoryNoticeOnce } from './MemoryNoticeOnce.tsx';
import { QuestionView } from './QuestionView.tsx';
import { getProgressStore, useProgress } from './useProgress.ts';

const NO_SCRIPT_HINT =
  '이 문제는 자바스크립트로 채점하고 진행 상황을 이 브라우저에 저장합니다. 자바스크립트가 꺼져 있어 답을 확인할 수 없으니, 켜고 다시 열어 주세요. 노트 본문은 그대로 읽을 수 있습니다.';

/**
 * A question inside a note, answered in place. Each answer counts as a review
 * (scheduled with FSRS and stored), exactly as on the review page.
 * Loaded lazily by NoteBody, so pages without questions never load quiz code.
 */
export default function QuizBlock({ question }: { question: QuizQuestion }) {
  const progress = useProgress();
  const card = progress.cards.get(question.id);
  const memory = progress.mode === 'memory';
  /** Answers since the last export, when this answer reached a reminder (every `REMIND_EVERY`). */
  const [remind, setRemind] = useState<number | null>(null);
  return (
    <>
      <QuestionView
        question={question}
        showSectionLink={false}
        anchorId={quizAnchorId(question.id)}
        card={card}
        noScriptHint={NO_SCRIPT_HINT}
        onAnswer={async (rating) => {
          const store = await getProgressStore();
          const now = new Date();
          const { entry, after } = await answerQuestion(store, question.id, rating, now);
          const state = store.getState();
          const detail: AnsweredDetail = {
            questionId: question.id,
            rating,
            review: entry.log.review.toISOString(),
            due: after.due.toISOString(),
            state: after.state,
            memory: state.mode === 'memory',
          };
          // The header's due badge and the note's answered marks (islands/) read again.
          window.dispatchEvent(new CustomEvent(PROGRESS_EVENT, { detail }));
          // The verdict waits for the stored answer, not for this count: the reminder follows it.
          if (state.mode === 'memory') setRemind(null);
          else void reminderDue(store, state.lastExportAt).then(setRemind, () => setRemind(null));
        }}
        footer={
          card && (
            <>
              <p className="quiz-next">
                다음 복습: {formatDue(card.due, new Date())}
                {/* Never as if saved: this answer lasts until the tab closes (the page says why, once). */}
                {memory && ' · 저장되지 않음'}
              </p>
              {remind !== null && <ExportReminder answers={remind} progress={progress} />}
            </>
          )
        }
      />
      <MemoryNoticeOnce questionId={question.id} progress={progress} />
    </>
  );
}
