import { data, type LoaderFunctionArgs } from 'react-router';
import { flatBlocks, type Note, type NoteMeta } from '../shared/note.ts';
import { tagSlug } from '../shared/routes.ts';
import { preloadEmbeds } from './lazyEmbed.ts';

// The index (metadata of every note + one loader per note) is its own chunk,
// so the entry's JavaScript stays the same size however many notes exist.
const loadIndex = () => import('virtual:study-notes');

/** Root loader: metadata of every note, for the home list and the sidebar. */
export async function loadNoteList(): Promise<NoteMeta[]> {
  return (await loadIndex()).notes;
}

/** Note route loader: one note's chunk, or a 404 response. */
export async function loadNoteBySlug({ params }: LoaderFunctionArgs): Promise<Note> {
  const note: Note | undefined = params.slug ? await (await loadIndex()).loadNote(params.slug) : undefined;
  if (!note) throw data(`No note called ${params.slug ?? ''}`, { status: 404 });
  // Load the note's quiz/diagram code with it, so those blocks render at once
  // instead of appearing a moment later and pushing a #heading target away.
  await preloadEmbeds(
    flatBlocks(note.body)
      .filter((block) => block.kind !== 'html')
      .map((block) => block.kind),
  );
  return note;
}

/** What a tag page shows: the tag as the notes write it, and those notes in reading order. */
export interface TagPageData {
  tag: string;
  notes: NoteMeta[];
}

/** Tag route loader: the notes with the tag in the URL (case and spacing aside), or a 404 response. */
export async function loadNotesWithTag({ params }: LoaderFunctionArgs): Promise<TagPageData> {
  const wanted = tagSlug(params.tag ?? '');
  const notes = (await loadIndex()).notes.filter((note) => note.tags.some((tag: string) => tagSlug(tag) === wanted));
  const tag = notes[0]?.tags.find((candidate: string) => tagSlug(candidate) === wanted);
  if (!tag) throw data(`No note has the tag ${params.tag ?? ''}`, { status: 404 });
  return { tag, notes };
}

/** Loader of the catch-all route: every unknown path is a 404. */
export function notFound(): never {
  throw data('Not found', { status: 404 });
}

/** Previous and next notes in reading order. */
export function neighbours(notes: NoteMeta[], slug: string): { previous?: NoteMeta; next?: NoteMeta } {
  const index = notes.findIndex((note) => note.slug === slug);
  if (index === -1) return {};
  const result: { previous?: NoteMeta; next?: NoteMeta } = {};
  const previous = notes[index - 1];
  const next = notes[index + 1];
  if (previous) result.previous = previous;
  if (next) result.next = next;
  return result;
}
