import { VFileMessage } from 'vfile-message';
import type { CompiledNote } from '../pipeline/compileNote.ts';

/**
 * The largest file the service worker precaches (Workbox's
 * `maximumFileSizeToCacheInBytes`, set from this in vite.config.ts). Larger
 * files would make vite-plugin-pwa fail the build naming only the output
 * file; `noteSizeProblems` names the note and the place instead.
 */
export const MAX_PRECACHE_FILE_BYTES = 4 * 1024 * 1024;

/** A built file that holds one note: its page (`notes/<slug>/index.html`) or its data chunk. */
export interface NoteFile {
  slug: string;
  /** Path inside the output folder. */
  file: string;
  bytes: number;
}

/**
 * One fatal message per note whose page or data chunk is over `limitBytes`,
 * placed at the note's largest block (where cutting helps most) and saying
 * how much of the file it makes up. Pure: the caller measures the files.
 */
export function noteSizeProblems(
  files: readonly NoteFile[],
  notes: readonly CompiledNote[],
  limitBytes: number = MAX_PRECACHE_FILE_BYTES,
): VFileMessage[] {
  const messages: VFileMessage[] = [];
  for (const compiled of notes) {
    const [largestFile] = files.filter((file) => file.slug === compiled.note.slug).sort((a, b) => b.bytes - a.bytes);
    if (!largestFile || largestFile.bytes <= limitBytes) continue;
    const { file, bytes } = largestFile;
    const largest = compiled.blockSizes.reduce<CompiledNote['blockSizes'][number] | undefined>(
      (best, block) => (block.place && (!best || block.bytes > best.bytes) ? block : best),
      undefined,
    );
    const share = largest ? `; the block here is ${size(largest.bytes)} of it` : '';
    const message = new VFileMessage(
      `Note too large to keep offline: its ${file.endsWith('.html') ? 'page' : 'data'} \`${file}\` is ${size(bytes)}, over the ${size(limitBytes)} the service worker precaches per file${share}: expected a smaller note (split it into two notes, or shorten this block)`,
      { place: largest?.place ?? { line: 1, column: 1 }, ruleId: 'note-size', source: 'study-notes' },
    );
    message.file = compiled.path;
    message.fatal = true;
    messages.push(message);
  }
  return messages;
}

const size = (bytes: number): string =>
  bytes >= 1024 * 1024 ? `${(bytes / 1024 / 1024).toFixed(1)} MiB` : `${(bytes / 1024).toFixed(1)} KiB`;
