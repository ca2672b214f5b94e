import MiniSearch, { type Query, type SearchResult } from 'minisearch';
import { notePath } from '../../shared/routes.ts';
import { parseQuery, type ParsedQuery } from '../../shared/search/parseQuery.ts';
import type { SearchData, SearchDoc } from '../../shared/search/searchData.ts';
import { searchIndexOptions, type IndexedSection } from '../../shared/search/searchIndexOptions.ts';
import { highlightText, type TextPart } from './highlightText.ts';

/** One section to offer, ready to show and to open. */
export interface SectionHit {
  /** Position in `SearchData.docs`: stable, usable as a React key. */
  key: number;
  /** App path of the note (the router adds the base path). */
  pathname: string;
  /** `#heading-id`, percent-encoded like the table of contents links; empty for the note's opening. */
  hash: string;
  /** The heading's or question's id, to scroll to; undefined for the note's opening. */
  headingId: string | undefined;
  /** True for a quiz question (it opens at the question). */
  quiz: boolean;
  noteTitle: TextPart[];
  /** For an h3, the h2 above it; for a question, its section's heading. */
  parent: string | undefined;
  heading: TextPart[] | undefined;
  snippet: TextPart[];
}

export interface SearchOutcome {
  hits: SectionHit[];
  /** All matching sections (`hits` holds the first `limit`). */
  total: number;
  /**
   * `all`: every word matched in each hit. `some`: no section has every
   * word, so sections with any of them are shown. `none`: nothing matched,
   * or there was nothing to search for (`empty`).
   */
  matched: 'all' | 'some' | 'none';
  /** True when the query has no searchable word (empty, spaces, punctuation). */
  empty: boolean;
}

export interface SearchOptions {
  /** True while an input method is composing (see `parseQuery`). */
  composing?: boolean;
  /** How many hits to prepare (snippets cost a little each); default 20. */
  limit?: number;
}

export interface SectionSearch {
  search: (query: string, options?: SearchOptions) => SearchOutcome;
  /** How many sections are indexed. */
  size: number;
}

/** Characters of section text shown under each hit. */
const SNIPPET_LENGTH = 140;

/** Loads serialized search data into a ready-to-query search. */
export function createSectionSearch(data: SearchData): SectionSearch {
  const index = MiniSearch.loadJS<IndexedSection>(data.index, searchIndexOptions);

  const run = (parsed: ParsedQuery, combineWith: 'AND' | 'OR'): SearchResult[] =>
    index.search(toMiniSearchQuery(parsed, combineWith));

  const toHit = (result: SearchResult, parsed: ParsedQuery): SectionHit | undefined => {
    const key = Number(result.id);
    const doc: SearchDoc | undefined = data.docs[key];
    const note = doc && data.notes[doc.note];
    if (!doc || !note) return undefined;
    const options = { matched: new Set(result.terms), queryTerms: parsed.terms };
    // When only the title or heading matched, the snippet is the section's
    // start and its text need not be read (a long section costs a few ms).
    const inText = Object.values(result.match).some((fields) => fields.includes('text') || fields.includes('infix'));
    return {
      key,
      pathname: notePath(note.slug),
      hash: doc.id ? `#${encodeURIComponent(doc.id)}` : '',
      headingId: doc.id,
      quiz: doc.kind === 'quiz',
      noteTitle: highlightText(note.title, options),
      parent: doc.parent,
      heading: doc.heading === undefined ? undefined : highlightText(doc.heading, options),
      snippet: highlightText(doc.text, {
        ...options,
        matched: inText ? options.matched : new Set(),
        maxLength: SNIPPET_LENGTH,
      }),
    };
  };

  return {
    size: data.docs.length,
    search(query, options = {}) {
      const parsed = parseQuery(query, { synonyms: data.synonyms, composing: options.composing ?? false });
      if (parsed.clauses.length === 0) return { hits: [], total: 0, matched: 'none', empty: true };
      let results = run(parsed, 'AND');
      let matched: SearchOutcome['matched'] = 'all';
      if (results.length === 0 && parsed.clauses.length > 1) {
        results = run(parsed, 'OR');
        matched = 'some';
      }
      if (results.length === 0) return { hits: [], total: 0, matched: 'none', empty: false };
      const hits = results.slice(0, options.limit ?? 20).flatMap((result) => toHit(result, parsed) ?? []);
      return { hits, total: results.length, matched, empty: false };
    },
  };
}

/**
 * Every clause must match (or, for the fallback, any); within a clause any
 * alternative (the typed word or a synonym); within a phrase alternative
 * (`공개 키`) every word.
 */
export function toMiniSearchQuery(parsed: ParsedQuery, combineWith: 'AND' | 'OR'): Query {
  return {
    combineWith,
    queries: parsed.clauses.map((clause) => {
      const queries: Query[] = clause.alternatives.map((terms) =>
        terms.length === 1 ? (terms[0] as string) : { combineWith: 'AND', queries: terms },
      );
      const swapped = clause.alternatives.flatMap((terms) =>
        terms.length === 1 ? transpositions(terms[0] as string) : [],
      );
      if (swapped.length > 0) queries.push({ combineWith: 'OR', queries: swapped, ...SWAPPED_LETTERS });
      return { combineWith: 'OR', queries };
    }),
  };
}

/**
 * Typing two letters the wrong way round (`ngnix`, `uswgi`) is the commonest
 * slip in Latin words, and edit distance counts it as two typos, beyond the
 * one forgiven. Spelled-with-the-pair-swapped words are tried as whole words
 * only, and count for less than what was typed.
 */
const SWAPPED_LETTERS = {
  prefix: false,
  fuzzy: false,
  boost: { keywords: 1, heading: 1.5, text: 0.5, infix: 0 },
} as const;

/** `term` with each pair of neighbouring letters swapped, for Latin words of five or more letters. */
export function transpositions(term: string): string[] {
  if (!/^[a-z][a-z0-9_.-]{4,}$/.test(term)) return [];
  const variants = new Set<string>();
  for (let index = 0; index < term.length - 1; index++) {
    const a = term[index] as string;
    const b = term[index + 1] as string;
    if (a === b) continue;
    variants.add(term.slice(0, index) + b + a + term.slice(index + 2));
  }
  return [...variants];
}
