// @vitest-environment node
import { IDBFactory } from 'fake-indexeddb';
import 'fake-indexeddb/auto';
import { beforeEach, describe, expect, it } from 'vitest';
import { openProgressStore } from '../../../../src/app/storage/progressStore.ts';
import {
  mergeReadingPlaces,
  parseReadingPlaces,
  placeToResume,
  readReadingPlaces,
  saveReadingPlace,
  type ReadingPlace,
} from '../../../../src/app/storage/readingPlaces.ts';

const now = new Date('2026-11-25T09:00:00Z');
const place = (section: string, at: string, finished = false): ReadingPlace => ({
  section,
  title: `${section} 제목`,
  finished,
  at,
});

beforeEach(() => {
  globalThis.indexedDB = new IDBFactory();
});

describe('reading places', () => {
  it('keeps only well-formed places', () => {
    expect(
      parseReadingPlaces({
        a: place('x', '2026-11-25T09:00:00.000Z'),
        b: { section: 'y' },
        c: { ...place('z', 'not a date') },
      }),
    ).toEqual({ a: place('x', '2026-11-25T09:00:00.000Z') });
    expect(parseReadingPlaces(null)).toEqual({});
    expect(parseReadingPlaces([1])).toEqual({});
  });

  it('merges by the later place, and a note read to the end stays read', () => {
    const here = { a: place('a-1', '2026-11-20T00:00:00.000Z', true), b: place('b-2', '2026-11-24T00:00:00.000Z') };
    const other = { a: place('a-3', '2026-11-22T00:00:00.000Z'), c: place('c-1', '2026-11-01T00:00:00.000Z') };
    expect(mergeReadingPlaces(here, other)).toEqual({
      a: { ...place('a-3', '2026-11-22T00:00:00.000Z'), finished: true },
      b: here.b,
      c: other.c,
    });
  });

  it('resumes the note read most recently and not finished', () => {
    expect(
      placeToResume({
        a: place('a-1', '2026-11-20T00:00:00.000Z'),
        b: place('b-1', '2026-11-24T00:00:00.000Z', true),
        c: place('c-2', '2026-11-22T00:00:00.000Z'),
      }),
    ).toEqual({ slug: 'c', place: place('c-2', '2026-11-22T00:00:00.000Z') });
    expect(placeToResume({ b: place('b-1', '2026-11-24T00:00:00.000Z', true) })).toBeUndefined();
  });

  it('never creates the database by itself, and asks for it when there is none', async () => {
    expect(await saveReadingPlace('db', 'a', place('a-1', now.toISOString()))).toBe(false);
    expect((await indexedDB.databases()).map((info) => info.name)).not.toContain('db');

    const created = await saveReadingPlace('db', 'a', place('a-1', now.toISOString()), async () =>
      (await openProgressStore({ dbName: 'db' })).close(),
    );
    expect(created).toBe(true);
    expect(await readReadingPlaces('db')).toEqual({ a: place('a-1', now.toISOString()) });
  });

  it('goes out with an export and comes back with an import, merged or replacing', async () => {
    const store = await openProgressStore({ dbName: 'a' });
    await saveReadingPlace('a', 'https-ssl', place('tls-13', '2026-11-24T00:00:00.000Z'));
    const file = await store.exportProgress(now);
    expect(file.readingPlaces).toEqual({ 'https-ssl': place('tls-13', '2026-11-24T00:00:00.000Z') });
    store.close();

    const other = await openProgressStore({ dbName: 'b' });
    await saveReadingPlace('b', 'uwsgi', place('설치', '2026-11-23T00:00:00.000Z', true));
    const preview = await other.previewImport(JSON.stringify(file));
    expect(preview.ok).toBe(true);
    if (!preview.ok) return;
    await other.applyImport(preview.preview.data, 'merge');
    expect(Object.keys(await readReadingPlaces('b')).sort()).toEqual(['https-ssl', 'uwsgi']);
    await other.applyImport(preview.preview.data, 'replace');
    expect(Object.keys(await readReadingPlaces('b'))).toEqual(['https-ssl']);
    other.close();
  });

  it('imports a file from before reading places and keeps the places here', async () => {
    const store = await openProgressStore({ dbName: 'c' });
    await saveReadingPlace('c', 'ec2', place('키-페어', '2026-11-24T00:00:00.000Z'));
    const file = await store.exportProgress(now);
    delete file.readingPlaces;
    expect(JSON.stringify(file)).not.toContain('readingPlaces');
    const preview = await store.previewImport(JSON.stringify(file));
    expect(preview.ok).toBe(true);
    if (preview.ok) await store.applyImport(preview.preview.data, 'replace');
    expect(Object.keys(await readReadingPlaces('c'))).toEqual(['ec2']);
    store.close();
  });
});
