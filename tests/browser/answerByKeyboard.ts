import type { Page } from 'playwright-core';
import { expect } from 'vitest';

/**
 * Answers the review page's question with the keyboard only, whatever its
 * type, from the focus the page gives it (the question area).
 */
export async function answerByKeyboard(page: Page) {
  const question = page.locator('.practice-question [data-question-id]');
  const kind = (await question.getAttribute('class')) ?? '';
  await expect
    .poll(() => page.evaluate(() => document.activeElement?.closest('.practice-question') !== null))
    .toBe(true);
  if (kind.includes('quiz-flashcard')) {
    await page.keyboard.press('Space');
    await question.locator('.quiz-back').waitFor();
    await page.keyboard.press('3');
  } else if (kind.includes('quiz-single') || kind.includes('quiz-truefalse') || kind.includes('quiz-multiple')) {
    await page.keyboard.press('Tab');
    await page.keyboard.press('Space');
    await page.keyboard.press('Enter');
  } else if (kind.includes('quiz-cloze')) {
    await page.keyboard.press('Tab');
    await page.keyboard.type('모름');
    await page.keyboard.press('Enter');
  } else if (kind.includes('quiz-match')) {
    const selects = await question.locator('select').count();
    for (let i = 0; i < selects; i++) {
      await page.keyboard.press('Tab');
      await page.keyboard.press('ArrowDown');
    }
    // Selects do not submit on Enter: move on to the button.
    await page.keyboard.press('Tab');
    await page.keyboard.press('Enter');
  } else {
    // Ordering: submit as arranged.
    await page.keyboard.press('Enter');
  }
  await question.locator('.quiz-verdict').waitFor();
}
