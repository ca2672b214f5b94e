// @vitest-environment node
import { IDBFactory } from 'fake-indexeddb';
import 'fake-indexeddb/auto';
import { beforeEach, describe, expect, it } from 'vitest';
import { openProgressStore } from '../../../../src/app/storage/progressStore.ts';
import { syntheticHistory } from './syntheticHistory.ts';

// Issue 14, item 8: import messages in Korean that say what to do.

const now = new Date('2026-11-25T09:00:00Z');

beforeEach(() => {
  globalThis.indexedDB = new IDBFactory();
});

const open = () => openProgressStore({ dbName: 'import', now: () => now });

describe('import messages', () => {
  it('say a file from a newer version of the site was made by it, and to reload', async () => {
    const store = await open();
    const file = { ...syntheticHistory(2, { questions: 1 }), version: 2, newField: true };
    const result = await store.previewImport(JSON.stringify(file));
    expect(result.ok).toBe(false);
    const text = !result.ok ? result.errors.join('\n') : '';
    expect(text).toMatch(/더 새 버전에서 만들었습니다.*새로 고쳐/);
    expect(text).not.toMatch(/Invalid input|version:/);
    store.close();
  });

  it('name each problem in Korean, with what was expected, and what to do', async () => {
    const store = await open();
    const history = syntheticHistory(2, { questions: 1 });
    const broken = {
      ...history,
      cards: [
        { ...history.cards[0], card: { ...history.cards[0]!.card, due: 5, stability: undefined, last_review: 'soon' } },
      ],
    };
    const result = await store.previewImport(JSON.stringify(broken));
    const errors = !result.ok ? result.errors : [];
    expect(errors[0]).toMatch(/진행 상황 파일이지만.*다시 해 주세요/);
    expect(errors).toContain('cards.0.card.due: 문자열이어야 하는데 숫자입니다');
    expect(errors).toContain('cards.0.card.stability: 값이 없습니다. 숫자여야 합니다');
    expect(errors).toContain('cards.0.card.last_review: ISO 날짜·시각(예: 2026-11-25T09:00:00.000Z)이어야 합니다');
    expect(errors.join('\n')).not.toMatch(/Invalid|expected|received/);

    const notOurs = await store.previewImport('{"hello": 1}');
    expect(!notOurs.ok && notOurs.errors[0]).toMatch(/내보낸 진행 상황 파일이 아닙니다.*골라 주세요/);
    const notJson = await store.previewImport('{oops');
    expect(!notJson.ok && notJson.errors[0]).toMatch(/JSON으로 읽을 수 없는 파일입니다.*그대로 골라 주세요/);
    store.close();
  });

  it('count a question or an answer that appears twice in the file once', async () => {
    const store = await open();
    const history = syntheticHistory(3, { questions: 2 });
    const doubled = {
      ...history,
      cards: [...history.cards, ...history.cards],
      logs: [...history.logs, history.logs[0]],
    };
    const result = await store.previewImport(JSON.stringify(doubled));
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.preview).toMatchObject({ newCards: 2, newLogs: 3, duplicateCards: 2, duplicateLogs: 1 });
    expect(result.preview.data.cards).toHaveLength(2);
    await store.applyImport(result.preview.data, 'merge');
    expect(store.getState().answerCount).toBe(3);
    store.close();
  });

  it('report the cards of questions this site does not have', async () => {
    const store = await open();
    const file = syntheticHistory(5, { questions: 3 });
    const result = await store.previewImport(JSON.stringify(file), { questionIds: ['q-0', 'elsewhere'] });
    expect(result.ok && result.preview).toMatchObject({ unknownQuestions: ['q-1', 'q-2'], unknownAnswers: 3 });
    store.close();
  });
});
