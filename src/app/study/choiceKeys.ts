/**
 * Number keys on the review page: 1–9 pick a choice question's choices (a
 * flashcard's grade buttons keep 1–4, checked first by the page), and Enter
 * with nothing chosen says what to do rather than doing nothing.
 */

/** Picks (or, with several answers, toggles) choice `n` (1-based) of the question in `root`; false if there is none. */
export function pickChoiceByKey(root: ParentNode, n: number): boolean {
  const input = root.querySelectorAll<HTMLInputElement>('.quiz-choices input:not(:disabled)')[n - 1];
  if (!input) return false;
  input.click();
  // Focus follows, so Enter then submits and screen readers say what was picked.
  input.focus();
  return true;
}

/** What to tell a learner who pressed Enter before answering the question in `root`. */
export function promptForEnter(root: ParentNode): string {
  const choices = root.querySelectorAll('.quiz-choices input:not(:disabled)').length;
  if (choices > 0) {
    const several = root.querySelector('.quiz-choices input[type="checkbox"]') !== null;
    const keys = choices > 1 ? `숫자 키 1–${Math.min(choices, 9)}` : '숫자 키 1';
    return `${several ? '맞는 답을 모두' : '답을 먼저'} 고르세요(${keys} 또는 클릭). 고른 뒤 Enter를 누르면 확인합니다.`;
  }
  if (root.querySelector('.quiz-form select')) return '모든 항목의 짝을 고른 뒤 Enter를 누르세요.';
  if (root.querySelector('.quiz-form input[type="text"]')) return '빈칸을 모두 채운 뒤 Enter를 누르세요.';
  return '답을 입력한 뒤 Enter를 누르세요.';
}
