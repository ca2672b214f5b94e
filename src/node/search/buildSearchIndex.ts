/**
 * Builds the search index at build time, so the browser only loads it.
 *
 * Why MiniSearch (lucaong/minisearch) rather than FlexSearch: it is small
 * (with our search code, a 9 KB gzip chunk), has no dependencies and ships its own
 * TypeScript types; its whole index serializes with `toJSON()` to one plain
 * object that `loadJS()` restores with the same options (VitePress's local
 * search ships it the same way). It takes our own tokenizer per field, and
 * queries can be trees (every word AND, each word OR its synonyms, a spaced
 * synonym as an AND of its words), with prefix and fuzzy matching decided per
 * term and BM25 ranking with per-field boosts. FlexSearch is faster on very
 * large corpora, but it exports an index as many keyed parts through a
 * callback, and a document search returns id lists per field, leaving
 * ranking across fields and synonyms to us. For a learner's notes MiniSearch
 * is fast enough: on 1,000 notes (4,000 sections) a query takes about 2 ms,
 * snippets included, 15 ms at worst (`npm run bench`).
 *
 * Korean is handled by the tokenizer in src/shared/search/analyzeText.ts,
 * shared with the browser: Intl.Segmenter words, particle stripping, word
 * tails for compounds. See there.
 */
import MiniSearch from 'minisearch';
import { termAnchorId, type GlossaryEntry } from '../../shared/glossary.ts';
import { flatBlocks } from '../../shared/note.ts';
import { quizAnchorId } from '../../shared/quiz.ts';
import { withoutDerivedIds } from '../../shared/search/docIds.ts';
import { packIndex } from '../../shared/search/packedIndex.ts';
import type { SearchData, SearchDoc, SearchText } from '../../shared/search/searchData.ts';
import { searchIndexOptions, type IndexedSection } from '../../shared/search/searchIndexOptions.ts';
import { toSynonymGroups } from '../../shared/search/synonymTerms.ts';
import type { CompiledNote } from '../pipeline/compileNote.ts';
import { quizText } from './quizText.ts';

export interface BuiltSearch {
  /** Loaded the first time search opens. */
  data: SearchData;
  /** Per note (same order as `data.notes`), the text of its documents, loaded when shown. */
  texts: SearchText[];
}

/**
 * Turns compiled notes into the data the search dialog loads: one document
 * per h2/h3 section, one for each note's opening (summary, goals and the
 * text before the first heading) and one per quiz question, the packed
 * index and the synonyms; and, apart, each note's text for snippets.
 * Each glossary term is a document too, filed under the note that defines it.
 * Pure: same notes in, same JSON out.
 */
export function buildSearchIndex(
  notes: CompiledNote[],
  synonyms: string[][] = [],
  glossary: readonly GlossaryEntry[] = [],
): BuiltSearch {
  const docs: SearchDoc[] = [];
  const indexed: IndexedSection[] = [];
  const texts: SearchText[] = notes.map(() => []);

  /** `searched` is what the index holds when it differs from `text`, what the snippet shows. */
  const add = (doc: SearchDoc, text: string, keywords: string[], searched = text) => {
    indexed.push({ key: docs.length, keywords: keywords.join(' '), heading: doc.heading ?? '', text: searched });
    docs.push(doc);
    texts[doc.note]?.push(text);
  };

  notes.forEach(({ note, sections }, noteIndex) => {
    let parent: string | undefined;
    for (const section of sections) {
      if (section.depth === 2) parent = section.heading;
      const doc: SearchDoc = { note: noteIndex };
      let text = section.text;
      if (section.depth === 1) {
        text = [note.summary, ...note.goals.map((goal) => goal.text), section.text].filter(Boolean).join(' ');
      } else {
        doc.id = section.id as string;
        doc.heading = section.heading;
        if (section.depth === 3 && parent) doc.parent = parent;
      }
      add(doc, text, [note.title, ...note.tags, doc.parent ?? '']);
    }
    // Questions are their own results: "that question about 2NF" is a thing
    // learners look for. Their section's heading only helps ranking a little
    // (keywords), so a heading match still puts the section itself first.
    for (const block of flatBlocks(note.body)) {
      if (block.kind !== 'quiz') continue;
      const { section } = block.question;
      const doc: SearchDoc = {
        note: noteIndex,
        kind: 'quiz',
        id: quizAnchorId(block.question.id),
      };
      if (section) doc.parent = section.title;
      add(doc, quizText(block.question), [note.title, ...note.tags, section?.title ?? '']);
    }
  });

  // A term is found by its headword (as the heading, so an exact name ranks
  // it high) and other spellings; its definition is only the snippet: the
  // sections that teach a word answer a search for it better, and leaving
  // definitions out of the index keeps search's first download small.
  const noteIndex = new Map(notes.map(({ note }, position) => [note.slug, position]));
  for (const entry of glossary) {
    const note = noteIndex.get(entry.definedIn);
    if (note === undefined) continue;
    const doc: SearchDoc = { note, kind: 'term', id: termAnchorId(entry.id), heading: entry.term };
    add(doc, entry.definition.text, entry.also, '');
  }

  const miniSearch = new MiniSearch<IndexedSection>(searchIndexOptions);
  miniSearch.addAll(indexed);
  return {
    data: {
      index: packIndex(miniSearch.toJSON()),
      notes: notes.map(({ note }) => ({ slug: note.slug, title: note.title })),
      docs: withoutDerivedIds(docs),
      synonyms: toSynonymGroups(synonyms),
    },
    texts,
  };
}
