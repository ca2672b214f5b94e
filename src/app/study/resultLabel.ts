import type { QuestionType } from '../../shared/quiz.ts';
import { grades } from '../quiz/scheduler.ts';

/**
 * An answer's result in words: right or wrong for auto-graded questions
 * (stored as Good or Again), the learner's own grade for a flashcard.
 */
export function resultLabel(type: QuestionType, rating: number): string {
  if (type !== 'flashcard') return rating === 1 ? '틀림' : '맞음';
  return grades.find((grade) => grade.rating === rating)?.label ?? '–';
}
