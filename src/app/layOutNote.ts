/** The blocks prose.css lets the browser skip until the first paint. */
const SKIPPABLE = ':is(.prose > .note-html > :not(.heading-wrapper), .prose > .quiz, .prose > .diagram)';
/** Work per task: under the 50 ms at which a task starts to block taps and scrolls. */
const TASK_BUDGET_MS = 25;
const BLOCKS_PER_LAYOUT = 4;

let laidOut: Promise<void> | undefined;

/**
 * Lays out the note blocks the browser skipped for the first paint
 * (content-visibility in prose.css), a few blocks per task from the top down,
 * then sets `html[data-full-layout]`. All at once, the layout of a long note
 * holds the main thread for a second on a slow phone; in small tasks, a tap
 * or a scroll in between is answered. The app waits for this before it
 * starts (start.tsx), because it scrolls to headings and diagram steps and
 * needs their real places. Called again, returns the same promise.
 */
export function layOutNote(): Promise<void> {
  laidOut ??= new Promise((resolve) => {
    const root = document.documentElement;
    const blocks = [...document.querySelectorAll<HTMLElement>(SKIPPABLE)];
    const finish = () => {
      root.dataset.fullLayout = '';
      // The rule that skipped them no longer applies; the inline value is not needed.
      for (const block of blocks) block.style.removeProperty('content-visibility');
      resolve();
    };
    // Nothing was skipped (another page, a link to a place in the note), or no
    // one is watching (a hidden tab, where timers are slowed to one a second).
    const skipping = blocks.some((block) => getComputedStyle(block).contentVisibility === 'auto');
    if (!skipping || document.visibilityState === 'hidden') {
      finish();
      return;
    }
    let next = 0;
    const step = () => {
      const start = performance.now();
      while (next < blocks.length && performance.now() - start < TASK_BUDGET_MS) {
        const end = Math.min(next + BLOCKS_PER_LAYOUT, blocks.length);
        for (; next < end; next++) blocks[next]!.style.contentVisibility = 'visible';
        // Lay these out now, inside this task, rather than all in the next frame.
        void root.offsetHeight;
      }
      if (next < blocks.length) setTimeout(step, 0);
      else finish();
    };
    step();
  });
  return laidOut;
}
