// Served by src/build/notesPlugin.ts at build time; see there.
declare module 'virtual:study-notes' {
  import type { Note, NoteMeta } from '../shared/note.ts';

  /** Every note's metadata, in reading order. */
  export const notes: NoteMeta[];
  /** Loads one note's chunk; resolves to undefined for an unknown slug. */
  export function loadNote(slug: string): Promise<Note | undefined>;
}
