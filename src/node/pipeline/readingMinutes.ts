/**
 * Estimated reading time in whole minutes (at least 1).
 *
 * Korean is counted in syllables, everything else in words: adult readers
 * manage roughly 500 Hangul syllables or 200 English technical words a
 * minute when studying (slower than skimming), so we use those rates.
 */
export function readingMinutes(text: string): number {
  const hangul = text.match(/[\uac00-\ud7a3]/g)?.length ?? 0;
  const words = text.replace(/[\uac00-\ud7a3]+/g, ' ').match(/[A-Za-z0-9_]+/g)?.length ?? 0;
  return Math.max(1, Math.round(hangul / 500 + words / 200));
}
