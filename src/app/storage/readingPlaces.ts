/**
 * Where the learner is in each note: the section reached and whether the
 * note was read to its end. Kept in the progress database's `meta` store
 * under one key (no schema change: issue 19), exported and imported with the
 * rest of the progress as the optional `readingPlaces` field.
 *
 * Plain IndexedDB, no idb or zod: the note page's loader writes it. Like the
 * due badge (islands/dueCount.ts), it never creates the database itself: a
 * reader opening the database without a version would leave an empty one for
 * the progress store to find. When there is none yet, `saveReadingPlace`
 * asks `createDatabase` (the progress store, loaded then) to make it.
 */

/** The `meta` key. */
export const READING_PLACES_KEY = 'readingPlaces';

export interface ReadingPlace {
  /** Id of the heading of the section reached (h2 or h3). */
  section: string;
  /** That heading's text, to name it on the home page. */
  title: string;
  /** Read to the end at least once. */
  finished: boolean;
  /** When this place was last written (ISO). */
  at: string;
}

/** By note slug. */
export type ReadingPlaces = Record<string, ReadingPlace>;

const isPlace = (value: unknown): value is ReadingPlace => {
  const place = value as Partial<ReadingPlace> | null;
  return (
    typeof place === 'object' &&
    place !== null &&
    typeof place.section === 'string' &&
    typeof place.title === 'string' &&
    typeof place.finished === 'boolean' &&
    typeof place.at === 'string' &&
    !Number.isNaN(Date.parse(place.at))
  );
};

/** The well-formed places of a stored or imported value; anything else is dropped. */
export function parseReadingPlaces(value: unknown): ReadingPlaces {
  const places: ReadingPlaces = {};
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return places;
  for (const [slug, place] of Object.entries(value)) {
    if (isPlace(place))
      places[slug] = { section: place.section, title: place.title, finished: place.finished, at: place.at };
  }
  return places;
}

/**
 * Both sets of places: per note the later place, and "read to the end" if
 * either says so (reading a finished note again does not unfinish it).
 */
export function mergeReadingPlaces(here: ReadingPlaces, other: ReadingPlaces): ReadingPlaces {
  const merged: ReadingPlaces = { ...here };
  for (const [slug, place] of Object.entries(other)) {
    const current = merged[slug];
    if (!current) merged[slug] = place;
    else {
      const later = Date.parse(place.at) > Date.parse(current.at) ? place : current;
      merged[slug] = { ...later, finished: current.finished || place.finished };
    }
  }
  return merged;
}

/** The note to go on with: the most recently read one not finished, if any. */
export function placeToResume(places: ReadingPlaces): { slug: string; place: ReadingPlace } | undefined {
  let best: { slug: string; place: ReadingPlace } | undefined;
  for (const [slug, place] of Object.entries(places)) {
    if (place.finished) continue;
    if (!best || place.at > best.place.at) best = { slug, place };
  }
  return best;
}

const request = <T>(req: IDBRequest<T>): Promise<T> =>
  new Promise((resolve, reject) => {
    req.onsuccess = () => resolve(req.result);
    req.onerror = () => reject(req.error);
  });

/** The database if it exists with a `meta` store; undefined otherwise (never creates it). */
function openExisting(name: string): Promise<IDBDatabase | undefined> {
  if (typeof indexedDB === 'undefined') return Promise.resolve(undefined);
  return new Promise((resolve) => {
    let opening: IDBOpenDBRequest;
    try {
      opening = indexedDB.open(name);
    } catch {
      resolve(undefined);
      return;
    }
    opening.onupgradeneeded = () => opening.transaction?.abort();
    opening.onerror = () => resolve(undefined);
    opening.onblocked = () => resolve(undefined);
    opening.onsuccess = () => {
      const db = opening.result;
      db.onversionchange = () => db.close();
      if (db.objectStoreNames.contains('meta')) resolve(db);
      else {
        db.close();
        resolve(undefined);
      }
    };
  });
}

/** Every stored place; none when there is no database (or it cannot be read). */
export async function readReadingPlaces(name: string): Promise<ReadingPlaces> {
  const db = await openExisting(name);
  if (!db) return {};
  try {
    const record = (await request(db.transaction('meta').objectStore('meta').get(READING_PLACES_KEY))) as
      { value?: unknown } | undefined;
    return parseReadingPlaces(record?.value);
  } catch {
    return {};
  } finally {
    db.close();
  }
}

/**
 * Stores `place` for `slug` (merged with what is there, in one transaction).
 * Without a database yet, `createDatabase` makes it first. Resolves to false
 * when nothing could be stored (no IndexedDB, private mode, blocked).
 */
export async function saveReadingPlace(
  name: string,
  slug: string,
  place: ReadingPlace,
  createDatabase?: () => Promise<void>,
): Promise<boolean> {
  let db = await openExisting(name);
  if (!db && createDatabase) {
    await createDatabase().catch(() => undefined);
    db = await openExisting(name);
  }
  if (!db) return false;
  try {
    const tx = db.transaction('meta', 'readwrite');
    const meta = tx.objectStore('meta');
    const record = (await request(meta.get(READING_PLACES_KEY))) as { value?: unknown } | undefined;
    const places = mergeReadingPlaces(parseReadingPlaces(record?.value), { [slug]: place });
    meta.put({ key: READING_PLACES_KEY, value: places });
    await new Promise<void>((resolve, reject) => {
      tx.oncomplete = () => resolve();
      tx.onerror = () => reject(tx.error);
      tx.onabort = () => reject(tx.error);
    });
    return true;
  } catch {
    return false;
  } finally {
    db.close();
  }
}
