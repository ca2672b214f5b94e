// Served by src/node/notesPlugin.ts at build time; see there.
declare module 'virtual:study-notes' {
  import type { Note, NoteMeta } from '../shared/note.ts';

  /** Every note's metadata, in reading order. */
  export const notes: NoteMeta[];
  /** Loads one note's chunk; resolves to undefined for an unknown slug. */
  export function loadNote(slug: string): Promise<Note | undefined>;
}

declare module 'virtual:study-notes/questions' {
  import type { QuizQuestion } from '../shared/quiz.ts';

  /** Every question of every note, in reading order. */
  export const questions: QuizQuestion[];
  /** Note titles by slug, for labelling questions. */
  export const noteTitles: Record<string, string>;
}

declare module 'virtual:study-notes/islands' {
  import type { Diagram } from '../shared/diagram.ts';
  import type { QuizQuestion } from '../shared/quiz.ts';

  /** Every question id of every note, in reading order (for the due badge). */
  export const questionIds: string[];
  /** Every glossary term's flashcard id (`term:<id>`), counted when the learner studies terms. */
  export const termCardIds: string[];
  /** One note's questions by id; `{}` for an unknown slug. */
  export function loadQuizzes(slug: string): Promise<Record<string, QuizQuestion>>;
  /** One note's diagrams by id; `{}` for an unknown slug. */
  export function loadDiagrams(slug: string): Promise<Record<string, Diagram>>;
}

declare module 'virtual:study-notes/note-questions' {
  /** Each note's question ids, by slug, in reading order (for the home page's progress bars). */
  export const questionIdsByNote: Record<string, string[]>;
}

declare module 'virtual:study-notes/glossary' {
  import type { GlossaryGroup } from '../shared/glossary.ts';

  /** Every term, grouped as the glossary page lists them (가나다, then Latin letters). */
  export const glossaryGroups: GlossaryGroup[];
  /** Note titles by slug, for "defined in" and "used in". */
  export const noteTitles: Record<string, string>;
}

declare module 'virtual:site-font-url' {
  /** The site font's file (src/node/fonts/siteFontPlugin.ts); null on the dev server, which builds none. */
  const url: string | null;
  export default url;
}
