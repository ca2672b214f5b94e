import MiniSearch, { type Query, type SearchResult } from 'minisearch';
import { glossaryPath, notePath } from '../../shared/routes.ts';
import { withDerivedIds } from '../../shared/search/docIds.ts';
import { unpackIndex } from '../../shared/search/packedIndex.ts';
import { parseQuery, type ParsedQuery, type QueryClause } from '../../shared/search/parseQuery.ts';
import type { SearchData, SearchDoc, SearchText } from '../../shared/search/searchData.ts';
import { searchIndexOptions, type IndexedSection } from '../../shared/search/searchIndexOptions.ts';
import { createTermExpander, type TermExpander } from './expandTerms.ts';
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
  /** True for a glossary term (it opens at its entry on /glossary/). */
  term: boolean;
  noteTitle: TextPart[];
  /** For an h3, the h2 above it; for a question, its section's heading. */
  parent: string | undefined;
  heading: TextPart[] | undefined;
  /** Undefined until the note's text has arrived (`SectionSearch.loadText`). */
  snippet: TextPart[] | undefined;
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
  /** Notes (by slug) whose text the hits' snippets still wait for. */
  waitingFor: string[];
}

export interface SearchOptions {
  /** True while an input method is composing (see `parseQuery`). */
  composing?: boolean;
  /** How many hits to prepare (snippets cost a little each); default 20. */
  limit?: number;
  /** Only this note's sections (its slug). */
  note?: string;
}

export interface SectionSearch {
  search: (query: string, options?: SearchOptions) => SearchOutcome;
  /** Fetches the notes' text for snippets (once per note); the next `search` shows them. */
  loadText: (slugs: readonly string[]) => Promise<void>;
  /** Notes by slug and title, in the site's order. */
  notes: ReadonlyArray<{ slug: string; title: string }>;
  /** How many sections are indexed. */
  size: number;
}

/** Fetches note `n`'s text (a chunk of its own in the build). */
export type LoadText = (note: number) => Promise<SearchText> | SearchText;

/** Characters of section text shown under each hit. */
const SNIPPET_LENGTH = 140;

/**
 * Terms whose name was typed come before every section, as a dictionary
 * entry would; a few at most, so a short prefix (`키`) that names many terms
 * still leaves the sections in view.
 */
export const TERMS_FIRST = 3;

/** Where a term's result says it opens (the glossary page's title). */
const GLOSSARY_TITLE = '용어집';

/** Loads serialized search data into a ready-to-query search; `loadText` brings each note's snippet text. */
export function createSectionSearch(packed: SearchData, loadText: LoadText): SectionSearch {
  const data: SearchData = { ...packed, docs: withDerivedIds(packed.docs) };
  const plain = unpackIndex(data.index);
  const index = MiniSearch.loadJS<IndexedSection>(plain, searchIndexOptions);
  const documentFrequency = new Map(
    plain.index.map(([term, fields]) => [
      term,
      Math.max(...Object.values(fields).map((docs) => Object.keys(docs).length)),
    ]),
  );
  const expander = createTermExpander(
    plain.index.map(([term]) => term),
    (term) => documentFrequency.get(term) ?? 0,
  );
  // A document's text is at its position among its note's documents.
  const positionInNote: number[] = [];
  const counts = data.notes.map(() => 0);
  for (const doc of data.docs) positionInNote.push((counts[doc.note] = (counts[doc.note] ?? 0) + 1) - 1);
  const texts = new Map<number, SearchText>();
  const pending = new Map<number, Promise<void>>();
  const noteBySlug = new Map(data.notes.map((note, position) => [note.slug, position]));

  const run = (parsed: ParsedQuery, combineWith: 'AND' | 'OR', note: number | undefined): SearchResult[] =>
    index.search(
      toMiniSearchQuery(parsed, combineWith, expander),
      note === undefined ? {} : { filter: (result) => data.docs[Number(result.id)]?.note === note },
    );

  const toHit = (result: SearchResult, parsed: ParsedQuery): SectionHit | undefined => {
    const key = Number(result.id);
    const doc: SearchDoc | undefined = data.docs[key];
    const note = doc && data.notes[doc.note];
    if (!doc || !note) return undefined;
    const text = texts.get(doc.note)?.[positionInNote[key] ?? -1];
    // What was typed is marked inside a word first (`정규` in `정규화를`); a word
    // found another way (초성, a compound's part) is marked as the index has it.
    const queryTerms = [...parsed.terms, ...result.terms.filter((term) => !parsed.terms.includes(term))];
    const options = { matched: new Set(result.terms), queryTerms };
    // When only the title or heading matched, the snippet is the section's
    // start and its text need not be read (a long section costs a few ms).
    const inText = Object.values(result.match).some((fields) => fields.includes('text'));
    const term = doc.kind === 'term';
    return {
      key,
      pathname: term ? glossaryPath() : notePath(note.slug),
      hash: doc.id ? `#${encodeURIComponent(doc.id)}` : '',
      headingId: doc.id,
      quiz: doc.kind === 'quiz',
      term,
      noteTitle: highlightText(term ? GLOSSARY_TITLE : note.title, options),
      parent: doc.parent,
      heading: doc.heading === undefined ? undefined : highlightText(doc.heading, options),
      snippet:
        text === undefined
          ? undefined
          : highlightText(text, {
              ...options,
              matched: inText ? options.matched : new Set(),
              maxLength: SNIPPET_LENGTH,
            }),
    };
  };

  const nothing = (empty: boolean): SearchOutcome => ({ hits: [], total: 0, matched: 'none', empty, waitingFor: [] });

  return {
    size: data.docs.length,
    notes: data.notes,
    search(query, options = {}) {
      const parsed = parseQuery(query, { synonyms: data.synonyms, composing: options.composing ?? false });
      if (parsed.clauses.length === 0) return nothing(true);
      const note = options.note === undefined ? undefined : (noteBySlug.get(options.note) ?? -1);
      let results = run(parsed, 'AND', note);
      let matched: SearchOutcome['matched'] = 'all';
      if (results.length === 0 && parsed.clauses.length > 1) {
        results = run(parsed, 'OR', note);
        matched = 'some';
      }
      if (results.length === 0) return nothing(false);
      results = termsFirst(results, data.docs);
      const hits = results.slice(0, options.limit ?? 20).flatMap((result) => toHit(result, parsed) ?? []);
      const waitingFor = [
        ...new Set(hits.filter((hit) => hit.snippet === undefined).map((hit) => hit.pathname.split('/').at(-2) ?? '')),
      ];
      return { hits, total: results.length, matched, empty: false, waitingFor };
    },
    async loadText(slugs) {
      await Promise.all(
        slugs.map((slug) => {
          const note = noteBySlug.get(slug);
          if (note === undefined || texts.has(note)) return undefined;
          let loading = pending.get(note);
          if (!loading) {
            const result = loadText(note);
            // Already at hand (tests, or a text bundled with the index): usable at once.
            if (Array.isArray(result)) return void texts.set(note, result);
            loading = result.then(
              (text) => void texts.set(note, text),
              (error: unknown) => {
                // Not remembered: the next search tries again (back online).
                pending.delete(note);
                throw error;
              },
            );
            pending.set(note, loading);
          }
          return loading;
        }),
      );
    },
  };
}

/**
 * Up to `TERMS_FIRST` terms found by their name (or another spelling) move to
 * the front, in score order, as long as they score at least half as well as
 * the best of them (`정규화` names 정규화; 반정규화 holds it only inside a
 * compound). Other terms go after the sections, which teach what was typed.
 */
export function termsFirst(results: SearchResult[], docs: readonly SearchDoc[]): SearchResult[] {
  const terms: SearchResult[] = [];
  const sections: SearchResult[] = [];
  for (const result of results) (docs[Number(result.id)]?.kind === 'term' ? terms : sections).push(result);
  const named = (result: SearchResult) =>
    Object.values(result.match).some((fields) => fields.includes('heading') || fields.includes('keywords'));
  const best = Math.max(0, ...terms.filter(named).map((result) => result.score));
  const first = terms.filter((result) => named(result) && result.score >= best / 2).slice(0, TERMS_FIRST);
  return [...first, ...sections, ...terms.filter((result) => !first.includes(result))];
}

/**
 * Every clause must match (or, for the fallback, any); within a clause any
 * alternative (the typed word or a synonym); within a phrase alternative
 * (`공개 키`) every word. The expander adds the Korean ways the notes may
 * write a typed word (see `expandTerms.ts`), each as a weaker alternative.
 */
export function toMiniSearchQuery(parsed: ParsedQuery, combineWith: 'AND' | 'OR', expander?: TermExpander): Query {
  const clauses = expander ? joinSpacedWords(parsed.clauses, expander) : parsed.clauses;
  return {
    combineWith,
    queries: clauses.map((clause) => {
      const queries: Query[] = clause.alternatives.map((terms) =>
        terms.length === 1 ? (terms[0] as string) : { combineWith: 'AND', queries: terms },
      );
      const words = clause.alternatives.flatMap((terms) => (terms.length === 1 ? [terms[0] as string] : []));
      const swapped = words.flatMap(transpositions);
      if (swapped.length > 0) queries.push({ combineWith: 'OR', queries: swapped, ...SWAPPED_LETTERS });
      if (expander) {
        const choseong = words.flatMap(expander.choseong);
        if (choseong.length > 0) {
          // The commonest word counts most: `ㅈㄱㅎ` is 정규화 before 정규형.
          const most = Math.max(...choseong.map(expander.sections), 1);
          const boostTerm = (term: string) => Math.sqrt(expander.sections(term) / most);
          queries.push({ combineWith: 'OR', queries: choseong, boostTerm, ...CHOSEONG });
        }
        const inside = words.flatMap(expander.inside);
        if (inside.length > 0) queries.push({ combineWith: 'OR', queries: inside, ...INSIDE_COMPOUND });
        for (const [first, second] of words.flatMap(expander.split)) {
          const rest: Query = second.length >= 2 ? second : { queries: [second], prefix: false };
          queries.push({ combineWith: 'AND', queries: [{ queries: [first], prefix: false }, rest], ...SPLIT });
        }
      }
      return { combineWith: 'OR', queries };
    }),
  };
}

/**
 * Two typed Korean words that the notes also write as one (`키 페어` →
 * `키페어`) become one clause: both words, or the joined word.
 */
function joinSpacedWords(clauses: QueryClause[], expander: TermExpander): QueryClause[] {
  const joined: QueryClause[] = [];
  for (let i = 0; i < clauses.length; i++) {
    const first = single(clauses[i]);
    const second = single(clauses[i + 1]);
    if (first && second && expander.joined(first, second)) {
      joined.push({ alternatives: [[first + second], [first, second]] });
      i += 1;
    } else {
      joined.push(clauses[i] as QueryClause);
    }
  }
  return joined;
}

/** The word of a clause that is one typed word without synonyms. */
function single(clause: QueryClause | undefined): string | undefined {
  const only = clause?.alternatives.length === 1 ? clause.alternatives[0] : undefined;
  return only?.length === 1 ? only[0] : undefined;
}

/** `ㅈㄱㅎ` → the words themselves, as whole words; as good as typing them. */
const CHOSEONG = { prefix: false, fuzzy: false } as const;
/**
 * `종속성` inside `함수종속성`: the weakest match, below any whole word, and
 * only in the section's own heading and text (the keywords repeat the note's
 * title and the h2 above in every section).
 */
const INSIDE_COMPOUND = {
  fields: ['heading', 'text'],
  prefix: false,
  fuzzy: false,
  boost: { heading: 0.15, text: 0.05 },
};
/** `키페어` as `키 페어`: nearly what was typed. */
const SPLIT = { fuzzy: false, boost: { keywords: 1.6, heading: 2.4, text: 0.8 } } as const;

/**
 * Typing two letters the wrong way round (`ngnix`, `uswgi`) is the commonest
 * slip in Latin words, and edit distance counts it as two typos, beyond the
 * one forgiven. Spelled-with-the-pair-swapped words are tried as whole words
 * only, and count for less than what was typed.
 */
const SWAPPED_LETTERS = {
  prefix: false,
  fuzzy: false,
  boost: { keywords: 1, heading: 1.5, text: 0.5 },
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
