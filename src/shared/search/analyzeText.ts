import { isEnding, isHangulWord, koreanStem } from './koreanEndings.ts';

/** One word of a text, where it is, and the search terms it stands for. */
export interface WordToken {
  /** Offsets into the original text (for highlighting). */
  start: number;
  end: number;
  /** The word folded for search: NFKC, lower case, Latin accents removed. */
  folded: string;
  /** Terms for the main index: the Korean stem, or the folded word and its parts. */
  terms: string[];
}

/** Longer "words" (hashes, base64 in code) are cut: nobody types them. */
export const MAX_TERM_LENGTH = 40;
/** Longest piece of text handed to the segmenter at once (see `words`). */
const MAX_RUN = 500;

// Word boundaries by Unicode rules (UAX #29): Hangul words stay whole,
// `ALLOWED_HOSTS`, `uwsgi_pass`, `settings.py` and `127.0.0.1` are one word,
// `chmod-socket` is two. Chinese and Japanese get dictionary-based breaks.
// Every browser we target has it; the regular expression is a fallback.
const segmenter =
  typeof Intl !== 'undefined' && 'Segmenter' in Intl ? new Intl.Segmenter('ko', { granularity: 'word' }) : undefined;
const FALLBACK_WORD = /[\p{L}\p{N}_]+(?:[.'’][\p{L}\p{N}_]+)*/gu;
/** One Hangul or ASCII word with only punctuation around it: `(정규화는`, `ALLOWED_HOSTS,`. */
const SIMPLE_RUN = /^((?:(?!_)[\p{P}\p{S}])*)([\uAC00-\uD7A3]+|[A-Za-z0-9_]+)[\p{P}\p{S}]*$/u;

/**
 * Splits a text into words and gives each its search terms. The same
 * function serves the index (at build time) and highlighting (in the
 * browser), so what is highlighted is exactly what was matched.
 *
 * - Korean: the stem without particles (`정규화를` → `정규화`). Queries are cut
 *   the same way, so the inflected form itself need not be indexed. A word
 *   inside a compound (`종속성` in `함수종속성`) is found at query time, from
 *   the index's own list of terms (see `expandTerms.ts`).
 * - A particle right after a Latin word or a quote (`nginx가`, `ALLOWED_HOSTS에`,
 *   `”는`) is dropped: the segmenter splits it off and it means nothing alone.
 * - Latin, digits, identifiers: lower-cased, plus their parts
 *   (`allowed_hosts` → `allowed`, `hosts`; `tls1.3` → `tls`, `1.3`).
 */
export function analyzeText(text: string): WordToken[] {
  return [...eachWord(text)];
}

/** `analyzeText` one word at a time, so a snippet can stop reading early. */
export function* eachWord(text: string): Generator<WordToken> {
  for (const { segment, start } of words(text)) {
    const end = start + segment.length;
    const folded = fold(segment);
    // The segmenter never splits Hangul from Hangul, so a Korean word with
    // no space before it hangs on a Latin word or a quote: `nginx가`, `”는`.
    const attached = start > 0 && !/\s/u.test(text[start - 1] ?? ' ');
    if (attached && isEnding(folded)) {
      yield { start, end, folded, terms: [] };
    } else {
      yield { start, end, folded, ...termsOf(folded) };
    }
  }
}

/** Every index term of a text, in order (duplicates kept: they count for ranking). */
export function indexTerms(text: string): string[] {
  return analyzeText(text).flatMap((token) => token.terms);
}

/**
 * The one term a query word stands for: the Korean stem (prefix search then
 * finds every inflected form) or the folded Latin word. Undefined for a word
 * that is only a particle.
 */
export function queryTermOf(token: WordToken): string | undefined {
  // The first index term is the Korean stem or the whole folded word.
  return token.terms[0];
}

/** NFKC (full-width Latin, compatibility characters), lower case, no accents on Latin letters. */
export function fold(word: string): string {
  if (/^[\uAC00-\uD7A3]+$/.test(word)) return word;
  if (/^[\x20-\x7e]+$/.test(word)) return word.toLowerCase();
  return word
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[\u00C0-\u024F]/g, (letter) => letter.normalize('NFD').replace(/\p{M}/gu, ''));
}

/**
 * Word-like segments with their offsets. Whitespace is always a word
 * boundary, so each space-separated run is segmented on its own: V8's
 * segmenter slows down badly on long strings (190,000 characters take
 * seconds, the same text in runs takes milliseconds), and the commonest runs,
 * plain Hangul or plain ASCII words with punctuation around them, need no
 * segmenter at all.
 */
function* words(text: string): Generator<{ segment: string; start: number }> {
  for (const run of text.matchAll(/\S+/gu)) {
    const simple = SIMPLE_RUN.exec(run[0]);
    if (simple?.[2]) {
      yield { segment: simple[2], start: run.index + (simple[1]?.length ?? 0) };
    } else if (segmenter) {
      // A run without spaces can still be long (a URL, base64 in code): cut it
      // into pieces so the segmenter stays fast; a word split there is no loss.
      for (let offset = 0; offset < run[0].length; offset += MAX_RUN) {
        for (const { segment, index, isWordLike } of segmenter.segment(run[0].slice(offset, offset + MAX_RUN))) {
          if (isWordLike) yield { segment, start: run.index + offset + index };
        }
      }
    } else {
      for (const match of run[0].matchAll(FALLBACK_WORD)) yield { segment: match[0], start: run.index + match.index };
    }
  }
}

function termsOf(folded: string): { terms: string[] } {
  const word = cut(folded);
  if (isHangulWord(word)) return { terms: [koreanStem(word)] };
  return { terms: unique([word, ...partsOf(word)]) };
}

/** `allowed_hosts` → `allowed`, `hosts`; `tls1.3` → `tls`, `1.3`; `settings.py` → `settings`, `py`. */
function partsOf(word: string): string[] {
  if (/^[\d.]+$/.test(word)) return []; // 127.0.0.1, 1.3: a number or address is one thing
  const parts = word
    .split(/[_.:'’]+/)
    .flatMap((part) => part.split(/(?<=\p{L})(?=\p{N})|(?<=\p{N})(?=\p{L})/u))
    .filter((part) => part.length > 0 && part !== word);
  // Re-join digit groups split by the dot rule, so `tls1.3` keeps `1.3`.
  const numbers = word.match(/\d+(?:\.\d+)+/g) ?? [];
  return [...parts.filter((part) => !/^\d+$/.test(part) || numbers.length === 0), ...numbers];
}

function cut(word: string): string {
  return word.length > MAX_TERM_LENGTH ? word.slice(0, MAX_TERM_LENGTH) : word;
}

function unique(values: string[]): string[] {
  return [...new Set(values)];
}
