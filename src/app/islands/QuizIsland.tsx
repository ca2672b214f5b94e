import type { QuizQuestion } from '../../shared/quiz.ts';
import QuizBlock from '../quiz/QuizBlock.tsx';
import { hydrateIsland, type EarlyAction } from './hydrateIsland.tsx';

// The full font's unicode-range subsets, for what a learner types that the site font
// lacks. Imported apart, so the question does not wait for this stylesheet to start.
let fullFont: Promise<unknown> | undefined;

/**
 * A question in a note, woken by the island loader: its code, React, the
 * scheduler and the progress store load with the first question a reader
 * comes near, never with the page.
 */
export function startQuizIsland(
  container: HTMLElement,
  question: QuizQuestion,
  early: readonly EarlyAction[],
  onHydrated: () => void,
) {
  fullFont ??= import('pretendard/dist/web/variable/pretendardvariable-dynamic-subset.css').catch(() => undefined);
  return hydrateIsland(container, <QuizBlock question={question} />, early, onHydrated);
}
