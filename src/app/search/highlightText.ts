import { eachWord } from '../../shared/search/analyzeText.ts';

/** A run of text, marked when it matched the query. */
export interface TextPart {
  text: string;
  mark: boolean;
}

export interface HighlightOptions {
  /** Document terms the index matched (MiniSearch's `result.terms`). */
  matched: ReadonlySet<string>;
  /** Query terms and their synonyms, longest first (`ParsedQuery.terms`). */
  queryTerms: readonly string[];
  /**
   * Cut the text to about this many characters, starting just before the
   * first match; default: keep it all.
   */
  maxLength?: number;
}

/** Characters of context kept before the first match in a snippet. */
const LEAD = 36;

/**
 * Marks the words that matched: the same tokenizer as the index decides, so
 * `정규화를` is marked for the query `정규화` and `ALLOWED_HOSTS` for
 * `allowed_hosts`. Inside a word only the typed part is marked (`정규` in
 * `정규화를`), unless the word matched as a typo or a synonym that is not in it.
 * With `maxLength`, returns a snippet: a window that starts just before the
 * first match, cut at spaces, with `…` where text was left out (the start of
 * the text when nothing in it matched). Reads the text only up to the end of
 * that window.
 */
export function highlightText(text: string, options: HighlightOptions): TextPart[] {
  const { matched, queryTerms, maxLength } = options;
  const cutting = maxLength !== undefined && text.length > maxLength;
  let start = 0;
  let end = cutting ? maxLength : text.length;
  const ranges: Array<[number, number]> = [];

  // Nothing can match: no need to read the text.
  const words = matched.size > 0 ? eachWord(text) : [];
  for (const token of words) {
    // Read on until the first match; after it, only to the end of the window.
    if (token.start >= end && (ranges.length > 0 || !cutting)) break;
    if (!token.terms.some((term) => matched.has(term))) continue;
    if (cutting && ranges.length === 0 && token.start > LEAD) {
      // The first match decides the window.
      const space = text.indexOf(' ', token.start - LEAD);
      start = space !== -1 && space < token.start ? space + 1 : token.start - LEAD;
      end = start + maxLength;
    }
    ranges.push(markedRange(text, token, queryTerms));
  }

  if (cutting && end < text.length) {
    const space = text.lastIndexOf(' ', end);
    if (space > start + maxLength / 2) end = space;
  } else {
    end = Math.min(end, text.length);
  }

  const parts: TextPart[] = [];
  const push = (from: number, to: number, mark: boolean) => {
    if (to > from) parts.push({ text: text.slice(from, to), mark });
  };
  let cursor = start;
  for (const [from, to] of ranges) {
    if (to <= cursor || from >= end) continue;
    push(cursor, Math.max(cursor, from), false);
    push(Math.max(cursor, from), Math.min(to, end), true);
    cursor = Math.min(to, end);
  }
  push(cursor, end, false);
  if (start > 0) parts.unshift({ text: '…', mark: false });
  if (end < text.length) parts.push({ text: '…', mark: false });
  return parts;
}

function markedRange(
  text: string,
  token: { start: number; end: number; folded: string },
  queryTerms: readonly string[],
): [number, number] {
  const inner = queryTerms.find((term) => token.folded.includes(term));
  // Offsets inside the word are only safe when folding kept its length (not for `ﬁ` → `fi`).
  if (inner && token.folded.length === token.end - token.start) {
    const at = token.folded.indexOf(inner);
    return [token.start + at, token.start + at + inner.length];
  }
  return [token.start, token.end];
}
