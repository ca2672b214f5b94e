/**
 * Names of the browser storage that holds quiz progress, one set per site.
 *
 * Every project site on one origin (`https://<user>.github.io/notes/`, a fork at
 * `/notes-copy/`) shares one IndexedDB namespace and one BroadcastChannel
 * namespace, so the names carry the site's base path (`import.meta.env.BASE_URL`).
 * Before this, every copy used `study-notes` and could break the other's progress.
 *
 * No imports on purpose: the page loader reads the due count straight from
 * IndexedDB with this name before zod and ts-fsrs load. Such a reader must open
 * the database without a version and abort `upgradeneeded` (the database does
 * not exist yet): creating it would leave an empty database for the store to
 * find.
 */

/** The one name every site used before names carried the base path; copied from once, never deleted. */
export const LEGACY_DATABASE_NAME = 'study-notes';

/** The IndexedDB database of the site served under `base` (e.g. `/study-notes/` → `study-notes:/study-notes/`). */
export function progressDatabaseName(base: string): string {
  return `study-notes:${base}`;
}

/** The BroadcastChannel that tells the other tabs of the same database that progress changed. */
export function progressChannelName(databaseName: string): string {
  return `${databaseName}:changes`;
}

/**
 * True when the browser lists its databases and `name` is not among them. A reader
 * that must not create a database learns this without opening it: opening one that
 * does not exist creates it on disk, and aborting removes it again, which costs a
 * phone a few hundred milliseconds on a first visit. Unknown (no list) is false.
 */
export async function knownAbsent(name: string): Promise<boolean> {
  if (typeof indexedDB === 'undefined' || typeof indexedDB.databases !== 'function') return false;
  const listed = await indexedDB.databases().catch(() => undefined);
  return !!listed && !listed.some((database) => database.name === name);
}
