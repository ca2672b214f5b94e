// @vitest-environment node
import { IDBFactory } from 'fake-indexeddb';
import 'fake-indexeddb/auto';
import { openDB } from 'idb';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { Rating, reviewCard } from '../../../../src/app/quiz/scheduler.ts';
import {
  LEGACY_DATABASE_NAME,
  progressChannelName,
  progressDatabaseName,
} from '../../../../src/app/storage/databaseName.ts';
import { readDueData } from '../../../../src/app/islands/dueCount.ts';
import { openProgressStore } from '../../../../src/app/storage/progressStore.ts';

// Issue 14, item 3: sites on one origin shared one database and one channel.

const now = new Date('2026-11-25T09:00:00Z');
const siteDatabase = progressDatabaseName(import.meta.env.BASE_URL);

beforeEach(() => {
  globalThis.indexedDB = new IDBFactory();
});

async function answer(store: Awaited<ReturnType<typeof openProgressStore>>, questionId: string, at = now) {
  const { card, log } = reviewCard(undefined, Rating.Good, at);
  await store.recordReview(questionId, card, log);
}

/** One answer stored through a store on `dbName` (default: this site's database), closed after. */
async function answerIn(dbName: string | undefined, questionId: string) {
  const store = await openProgressStore(dbName ? { dbName } : {});
  await answer(store, questionId);
  store.close();
}

/** The questions this site's database holds cards for, as a fresh start reads them. */
async function siteCardIds() {
  const store = await openProgressStore();
  const ids = [...store.getState().cards.keys()].sort();
  store.close();
  return ids;
}

/** A database under `name` made by someone else: `version`, and these stores (keyPath-less). */
async function foreignDatabase(name: string, version: number, stores: string[]) {
  const db = await openDB(name, version, {
    upgrade(database) {
      for (const store of stores) database.createObjectStore(store);
    },
  });
  db.close();
}

describe('database and channel names', () => {
  it('name the database and the channel with the base path', () => {
    expect(progressDatabaseName('/study-notes/')).toBe('study-notes:/study-notes/');
    expect(progressDatabaseName('/')).toBe('study-notes:/');
    expect(progressChannelName(progressDatabaseName('/fork/'))).toBe('study-notes:/fork/:changes');
  });

  it('keeps two sites on one origin apart: own answers, no messages from the other', async () => {
    const first = await openProgressStore({ dbName: progressDatabaseName('/study-notes/') });
    const fork = await openProgressStore({ dbName: progressDatabaseName('/study-notes-fork/') });
    let forkHeard = 0;
    fork.subscribe(() => (forkHeard += 1));
    await answer(first, 'q1');
    // Let a BroadcastChannel message, if any, arrive.
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(fork.getState().cards.size).toBe(0);
    expect(forkHeard).toBe(0);
    first.close();
    fork.close();
  });

  it('opens the database named for this site by default, not the shared `study-notes`', async () => {
    const store = await openProgressStore();
    await answer(store, 'q1');
    store.close();
    const names = (await indexedDB.databases()).map((info) => info.name);
    expect(names).toContain(siteDatabase);
    expect(names).not.toContain(LEGACY_DATABASE_NAME);
  });
});

describe('the old shared `study-notes` database', () => {
  it('is copied into the site database once, and kept', async () => {
    const old = await openProgressStore({ dbName: LEGACY_DATABASE_NAME });
    await answer(old, 'q-old');
    await old.updateSettings({ newPerDay: 7 });
    old.close();

    const store = await openProgressStore();
    expect(store.getState().cards.has('q-old')).toBe(true);
    expect(store.getState().settings.newPerDay).toBe(7);
    expect(store.getState().problems).toEqual([]);
    await answer(store, 'q-new');
    store.close();

    // An answer given later on another copy of the site that still uses the old name…
    await answerIn(LEGACY_DATABASE_NAME, 'q-later');
    // …is not copied again: the copy ran once.
    expect(await siteCardIds()).toEqual(['q-new', 'q-old']);

    // Never deleted or changed.
    const raw = await openDB(LEGACY_DATABASE_NAME);
    expect((await raw.getAllKeys('cards')).sort()).toEqual(['q-later', 'q-old']);
    raw.close();
  });

  it('is looked for without being opened when the browser lists its databases, and copied if it appears later', async () => {
    // Opening a missing database creates it on disk (then the abort removes it): a first
    // visit's first answer would wait for that.
    const open = vi.spyOn(indexedDB, 'open');
    await answerIn(undefined, 'q-new');
    expect(await readDueData(LEGACY_DATABASE_NAME, now)).toBeNull();
    expect(open.mock.calls.map(([name]) => name)).not.toContain(LEGACY_DATABASE_NAME);
    open.mockRestore();

    // Nothing was marked as copied: an older copy of the site, still open, saves later…
    await answerIn(LEGACY_DATABASE_NAME, 'q-old');
    // …and the next start copies it, keeping this site's own answers.
    expect(await siteCardIds()).toEqual(['q-new', 'q-old']);
  });

  it('is left alone, without an error, when it is not shaped like ours', async () => {
    await foreignDatabase(LEGACY_DATABASE_NAME, 3, ['keyval']);
    const store = await openProgressStore();
    expect(store.getState()).toMatchObject({ status: 'ready', mode: 'indexeddb', problems: [] });
    store.close();
    const raw = await openDB(LEGACY_DATABASE_NAME);
    expect(raw.version).toBe(3);
    expect([...raw.objectStoreNames]).toEqual(['keyval']);
    raw.close();
  });
});

describe('a database of this name that is not ours', () => {
  it.each([
    ['no object stores, at a higher version', 99, []],
    ['other object stores', 1, ['keyval']],
  ])('with %s: loads, says so in Korean, and goes on in memory', async (_case, version, stores) => {
    await foreignDatabase(siteDatabase, version, stores);
    const store = await openProgressStore();
    const state = store.getState();
    expect(state.status).toBe('ready');
    expect(state.mode).toBe('memory');
    expect(state.problems).toEqual([expect.stringMatching(/이 사이트가 만들지 않은 데이터베이스.*내보내기/)]);

    // Answers still work for this visit, and the database stays as it was.
    await answer(store, 'q1');
    expect(store.getState().cards.has('q1')).toBe(true);
    store.close();
    const raw = await openDB(siteDatabase);
    expect(raw.version).toBe(version);
    expect([...raw.objectStoreNames]).toEqual(stores);
    raw.close();
  });
});
