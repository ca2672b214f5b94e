/**
 * Keeps the service worker's first download reasonable as notes are added.
 *
 * Precaching every page is what makes "after one visit, every note reads
 * offline" true, and for this site it costs about 2.5 MiB. But every page
 * lists every note, so the pages grow with the number of notes and the whole
 * precache with its square: 1,000 notes would be about 350 MiB. Past the
 * budget, the note pages (not the app, its note chunks, styles or font) are
 * left out of the precache; the service worker caches each one when it is
 * visited instead (see the `note-pages` runtime cache in vite.config.ts).
 */

export interface PrecacheEntry {
  url: string;
  size: number;
}

/** Note pages: `notes/<slug>/index.html`. */
const NOTE_PAGE = /^notes\/[^/]+\/index\.html$/;

export function fitPrecache<T extends PrecacheEntry>(
  entries: readonly T[],
  budgetBytes: number,
): { manifest: T[]; warnings: string[] } {
  const total = entries.reduce((sum, entry) => sum + entry.size, 0);
  if (total <= budgetBytes) return { manifest: [...entries], warnings: [] };
  const manifest = entries.filter((entry) => !NOTE_PAGE.test(entry.url));
  const left = entries.length - manifest.length;
  const kept = manifest.reduce((sum, entry) => sum + entry.size, 0);
  return {
    manifest,
    warnings: [
      `study-notes: the precache would be ${mib(total)} (budget ${mib(budgetBytes)}); ${left} note pages are cached when visited instead, leaving ${mib(kept)}`,
    ],
  };
}

const mib = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(1)} MiB`;
