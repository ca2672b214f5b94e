// @vitest-environment node
import { IDBFactory } from 'fake-indexeddb';
import 'fake-indexeddb/auto';
import { openDB, type IDBPDatabase, type IDBPTransaction } from 'idb';
import { beforeEach, describe, expect, it } from 'vitest';
import { Rating, reviewCard, rollbackCard } from '../../../../src/app/quiz/scheduler.ts';
import { progressDatabaseName } from '../../../../src/app/storage/databaseName.ts';
import { migrations, openProgressStore, type Migration } from '../../../../src/app/storage/progressStore.ts';

const now = new Date('2026-11-25T09:00:00Z');
/** The database `openProgressStore()` opens by default (named for the site's base path). */
const siteDatabase = progressDatabaseName(import.meta.env.BASE_URL);

beforeEach(() => {
  // A fresh, empty IndexedDB for every test.
  globalThis.indexedDB = new IDBFactory();
});

describe('progress store', () => {
  it('keeps answers across reopening, keyed by question id', async () => {
    const store = await openProgressStore();
    const { card, log } = reviewCard(undefined, Rating.Good, now);
    await store.recordReview('db-2nf-01', card, log);
    store.close();

    const reopened = await openProgressStore();
    const state = reopened.getState();
    expect(state.status).toBe('ready');
    expect(state.cards.get('db-2nf-01')?.due.toISOString()).toBe(card.due.toISOString());
    expect(state.cards.get('db-2nf-01')?.due).toBeInstanceOf(Date);
    expect(state.answerCount).toBe(1);
    expect(state.answersByQuestion.get('db-2nf-01')).toBe(1);
    expect((await reopened.exportProgress(now)).logs[0]?.log.rating).toBe(Rating.Good);
    expect(state.lastChangeAt).toBeInstanceOf(Date);
    reopened.close();
  });

  it('undoes the last answer, back to a new card', async () => {
    const store = await openProgressStore();
    const { card, log } = reviewCard(undefined, Rating.Again, now);
    const entry = await store.recordReview('tls-13-01', card, log);
    await store.undoReview(entry, rollbackCard(card, log));
    expect(store.getState().cards.has('tls-13-01')).toBe(false);
    expect(store.getState()).toMatchObject({ answerCount: 0, days: new Map(), answersByQuestion: new Map() });
    store.close();
    const reopened = await openProgressStore();
    expect(reopened.getState().cards.size).toBe(0);
    expect(reopened.getState()).toMatchObject({ answerCount: 0, days: new Map(), answersByQuestion: new Map() });
    expect((await reopened.exportProgress(now)).logs).toEqual([]);
    reopened.close();
  });

  it('moves corrupt records to a backup, keeps the rest, and says so', async () => {
    const store = await openProgressStore();
    const { card, log } = reviewCard(undefined, Rating.Good, now);
    await store.recordReview('good-one', card, log);
    store.close();

    const raw = await openDB(siteDatabase);
    await raw.put('cards', { questionId: 'broken', card: { due: 'not a date' }, updatedAt: 'x' });
    raw.close();

    const reopened = await openProgressStore();
    const state = reopened.getState();
    expect(state.cards.has('good-one')).toBe(true);
    expect(state.cards.has('broken')).toBe(false);
    expect(state.problems.join('\n')).toMatch(/1개 항목이 손상되어/);
    expect(state.backupCount).toBe(1);
    const backups = (await reopened.readBackups()) as { store: string; value: { questionId: string } }[];
    expect(backups[0]).toMatchObject({ store: 'cards', value: { questionId: 'broken' } });
    reopened.close();

    // The backup is kept on every later load, never overwritten.
    const third = await openProgressStore();
    expect(third.getState().backupCount).toBe(1);
    expect(third.getState().problems).toEqual([]);
    third.close();
  });

  it('exports and imports a round trip, merging by the newer review', async () => {
    const store = await openProgressStore({ dbName: 'a' });
    const first = reviewCard(undefined, Rating.Good, now);
    await store.recordReview('q1', first.card, first.log);
    const exported = JSON.stringify(await store.exportProgress(now));
    store.close();

    const other = await openProgressStore({ dbName: 'b' });
    const local = reviewCard(undefined, Rating.Again, new Date(now.getTime() + 60_000));
    await other.recordReview('q2', local.card, local.log);
    const result = await other.previewImport(exported);
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.preview).toMatchObject({ newCards: 1, newerInFile: 0, newerHere: 0, newLogs: 1 });
    await other.applyImport(result.preview.data, 'merge');
    expect([...other.getState().cards.keys()].sort()).toEqual(['q1', 'q2']);
    expect(other.getState().answerCount).toBe(2);

    // Importing the same file again adds nothing.
    const again = await other.previewImport(exported);
    expect(again.ok && again.preview).toMatchObject({ newCards: 0, newLogs: 0 });

    await other.applyImport(result.preview.data, 'replace');
    expect([...other.getState().cards.keys()]).toEqual(['q1']);
    other.close();
  });

  it('rejects a bad import file and changes nothing', async () => {
    const store = await openProgressStore();
    const { card, log } = reviewCard(undefined, Rating.Good, now);
    await store.recordReview('q1', card, log);
    const notJson = await store.previewImport('{oops');
    expect(notJson).toMatchObject({ ok: false });
    expect(!notJson.ok && notJson.errors[0]).toMatch(/JSON으로 읽을 수 없는 파일/);
    const wrong = await store.previewImport(JSON.stringify({ format: 'study-notes-progress', version: 1, cards: 'x' }));
    expect(!wrong.ok && wrong.errors.join('\n')).toMatch(
      /진행 상황 파일이지만 아래 항목이 올바르지 않습니다[\s\S]*cards/,
    );
    expect(store.getState().cards.size).toBe(1);
    store.close();
  });

  it('keeps two tabs consistent', async () => {
    const tabA = await openProgressStore({ dbName: 'shared' });
    const tabB = await openProgressStore({ dbName: 'shared' });
    const changed = new Promise<void>((resolve) => {
      const stop = tabB.subscribe(() => {
        if (tabB.getState().cards.has('q1')) {
          stop();
          resolve();
        }
      });
    });
    const { card, log } = reviewCard(undefined, Rating.Good, now);
    await tabA.recordReview('q1', card, log);
    await changed;
    expect(tabB.getState().answerCount).toBe(1);
    tabA.close();
    tabB.close();
  });

  it('saves the daily limit of new questions', async () => {
    const store = await openProgressStore();
    await store.updateSettings({ newPerDay: 5 });
    store.close();
    const reopened = await openProgressStore();
    expect(reopened.getState().settings.newPerDay).toBe(5);
    await expect(reopened.updateSettings({ newPerDay: -1 })).rejects.toThrow();
    reopened.close();
  });

  describe('schema upgrades', () => {
    // A rehearsal of a future step: it adds an index and rewrites every
    // card record, the two kinds of change a real step would make.
    let ran = 0;
    // Steps are typed by today's schema; a new step's stores and indexes are not in it yet.
    const untyped = (tx: unknown) => tx as IDBPTransaction<unknown, string[], 'versionchange'>;
    const nextStep: Migration = async (_db, tx) => {
      ran += 1;
      untyped(tx).objectStore('logs').createIndex('byQuestion2', 'questionId');
      let cursor = await tx.objectStore('cards').openCursor();
      while (cursor) {
        await cursor.update({ ...cursor.value, updatedAt: `${cursor.value.updatedAt}` });
        await tx.objectStore('meta').put({ key: `v2:${cursor.value.questionId}`, value: true });
        cursor = await cursor.continue();
      }
    };

    beforeEach(() => {
      ran = 0;
    });

    async function storeWithOneAnswer() {
      const store = await openProgressStore();
      const { card, log } = reviewCard(undefined, Rating.Good, now);
      await store.recordReview('db-2nf-01', card, log);
      store.close();
      return card;
    }

    it('upgrades a database step by step, keeping every answer', async () => {
      const card = await storeWithOneAnswer();
      const upgraded = await openProgressStore({ migrations: [...migrations, nextStep] });
      const state = upgraded.getState();
      expect(state.mode).toBe('indexeddb');
      expect(state.problems).toEqual([]);
      expect(state.cards.get('db-2nf-01')?.due.toISOString()).toBe(card.due.toISOString());
      expect(state.answerCount).toBe(1);
      upgraded.close();

      const raw = await openDB(siteDatabase);
      expect(raw.version).toBe(migrations.length + 1);
      expect(await raw.get('meta', 'v2:db-2nf-01')).toEqual({ key: 'v2:db-2nf-01', value: true });
      expect([...raw.transaction('logs').store.indexNames]).toContain('byQuestion2');
      raw.close();

      // Opening again at the new version runs no step twice.
      (await openProgressStore({ migrations: [...migrations, nextStep] })).close();
      expect(ran).toBe(1);
    });

    it('rolls a failed step back: the old data stays at the old version', async () => {
      await storeWithOneAnswer();
      const failing: Migration = (db) => {
        (db as unknown as IDBPDatabase).createObjectStore('half-made');
        throw new Error('step 2 failed');
      };
      const store = await openProgressStore({ migrations: [...migrations, failing] });
      expect(store.getState().mode).toBe('memory');
      expect(store.getState().problems.join(' ')).toMatch(/IndexedDB/);
      store.close();

      const raw = await openDB(siteDatabase);
      expect(raw.version).toBe(migrations.length);
      expect([...raw.objectStoreNames]).not.toContain('half-made');
      expect(await raw.get('cards', 'db-2nf-01')).toBeDefined();
      raw.close();
    });

    it('leaves a database from a newer version of the app untouched, and says so', async () => {
      await storeWithOneAnswer();
      (await openProgressStore({ migrations: [...migrations, nextStep] })).close();

      // This tab runs the older app, say from the offline cache.
      const older = await openProgressStore();
      expect(older.getState().mode).toBe('memory');
      expect(older.getState().problems).toEqual([expect.stringContaining('더 새 버전의 앱이 저장한 진행 상황')]);
      const { card, log } = reviewCard(undefined, Rating.Again, now);
      await older.recordReview('tls-13-01', card, log);
      older.close();

      const raw = await openDB(siteDatabase);
      expect(raw.version).toBe(migrations.length + 1);
      expect(await raw.get('cards', 'db-2nf-01')).toBeDefined();
      expect(await raw.get('cards', 'tls-13-01')).toBeUndefined();
      raw.close();
    });

    it('steps aside when a newer version in another tab upgrades, and says why', async () => {
      await storeWithOneAnswer();
      const oldTab = await openProgressStore();
      const newTab = await openProgressStore({ migrations: [...migrations, nextStep] });
      expect(newTab.getState().mode).toBe('indexeddb');
      expect(newTab.getState().cards.has('db-2nf-01')).toBe(true);
      expect(oldTab.getState().mode).toBe('memory');
      expect(oldTab.getState().problems).toEqual([expect.stringContaining('다른 탭에서 새 버전의 앱이')]);
      oldTab.close();
      newTab.close();
    });
  });
});

describe('term flashcards setting', () => {
  it('is off until the learner turns it on, kept across reopening and in the export file', async () => {
    const store = await openProgressStore();
    expect(store.getState().settings.studyTerms).toBeUndefined();
    await store.updateSettings({ studyTerms: true });
    store.close();
    const reopened = await openProgressStore();
    expect(reopened.getState().settings).toEqual({ newPerDay: 20, studyTerms: true });
    expect((await reopened.exportProgress(now)).settings).toEqual({ newPerDay: 20, studyTerms: true });
    reopened.close();
  });

  it('reads files written before it (no `studyTerms`) and files with it', async () => {
    const { parseImportFile } = await import('../../../../src/app/storage/importExport.ts');
    const file = (settings: object) =>
      JSON.stringify({
        format: 'study-notes-progress',
        version: 1,
        exportedAt: now.toISOString(),
        settings,
        cards: [],
        logs: [],
      });
    const old = parseImportFile(file({ newPerDay: 10 }), now);
    expect(old.ok && old.data.settings).toEqual({ newPerDay: 10 });
    const withTerms = parseImportFile(file({ newPerDay: 10, studyTerms: true }), now);
    expect(withTerms.ok && withTerms.data.settings).toEqual({ newPerDay: 10, studyTerms: true });
  });
});
