import type { Position } from 'unist';
import { VFileMessage } from 'vfile-message';
import { createTermMatcher, type TermMatcher } from './matchTerms.ts';
import type { DefinedTerm } from './noteTerms.ts';

/** Every term of the site, as the linking step needs it. */
export interface GlossaryIndex {
  /** Terms by id, each with the slug of the note that defines it. */
  terms: Map<string, DefinedTerm & { definedIn: string }>;
  matcher: TermMatcher;
  /** The id of the term called `name` (its id, headword or another spelling), if any. */
  resolve: (name: string) => string | undefined;
}

export interface NoteTermsSource {
  /** `content/<file>.md`, for messages. */
  path: string;
  slug: string;
  terms: DefinedTerm[];
}

/** Spellings that read as the same term: case, Unicode form and spaces aside (`가상 호스트` = `가상호스트`). */
const spellingKey = (form: string): string => form.normalize('NFC').toLowerCase().replace(/\s+/g, '');

/**
 * Puts every note's terms into one index and reports a term (or a spelling of
 * one, or an id) defined twice, in one note or across notes, at the second
 * place, naming the first. Pure; `notes` in a fixed order (by path) so the
 * same content always blames the same place.
 */
export function collectGlossary(notes: readonly NoteTermsSource[]): { index: GlossaryIndex; messages: VFileMessage[] } {
  const messages: VFileMessage[] = [];
  const terms = new Map<string, DefinedTerm & { definedIn: string }>();
  const idOwner = new Map<string, string>();
  const spellingOwner = new Map<string, { owner: DefinedTerm; where: string }>();
  const names = new Map<string, string>();

  for (const note of notes) {
    for (const term of note.terms) {
      const where = (place: Position | undefined) =>
        place ? `${note.path}:${place.start.line}:${place.start.column}` : note.path;
      let clash = false;
      for (const spelling of term.spellings) {
        const key = spellingKey(spelling.form);
        const earlier = spellingOwner.get(key);
        if (earlier && earlier.owner !== term) {
          messages.push(
            fatal(
              `Term \`${spelling.form}\` defined twice: \`${earlier.where}\` already defines it; expected each term defined once, in the note that teaches it (other notes link to it by using it)`,
              note.path,
              spelling.place,
            ),
          );
          clash = true;
        } else if (!earlier) {
          spellingOwner.set(key, { owner: term, where: where(spelling.place) });
        }
      }
      if (clash) continue;
      const earlierId = idOwner.get(term.id);
      if (earlierId) {
        messages.push(
          fatal(
            `Duplicate term id \`${term.id}\` for \`${term.term}\`: \`${earlierId}\` already uses it; expected every term id unique across all notes (set \`id:\` to tell two terms apart), since links and flashcard progress use it`,
            note.path,
            term.place,
          ),
        );
        continue;
      }
      idOwner.set(term.id, where(term.place));
      terms.set(term.id, { ...term, definedIn: note.slug });
      names.set(term.id, term.id);
      for (const spelling of term.spellings) names.set(spellingKey(spelling.form), term.id);
    }
  }

  const matcher = createTermMatcher(
    [...terms.values()].map((term) => ({ id: term.id, forms: term.spellings.map((s) => s.form) })),
  );
  const resolve = (name: string): string | undefined => names.get(name) ?? names.get(spellingKey(name));
  return { index: { terms, matcher, resolve }, messages };
}

function fatal(reason: string, path: string, place: Position | undefined): VFileMessage {
  const message = new VFileMessage(reason, { place, ruleId: 'glossary', source: 'study-notes' });
  message.file = path;
  message.fatal = true;
  return message;
}
