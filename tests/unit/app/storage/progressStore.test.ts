// @vitest-environment node
import { IDBFactory } from 'fake-indexeddb';
import 'fake-indexeddb/auto';
import { openDB } from 'idb';
import { beforeEach, describe, expect, it } from 'vitest';
import { Rating, reviewCard, rollbackCard } from '../../../../src/app/quiz/scheduler.ts';
import { openProgressStore } from '../../../../src/app/storage/progressStore.ts';

const now = new Date('2026-11-25T09:00:00Z');

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
    expect(state.logs).toHaveLength(1);
    expect(state.logs[0]?.log.rating).toBe(Rating.Good);
    expect(state.lastChangeAt).toBeInstanceOf(Date);
    reopened.close();
  });

  it('undoes the last answer, back to a new card', async () => {
    const store = await openProgressStore();
    const { card, log } = reviewCard(undefined, Rating.Again, now);
    const entry = await store.recordReview('tls-13-01', card, log);
    await store.undoReview(entry, rollbackCard(card, log));
    expect(store.getState().cards.has('tls-13-01')).toBe(false);
    expect(store.getState().logs).toEqual([]);
    store.close();
    const reopened = await openProgressStore();
    expect(reopened.getState().cards.size).toBe(0);
    expect(reopened.getState().logs).toEqual([]);
    reopened.close();
  });

  it('moves corrupt records to a backup, keeps the rest, and says so', async () => {
    const store = await openProgressStore();
    const { card, log } = reviewCard(undefined, Rating.Good, now);
    await store.recordReview('good-one', card, log);
    store.close();

    const raw = await openDB('study-notes');
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
    const exported = JSON.stringify(store.exportProgress(now));
    store.close();

    const other = await openProgressStore({ dbName: 'b' });
    const local = reviewCard(undefined, Rating.Again, new Date(now.getTime() + 60_000));
    await other.recordReview('q2', local.card, local.log);
    const result = other.previewImport(exported);
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.preview).toMatchObject({ newCards: 1, newerInFile: 0, newerHere: 0, newLogs: 1 });
    await other.applyImport(result.preview.data, 'merge');
    expect([...other.getState().cards.keys()].sort()).toEqual(['q1', 'q2']);
    expect(other.getState().logs).toHaveLength(2);

    // Importing the same file again adds nothing.
    const again = other.previewImport(exported);
    expect(again.ok && again.preview).toMatchObject({ newCards: 0, newLogs: 0 });

    await other.applyImport(result.preview.data, 'replace');
    expect([...other.getState().cards.keys()]).toEqual(['q1']);
    other.close();
  });

  it('rejects a bad import file and changes nothing', async () => {
    const store = await openProgressStore();
    const { card, log } = reviewCard(undefined, Rating.Good, now);
    await store.recordReview('q1', card, log);
    const notJson = store.previewImport('{oops');
    expect(notJson).toMatchObject({ ok: false });
    expect(!notJson.ok && notJson.errors[0]).toMatch(/JSON으로 읽을 수 없는 파일/);
    const wrong = store.previewImport(JSON.stringify({ format: 'study-notes-progress', version: 1, cards: 'x' }));
    expect(!wrong.ok && wrong.errors.join('\n')).toMatch(/내용이 올바르지 않습니다[\s\S]*cards/);
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
    expect(tabB.getState().logs).toHaveLength(1);
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
});
