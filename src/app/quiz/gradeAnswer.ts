import {
  isAcceptedAnswer,
  type ChoiceQuestion,
  type ClozeQuestion,
  type MatchQuestion,
  type OrderQuestion,
} from '../../shared/quiz.ts';

/** Right when exactly the correct choices are selected. */
export function gradeChoices(question: ChoiceQuestion, selected: ReadonlySet<number>): boolean {
  return question.choices.every((choice, index) => choice.correct === selected.has(index));
}

/** Right when every gap matches one of its accepted answers (NFC, trimmed, case folded). */
export function gradeCloze(question: ClozeQuestion, typed: readonly string[]): boolean[] {
  const gaps = question.paragraphs.flat().filter((part) => part.kind === 'gap');
  return gaps.map((gap, index) => isAcceptedAnswer(typed[index] ?? '', gap.answers));
}

/** `order` holds item indexes as the learner arranged them. */
export function gradeOrder(question: OrderQuestion, order: readonly number[]): boolean {
  return order.length === question.items.length && order.every((item, position) => item === position);
}

/** `chosen[i]` is the meaning index picked for term i. */
export function gradeMatch(question: MatchQuestion, chosen: readonly (number | undefined)[]): boolean[] {
  return question.pairs.map((_, index) => chosen[index] === index);
}
