import type { Options } from 'minisearch';
import { indexTerms } from './analyzeText.ts';

/**
 * The fields of every indexed section. `keywords` is the note title, its tags
 * and, for an h3, the h2 above it.
 */
export const SEARCH_FIELDS = ['keywords', 'heading', 'text'] as const;
export type SearchField = (typeof SEARCH_FIELDS)[number];

/** The shape MiniSearch indexes at build time (the browser never sees it). */
export interface IndexedSection {
  key: number;
  keywords: string;
  heading: string;
  text: string;
}

/**
 * MiniSearch options shared by the build (which indexes) and the browser
 * (which loads the index with `MiniSearch.loadJS`): both sides must tokenize
 * alike. Queries arrive already split into terms by `parseQuery`, so the
 * search-time tokenizer passes each term through unchanged.
 */
export const searchIndexOptions: Options<IndexedSection> = {
  idField: 'key',
  fields: [...SEARCH_FIELDS],
  storeFields: [],
  tokenize: (text) => indexTerms(text),
  processTerm: (term) => term,
  searchOptions: {
    tokenize: (term) => [term],
    processTerm: (term) => term,
    // A heading that names the term is the best answer.
    boost: { keywords: 2, heading: 3, text: 1 },
    // Every term is a prefix, so `정규` finds `정규화를` and `allowed` finds
    // `allowed_hosts`; one letter of Latin would match half the index.
    prefix: (term) => term.length >= 2 || /[\uAC00-\uD7A3]/u.test(term),
    // One typo in longer Latin words (`ngnix` is two edits, `uwsgi_pas` one).
    fuzzy: (term) => (/^[a-z][a-z0-9_.-]{4,}$/.test(term) ? 1 : false),
    combineWith: 'AND',
  },
};
