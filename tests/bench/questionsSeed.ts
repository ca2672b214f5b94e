import { migrations, openWith } from '../../src/app/storage/migrations.ts';
import { openProgressStore } from '../../src/app/storage/progressStore.ts';
import { syntheticHistory } from '../unit/app/storage/syntheticHistory.ts';

/**
 * Seeds the site's progress database in a browser page: `cards` cards and
 * `answers` answers to questions `q-0` … `q-(cards-1)` (the synthetic notes'
 * questions), the answers stored one record each as answering stores them,
 * then the store opened once so its upgrade totals them. Returns the
 * seeding time (ms). No Node imports: bundled by Vite for the page.
 */
export async function seedProgress(dbName: string, cards: number, answers: number, end: string): Promise<number> {
  const start = performance.now();
  const history = syntheticHistory(answers, { questions: cards, days: 365 * 2, end: new Date(end) });
  const v1 = await openWith(dbName, migrations.slice(0, 1), () => undefined);
  const tx = v1.transaction(['cards', 'logs'], 'readwrite');
  await Promise.all([
    ...history.cards.map((record) => tx.objectStore('cards').put(record)),
    ...history.logs.map((record) => tx.objectStore('logs').add(record)),
  ]);
  await tx.done;
  v1.close();
  const store = await openProgressStore({ dbName, copyFrom: null });
  // A few flagged and suspended questions, as a learner would have.
  await store.markQuestions(['q-1', 'q-20', 'q-300'], { flagged: true }, new Date(end));
  await store.markQuestions(['q-2', 'q-40'], { suspended: true }, new Date(end));
  store.close();
  return performance.now() - start;
}
