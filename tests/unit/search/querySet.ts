import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { parse } from 'yaml';
import { z } from 'zod';
import { TERMS_FIRST, type SectionHit, type SectionSearch } from '../../../src/app/search/searchSections.ts';
import { collectNotes } from '../../../src/node/pipeline/collectNotes.ts';
import type { CompiledNote } from '../../../src/node/pipeline/compileNote.ts';
import { parseSynonyms } from '../../../src/node/search/parseSynonyms.ts';
import type { GlossaryEntry } from '../../../src/shared/glossary.ts';
import { quizAnchorId } from '../../../src/shared/quiz.ts';

/** How many results a case may look at: the expected place must be among them. */
export const TOP = 3;

const caseSchema = z.object({
  query: z.string().min(1),
  /**
   * `note-slug#section-id` (or `note-slug#` for the note's opening), or
   * `glossary#term-id` for a term case; any one is enough.
   */
  expect: z.array(z.string().regex(/^[a-z0-9-]+#/)).min(1),
  kind: z.enum(['particle', 'variant', 'english', 'code', 'quiz', 'spacing', 'choseong', 'term']),
});
export type QueryCase = z.infer<typeof caseSchema>;

const QUERY_SET = path.resolve(import.meta.dirname, 'querySet.yaml');

export function readQuerySet(file = QUERY_SET): QueryCase[] {
  return z.array(caseSchema).parse(parse(readFileSync(file, 'utf8')));
}

/** The real notes and synonyms in `content/`, compiled the way the build does it. */
export function readContent(contentDir = path.resolve(import.meta.dirname, '../../../content')): {
  notes: CompiledNote[];
  synonyms: string[][];
  glossary: GlossaryEntry[];
} {
  const files = readdirSync(contentDir)
    .filter((name) => name.endsWith('.md'))
    .sort()
    .map((name) => ({ path: `content/${name}`, text: readFileSync(path.join(contentDir, name), 'utf8') }));
  const collection = collectNotes(files);
  if (collection.failed) throw new Error(collection.messages.map(String).join('\n'));
  const synonymsFile = path.join(contentDir, 'search-synonyms.yaml');
  const synonyms = parseSynonyms('content/search-synonyms.yaml', readFileSync(synonymsFile, 'utf8')).groups;
  return { notes: collection.notes, synonyms, glossary: collection.glossary };
}

export interface CaseResult {
  case: QueryCase;
  /** 1-based rank of the first expected place, or undefined when it is not in the top `TOP`. */
  rank: number | undefined;
  /** The first results, as `note#section` (a question as the section it sits in). */
  top: string[];
}

export interface QuerySetScore {
  passed: number;
  total: number;
  /** Mean reciprocal rank over the top `TOP` (0 when missed). */
  mrr: number;
  byKind: Record<string, { passed: number; total: number }>;
  results: CaseResult[];
}

/** Runs every case through `search` and counts those whose expected place is in the top three. */
export function scoreQuerySet(search: SectionSearch, notes: CompiledNote[], cases: QueryCase[]): QuerySetScore {
  // A question counts for the section it sits in.
  const quizSection = new Map<string, string>();
  for (const { note } of notes) {
    for (const block of note.body) {
      if (block.kind === 'quiz') quizSection.set(quizAnchorId(block.question.id), block.question.section?.id ?? '');
    }
  }
  const placeOf = (hit: SectionHit) => {
    if (hit.term) return `glossary#${hit.headingId ?? ''}`;
    const slug = hit.pathname.split('/').filter(Boolean).at(-1) ?? '';
    const id = hit.headingId ?? '';
    return `${slug}#${hit.quiz ? (quizSection.get(id) ?? id) : id}`;
  };

  const results = cases.map((queryCase): CaseResult => {
    // Terms named by the query come first (searchSections.ts); a section case
    // asks where the section stands among sections, a term case where the term is.
    const hits = search.search(queryCase.query, { limit: TOP + TERMS_FIRST }).hits;
    const top = (queryCase.kind === 'term' ? hits : hits.filter((hit) => !hit.term)).slice(0, TOP).map(placeOf);
    const index = top.findIndex((place) => queryCase.expect.includes(place));
    return { case: queryCase, rank: index === -1 ? undefined : index + 1, top };
  });
  const byKind: QuerySetScore['byKind'] = {};
  for (const result of results) {
    const kind = (byKind[result.case.kind] ??= { passed: 0, total: 0 });
    kind.total += 1;
    if (result.rank) kind.passed += 1;
  }
  return {
    passed: results.filter((result) => result.rank).length,
    total: results.length,
    mrr: results.reduce((sum, result) => sum + (result.rank ? 1 / result.rank : 0), 0) / results.length,
    byKind,
    results,
  };
}

/** `34/35 in the top 3 (MRR 0.91); particle 10/10, …` */
export function formatScore(score: QuerySetScore): string {
  const kinds = Object.entries(score.byKind)
    .map(([kind, { passed, total }]) => `${kind} ${passed}/${total}`)
    .join(', ');
  return `${score.passed}/${score.total} in the top ${TOP} (MRR ${score.mrr.toFixed(2)}); ${kinds}`;
}
