import { analyzeText, queryTermOf } from './analyzeText.ts';
import type { SynonymGroup } from './searchData.ts';

/** Longer input is cut: no one types more, and it keeps every search fast. */
export const MAX_QUERY_LENGTH = 200;
/** At most this many words count; the rest of a pasted paragraph is ignored. */
export const MAX_QUERY_TERMS = 8;

/** One word (or synonym phrase) of a query, and the ways it may match. */
export interface QueryClause {
  /**
   * Each alternative is a list of terms that must all match (a phrase such
   * as `공개 키` is two terms). The first is what the reader typed; the others
   * are its synonyms. Any one alternative is enough.
   */
  alternatives: string[][];
}

export interface ParsedQuery {
  /** Every clause must match (the search falls back to "any" when none does). */
  clauses: QueryClause[];
  /** Every term of every alternative, longest first: what highlighting looks for. */
  terms: string[];
}

export interface ParseQueryOptions {
  synonyms?: SynonymGroup[];
  /**
   * True while an input method is still composing the last syllable. Korean
   * is typed one letter at a time (`ㅅ` → `서` → `섭` → `서버`), so the
   * half-made last syllable may not be a prefix of the word yet: a trailing
   * lone consonant is dropped, and a final consonant (받침) may belong to the
   * next syllable, so the syllable without it is tried too.
   */
  composing?: boolean;
}

const JAMO_AT_END = /[\u1100-\u11FF\u3131-\u318E]+$/u;
/** Initial consonants as a Korean keyboard types them (compatibility jamo): a 초성 search. */
const CHOSEONG = /^[\u3131-\u314E]+$/u;
/** A last word of two or more consonants is a 초성 search still being typed, not a half-made syllable. */
const CHOSEONG_AT_END = /(?:^|\s)[\u3131-\u314E]{2,}$/u;

/** True for a word typed as initial consonants only (`ㅈㄱㅎ` for 정규화). */
export function isChoseong(word: string): boolean {
  return CHOSEONG.test(word);
}
const SYLLABLE_BASE = 0xac00;
const SYLLABLE_LAST = 0xd7a3;
const FINALS = 28;

/**
 * Turns what the reader typed into clauses for the index. Never throws:
 * empty, punctuation-only or very long input gives fewer (or no) clauses;
 * nothing typed is used as a regular expression.
 */
export function parseQuery(raw: string, options: ParseQueryOptions = {}): ParsedQuery {
  let text = raw.slice(0, MAX_QUERY_LENGTH);
  if (options.composing && !CHOSEONG_AT_END.test(text)) text = text.replace(JAMO_AT_END, '');

  const tokens = analyzeText(text);
  const terms: string[] = [];
  for (const token of tokens) {
    // Folding would turn keyboard consonants into conjoining jamo: keep them as typed.
    const typed = text.slice(token.start, token.end);
    const term = isChoseong(typed) ? typed : queryTermOf(token);
    if (term && !terms.includes(term)) terms.push(term);
    if (terms.length === MAX_QUERY_TERMS) break;
  }

  const clauses = withSynonyms(terms, options.synonyms ?? []);

  const last = tokens.at(-1);
  const lastClause = clauses.at(-1);
  if (options.composing && last && lastClause && text.trimEnd().length === last.end) {
    const typed = lastClause.alternatives[0];
    const term = typed?.at(-1);
    const relaxed = term === last.folded ? withoutFinalConsonant(term) : undefined;
    if (typed && relaxed) lastClause.alternatives.push([...typed.slice(0, -1), relaxed]);
  }

  const all = new Set(clauses.flatMap((clause) => clause.alternatives.flat()));
  return { clauses, terms: [...all].sort((a, b) => b.length - a.length) };
}

function withSynonyms(terms: string[], groups: SynonymGroup[]): QueryClause[] {
  const phrases = groups
    .flatMap((group) => group.filter((entry) => entry.length > 1).map((entry) => ({ entry, group })))
    .sort((a, b) => b.entry.length - a.entry.length);

  const clauses: QueryClause[] = [];
  for (let i = 0; i < terms.length;) {
    const phrase = phrases.find(({ entry }) => entry.every((term, k) => terms[i + k] === term));
    if (phrase) {
      clauses.push({ alternatives: alternativesFor(phrase.entry, [phrase.group]) });
      i += phrase.entry.length;
      continue;
    }
    const term = terms[i] as string;
    const isLast = i === terms.length - 1;
    const matching = groups.filter((group) =>
      group.some((entry) => entry.length === 1 && matchesEntry(term, entry[0] as string, isLast)),
    );
    clauses.push({ alternatives: alternativesFor([term], matching) });
    i += 1;
  }
  return clauses;
}

/**
 * A typed term selects a synonym group when it is one of its words, or, for
 * the word still being typed, the start of one (`핸드쉐` → `핸드쉐이크`); a
 * Latin start needs three letters so `ha` does not pull in `handshake`.
 */
function matchesEntry(term: string, entry: string, isLast: boolean): boolean {
  if (term === entry) return true;
  if (!isLast || !entry.startsWith(term)) return false;
  return /^[\uAC00-\uD7A3]/u.test(term) ? term.length >= 2 : term.length >= 3;
}

function alternativesFor(typed: string[], groups: SynonymGroup[]): string[][] {
  const alternatives = [typed];
  const seen = new Set([typed.join(' ')]);
  for (const entry of groups.flat()) {
    const key = entry.join(' ');
    if (!seen.has(key)) {
      seen.add(key);
      alternatives.push(entry);
    }
  }
  return alternatives;
}

/** `섭` → `서`, `정` → `저`; undefined when the last syllable has no final consonant. */
function withoutFinalConsonant(term: string): string | undefined {
  const code = term.codePointAt(term.length - 1) ?? 0;
  if (code < SYLLABLE_BASE || code > SYLLABLE_LAST) return undefined;
  const final = (code - SYLLABLE_BASE) % FINALS;
  if (final === 0) return undefined;
  return term.slice(0, -1) + String.fromCodePoint(code - final);
}
