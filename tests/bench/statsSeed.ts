import { progressDatabaseName } from '../../src/app/storage/databaseName.ts';
import { migrations, openWith } from '../../src/app/storage/migrations.ts';
import { openProgressStore } from '../../src/app/storage/progressStore.ts';
import { syntheticHistory } from '../unit/app/storage/syntheticHistory.ts';

/**
 * Stores `answers` answers to `questions` questions (`q-0` …, the synthetic
 * notes' ids) over three years ending now, one record each as answering
 * leaves them, in the site's database for `base`, then lets the store
 * upgrade it (the daily totals). Runs in the bench page; returns the time.
 */
export async function seedStats(questions: number, answers: number, base: string): Promise<number> {
  const start = performance.now();
  const dbName = progressDatabaseName(base);
  const history = syntheticHistory(answers, { questions, days: 365 * 3, end: new Date(), prefix: 'q' });
  const v1 = await openWith(dbName, migrations.slice(0, 1), () => undefined);
  const tx = v1.transaction(['cards', 'logs'], 'readwrite');
  await Promise.all([
    ...history.cards.map((record) => tx.objectStore('cards').put(record)),
    ...history.logs.map((record) => tx.objectStore('logs').add(record)),
  ]);
  await tx.done;
  v1.close();
  (await openProgressStore({ dbName })).close();
  return performance.now() - start;
}
