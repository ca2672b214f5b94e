/** localStorage key read by index.html's inline script; keep the two in step. */
const DUE_COUNT_KEY = 'study-notes:due-count';

/**
 * Remembers the header's due count, so the next page draws it from its first
 * paint (index.html's inline script, layout.css) instead of showing it once
 * progress has been read. A stale number there is replaced within a moment.
 */
export function rememberDueCount(count: number): void {
  try {
    localStorage.setItem(DUE_COUNT_KEY, String(count));
  } catch {
    // Storage refused: the badge still appears once counted.
  }
}
