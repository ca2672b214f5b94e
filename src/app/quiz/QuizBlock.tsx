import { quizAnchorId, type QuizQuestion } from '../../shared/quiz.ts';
import { answerQuestion } from './answerQuestion.ts';
import { formatDue } from './formatDue.ts';
import { QuestionView } from './QuestionView.tsx';
import { getProgressStore, useProgress } from './useProgress.ts';

/**
 * A question inside a note, answered in place. Each answer counts as a review
 * (scheduled with FSRS and stored), exactly as on the review page.
 * Loaded lazily by NoteBody, so pages without questions never load quiz code.
 */
export default function QuizBlock({ question }: { question: QuizQuestion }) {
  const progress = useProgress();
  const card = progress.cards.get(question.id);
  return (
    <QuestionView
      question={question}
      showSectionLink={false}
      anchorId={quizAnchorId(question.id)}
      card={card}
      onAnswer={async (rating) => {
        await answerQuestion(await getProgressStore(), question.id, rating, new Date());
        // The header's due badge (islands/pageLoader.ts) counts again.
        window.dispatchEvent(new Event('study-notes:progress'));
      }}
      footer={card && <p className="quiz-next">다음 복습: {formatDue(card.due, new Date())}</p>}
    />
  );
}
