import { getChoseong } from 'es-hangul';
import { isChoseong } from '../../shared/search/parseQuery.ts';

/** Longest Korean term looked into for a word inside it (longer ones are rarely real words). */
const MAX_COMPOUND = 10;
/** At most this many index terms stand in for one typed word (the commonest first would need counts; shortest first is close). */
const MAX_EXPANSIONS = 30;

const HANGUL = /^[\uAC00-\uD7A3]+$/u;

/**
 * Korean ways of writing a word that the index's own terms can answer, so
 * nothing is listed by hand and the index needs no extra terms:
 *
 * - `inside`: the word inside a compound (`종속성` → `함수종속성`);
 * - `split`: a compound typed without its space (`키페어` → `키` + `페어`, when
 *   the notes write `키 페어`);
 * - `joined`: two typed words written as one in the notes (`키 페어` → `키페어`);
 * - `choseong`: initial consonants (`ㅈㄱㅎ` → `정규화`, `정규형`), with es-hangul;
 *   the words in the most sections first, as a Korean search box suggests them.
 *
 * Built once per loaded index from its term list; each call is a scan or a
 * binary search over it (5,000 terms for the five notes).
 */
export interface TermExpander {
  inside: (term: string) => string[];
  split: (term: string) => Array<[string, string]>;
  joined: (first: string, second: string) => boolean;
  choseong: (letters: string) => string[];
  /** How many sections hold a term (0 for none). */
  sections: (term: string) => number;
}

/** `sections(term)`: in how many documents the term occurs, for ordering 초성 matches. */
export function createTermExpander(terms: readonly string[], sections: (term: string) => number): TermExpander {
  const sorted = [...terms].sort(compare);
  const all = new Set(terms);
  const korean = sorted.filter((term) => HANGUL.test(term) && term.length <= MAX_COMPOUND);
  let initials: Array<[string, string]> | undefined;

  /** True when some term starts with `prefix`. */
  const hasPrefix = (prefix: string) => {
    let low = 0;
    let high = sorted.length;
    while (low < high) {
      const middle = (low + high) >> 1;
      if (compare(sorted[middle] as string, prefix) < 0) low = middle + 1;
      else high = middle;
    }
    return sorted[low]?.startsWith(prefix) ?? false;
  };

  return {
    inside(term) {
      if (!HANGUL.test(term) || term.length < 2) return [];
      return shortestFirst(korean.filter((candidate) => candidate.indexOf(term, 1) > 0));
    },
    split(term) {
      if (!HANGUL.test(term) || term.length < 2) return [];
      const splits: Array<[string, string]> = [];
      for (let at = 1; at < term.length; at++) {
        const first = term.slice(0, at);
        const second = term.slice(at);
        // The first part must be a word of its own; the second may be cut short
        // (still typing) when it is two syllables or more (`성` would start too much).
        if (all.has(first) && (all.has(second) || (second.length >= 2 && hasPrefix(second)))) {
          splits.push([first, second]);
        }
      }
      return splits;
    },
    joined(first, second) {
      return HANGUL.test(first) && HANGUL.test(second) && hasPrefix(first + second);
    },
    choseong(letters) {
      if (!isChoseong(letters) || letters.length < 2) return [];
      initials ??= korean.map((term) => [getChoseong(term), term]);
      const exact: string[] = [];
      const longer: string[] = [];
      for (const [consonants, term] of initials) {
        if (consonants === letters) exact.push(term);
        else if (consonants.startsWith(letters)) longer.push(term);
      }
      const commonest = (list: string[]) => list.sort((a, b) => sections(b) - sections(a) || compare(a, b));
      return [...commonest(exact), ...commonest(longer)].slice(0, MAX_EXPANSIONS);
    },
    sections,
  };
}

function shortestFirst(terms: string[]): string[] {
  return terms.sort((a, b) => a.length - b.length || compare(a, b)).slice(0, MAX_EXPANSIONS);
}

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
