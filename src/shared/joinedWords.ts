/**
 * Short words joined by hyphens or middle dots that must not break across
 * lines: dates (2026-11-02), names (SHA-256), Korean lists (테이블·인덱스·뷰,
 * 제1·제2·제3정규형). Browsers may break after a hyphen and around a middle
 * dot even under `word-break: keep-all`, which leaves "2026-11-" over "02" in a
 * narrow table cell, or a line that starts with "·뷰". Longer runs may still
 * break, so a long one never pushes a phone's column wider than the screen.
 */
const HYPHENATED = /[\p{L}\p{N}]+(?:[-·][\p{L}\p{N}]+)+/gu;
const MAX_KEPT_LENGTH = 16;

export interface TextRun {
  text: string;
  /** Set on a hyphenated word to keep on one line. */
  keep: boolean;
}

/** Splits text into runs, marking the joined words to keep whole. */
export function splitJoined(text: string): TextRun[] {
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
