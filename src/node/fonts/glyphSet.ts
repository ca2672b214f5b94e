/**
 * Which characters the site font must cover, and how to say so in CSS.
 *
 * The site subsets its Korean font to the characters its own pages can show
 * (notes, quizzes, diagrams, interface text): one cacheable file of about
 * 160 KiB instead of the dozens of frequency-based subsets a long note pulled
 * in. Anything else (a learner typing an unusual syllable into a cloze
 * answer) still renders in the same typeface through the full font's
 * unicode-range subsets, declared as the next family in the stack.
 */

/** Printable ASCII: code, config keys and URLs can use any of it. */
const ASCII = Array.from({ length: 0x7f - 0x20 }, (_, index) => String.fromCharCode(0x20 + index)).join('');

/**
 * Text that appears in no source file as written: `toLocaleString('ko-KR')`
 * dates and times, no-break spaces (written as escapes or entities), and
 * typographic punctuation authors may introduce later.
 */
const GENERATED_TEXT = '0123456789. :오전후년월일시분초요화수목금토 ‘’“”–—…·•→←↑↓×✓©\u00a0\u202f';

/** A character worth a glyph: not a control, format, surrogate or unassigned code point. */
function isPrintable(char: string): boolean {
  return !/[\p{Cc}\p{Cf}\p{Cs}\p{Cn}\p{Co}]/u.test(char);
}

/** The sorted, distinct code points of `texts` plus the base set every page may need. */
export function collectCodePoints(texts: Iterable<string>): number[] {
  const points = new Set<number>();
  const add = (text: string) => {
    for (const char of text.normalize('NFC')) {
      if (isPrintable(char)) points.add(char.codePointAt(0) as number);
    }
  };
  add(ASCII);
  add(GENERATED_TEXT);
  for (const text of texts) add(text);
  return [...points].sort((a, b) => a - b);
}

const hex = (point: number) => point.toString(16).toUpperCase();

/**
 * A CSS `unicode-range` listing exactly `codePoints` (sorted, distinct), with
 * runs merged: `U+20-7E, U+AC00-AC01, U+B294`. The browser then knows, before
 * downloading anything, which characters this face has, and asks the next
 * family only for the rest.
 */
export function toUnicodeRange(codePoints: readonly number[]): string {
  const parts: string[] = [];
  let start: number | undefined;
  let end = -2;
  for (const point of codePoints) {
    if (point === end + 1) {
      end = point;
      continue;
    }
    if (start !== undefined) parts.push(start === end ? `U+${hex(start)}` : `U+${hex(start)}-${hex(end)}`);
    start = point;
    end = point;
  }
  if (start !== undefined) parts.push(start === end ? `U+${hex(start)}` : `U+${hex(start)}-${hex(end)}`);
  return parts.join(', ');
}
