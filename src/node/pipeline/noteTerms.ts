import { slug as githubSlug } from 'github-slugger';
import type { Root, Yaml } from 'mdast';
import type { Position } from 'unist';
import { VFile } from 'vfile';
import type { NoteTerm } from '../../shared/glossary.ts';
import { renderInline } from './inlineMarkdown.ts';
import { parseFrontmatter, type ParsedFrontmatter } from './parseFrontmatter.ts';

/** A term as the build knows it: what the note ships, plus where it is written. */
export interface DefinedTerm extends NoteTerm {
  /** The Markdown of the definition, as written. */
  definitionMarkdown: string;
  /** Where the headword is written in the note's front matter. */
  place: Position | undefined;
  /** Each spelling (headword first) with where it is written, for messages about a spelling used twice. */
  spellings: { form: string; place: Position | undefined }[];
}

/** The terms of valid front matter, with their ids and places. */
export function termsOf(parsed: ParsedFrontmatter): DefinedTerm[] {
  return parsed.data.terms.map((entry, index) => {
    const place = parsed.placeOf(['terms', index, 'term']);
    return {
      id: entry.id ?? defaultTermId(entry.term),
      term: entry.term,
      also: entry.also,
      definition: renderInline(entry.definition),
      definitionMarkdown: entry.definition,
      place,
      spellings: [
        { form: entry.term, place },
        ...entry.also.map((form, alsoIndex) => ({ form, place: parsed.placeOf(['terms', index, 'also', alsoIndex]) })),
      ],
    };
  });
}

/**
 * The id made from a headword when the author gives none: github-slugger's
 * rules, as for heading ids (`자명한 종속` → `자명한-종속`, `AEAD` → `aead`).
 */
export function defaultTermId(term: string): string {
  return githubSlug(term).replace(/-{2,}/g, '-').replace(/^-|-$/g, '') || 'term';
}

const FRONT_MATTER = /^---\r?\n([\s\S]*?)\r?\n---[ \t]*(?:\r?\n|$)/;

/**
 * The terms a note defines, read from its front matter alone (without
 * compiling the body), so every note's terms are known before any note's
 * prose is linked. Returns [] when the front matter is missing or invalid:
 * `compileNote` reports that, with its place.
 */
export function readNoteTerms(path: string, text: string): DefinedTerm[] {
  const found = FRONT_MATTER.exec(text);
  if (!found) return [];
  const lines = found[0].split('\n').length - (found[0].endsWith('\n') ? 1 : 0);
  const yaml: Yaml = {
    type: 'yaml',
    value: found[1] ?? '',
    position: { start: { line: 1, column: 1 }, end: { line: lines, column: 4 } },
  };
  const tree: Root = { type: 'root', children: [yaml] };
  const parsed = parseFrontmatter(tree, new VFile({ path, value: text }));
  return parsed ? termsOf(parsed) : [];
}
