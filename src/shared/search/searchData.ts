import type { PackedIndex } from './packedIndex.ts';

/**
 * What the build hands the browser for search (src/node/search/ makes it,
 * src/app/search/ reads it). One object, loaded the first time search opens.
 * The sections' text is not in it: each note's comes in a file of its own
 * (`SearchText`), fetched when one of its sections is shown as a result.
 */
export interface SearchData {
  /** The MiniSearch index (`toJSON()`, packed); see `searchIndexOptions` and `packedIndex.ts`. */
  index: PackedIndex;
  /** Notes by position; `SearchDoc.note` points here. */
  notes: SearchNote[];
  /** Searchable sections; a document's MiniSearch id is its position here. */
  docs: SearchDoc[];
  /** Synonym groups from content/search-synonyms.yaml, already turned into query terms. */
  synonyms: SynonymGroup[];
}

export interface SearchNote {
  slug: string;
  title: string;
}

/**
 * One result a learner can open: a note's opening part, one of its h2/h3
 * sections, or one of its quiz questions (which opens at the question itself).
 */
export interface SearchDoc {
  /** Index into `SearchData.notes`. */
  note: number;
  /** `'quiz'` for a question, `'term'` for a glossary term (it opens on /glossary/); absent for text. */
  kind?: 'quiz' | 'term';
  /** The heading's, question's or term's id (URL fragment); absent for the part before the first heading. */
  id?: string;
  /** The h2 or h3 text, or a term's headword; absent for the opening part and for questions. */
  heading?: string;
  /** For an h3, the h2 it sits under; for a question, its section's heading. */
  parent?: string;
}

/**
 * The plain text (whitespace collapsed) of one note's documents, in the
 * order they have in `SearchData.docs`: what snippets are cut from.
 */
export type SearchText = string[];

/**
 * Words that should find each other (`핸드셰이크`, `핸드쉐이크`, `handshake`).
 * Each entry is the list of query terms it stands for: one for a word,
 * several for a spaced phrase (`공개 키` → [`공개`, `키`]).
 */
export type SynonymGroup = string[][];
