import type { Locator } from 'playwright-core';
import { expect } from 'vitest';

/**
 * Taps a choice in a quiz island that may still be starting, and waits until
 * the choice holds. A tap that lands while the island hydrates can show the
 * choice unset for a moment: React resets the control inside that event and
 * the island hands the reader's choice back in the next task
 * (hydrateIsland.tsx). Playwright's `check()` asserts the state at once, so it
 * failed on that moment although the reader's choice is kept.
 */
export async function chooseInIsland(choice: Locator): Promise<void> {
  await choice.click();
  await expect.poll(() => choice.isChecked()).toBe(true);
}
