/**
 * Short words joined by hyphens that must not break across lines: dates
 * (2026-11-02), algorithm names (SHA-256), header names (X-Forwarded-For).
 * Browsers may break after any hyphen, which leaves "2026-11-" on one line of
 * a narrow table cell and "02" on the next. Longer runs may still break, so
 * a long one never pushes a phone's column wider than the screen.
 */
const HYPHENATED = /[\p{L}\p{N}]+(?:-[\p{L}\p{N}]+)+/gu;
const MAX_KEPT_LENGTH = 16;

export interface TextRun {
  text: string;
  /** Set on a hyphenated word to keep on one line. */
  keep: boolean;
}

/** Splits text into runs, marking the hyphenated words to keep whole. */
export function splitHyphenated(text: string): TextRun[] {
  const runs: TextRun[] = [];
  let last = 0;
  for (const match of text.matchAll(HYPHENATED)) {
    if (match[0].length > MAX_KEPT_LENGTH) continue;
    if (match.index > last) runs.push({ text: text.slice(last, match.index), keep: false });
    runs.push({ text: match[0], keep: true });
    last = match.index + match[0].length;
  }
  if (last < text.length) runs.push({ text: text.slice(last), keep: false });
  return runs;
}
