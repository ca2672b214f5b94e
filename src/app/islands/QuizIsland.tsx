import type { QuizQuestion } from '../../shared/quiz.ts';
import QuizBlock from '../quiz/QuizBlock.tsx';
import { hydrateIsland, type EarlyAction } from './hydrateIsland.tsx';

let fullFont: Promise<unknown> | undefined;

/**
 * The full font's unicode-range subsets, for what a learner types that the
 * site font lacks: loaded when a text field in a question is first focused,
 * and only where the page is drawn in the site font. A first visit draws in
 * the system's Korean font, which has every glyph; and adding the full font's
 * rules lays out the whole page again (about 0.15 s at 4× slowdown on the TLS
 * note), which, loaded with the island, fell between the tap and the verdict.
 */
function fullFontOnTyping(container: HTMLElement): void {
  if (fullFont || !document.documentElement.hasAttribute('data-site-font')) return;
  const isTextField = (target: EventTarget | null) => target instanceof HTMLInputElement && target.type === 'text';
  const load = () => {
    fullFont ??= import('pretendard/dist/web/variable/pretendardvariable-dynamic-subset.css').catch(() => undefined);
  };
  // Focused before the island started (the field is in the prerendered page).
  if (container.contains(document.activeElement) && isTextField(document.activeElement)) return load();
  const onFocus = (event: FocusEvent) => {
    if (!isTextField(event.target)) return;
    container.removeEventListener('focusin', onFocus);
    load();
  };
  container.addEventListener('focusin', onFocus);
}

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
  fullFontOnTyping(container);
  return hydrateIsland(container, <QuizBlock question={question} />, early, onHydrated);
}
