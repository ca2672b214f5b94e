import type { IDBPDatabase } from 'idb';
import type { Card } from 'ts-fsrs';
import type * as z from 'zod/mini';
import type { ProgressDB } from './migrations.ts';
import type { LogEntry, ProgressState } from './progressState.ts';
import {
  cardRecordSchema,
  defaultSettings,
  describeIssues,
  logRecordSchema,
  settingsSchema,
} from './progressSchema.ts';
import { reviveCard, reviveLog } from './storedRecords.ts';

/** Reads and validates everything; invalid records move to `backups` and are reported. */
export async function readAll(db: IDBPDatabase<ProgressDB>, problems: readonly string[]): Promise<ProgressState> {
  const tx = db.transaction(['cards', 'logs', 'meta', 'backups'], 'readwrite');
  const found: string[] = [...problems];
  const cards = new Map<string, Card>();
  const logs: LogEntry[] = [];
  let moved = 0;

  const backup = async (store: string, key: IDBValidKey, value: unknown, error: z.core.$ZodError) => {
    await tx
      .objectStore('backups')
      .add({ at: new Date().toISOString(), store, reason: describeIssues(error).join('; '), value });
    if (store === 'cards') await tx.objectStore('cards').delete(key as string);
    if (store === 'logs') await tx.objectStore('logs').delete(key as number);
    moved += 1;
  };

  for (const [key, value] of await keyedEntries(tx.objectStore('cards'))) {
    const parsed = cardRecordSchema.safeParse(value);
    if (parsed.success) cards.set(parsed.data.questionId, reviveCard(parsed.data.card));
    else await backup('cards', key, value, parsed.error);
  }
  for (const [key, value] of await keyedEntries(tx.objectStore('logs'))) {
    const parsed = logRecordSchema.safeParse(value);
    if (parsed.success)
      logs.push({ id: key as number, questionId: parsed.data.questionId, log: reviveLog(parsed.data.log) });
    else await backup('logs', key, value, parsed.error);
  }
  const meta = new Map((await tx.objectStore('meta').getAll()).map((entry) => [entry.key, entry.value]));
  const settings = settingsSchema.safeParse(meta.get('settings'));
  const backupCount = await tx.objectStore('backups').count();
  await tx.done;

  if (moved > 0) {
    found.push(
      `저장된 진행 상황 중 ${moved}개 항목이 손상되어 읽을 수 없었습니다. 지우지 않고 백업에 옮겨 두었으니 '백업 내려받기'로 보관할 수 있습니다. 나머지 기록은 그대로입니다.`,
    );
  }
  const date = (value: unknown) =>
    typeof value === 'string' && !Number.isNaN(Date.parse(value)) ? new Date(value) : null;
  return {
    status: 'ready',
    mode: 'indexeddb',
    cards,
    logs: logs.sort((a, b) => a.id - b.id),
    settings: settings.success ? settings.data : defaultSettings,
    lastChangeAt: date(meta.get('lastChangeAt')),
    lastExportAt: date(meta.get('lastExportAt')),
    problems: found,
    backupCount,
    persisted: null,
  };
}

async function keyedEntries<S extends { openCursor: () => Promise<unknown> }>(
  store: S,
): Promise<[IDBValidKey, unknown][]> {
  const entries: [IDBValidKey, unknown][] = [];
  type Cursor = { primaryKey: IDBValidKey; value: unknown; continue: () => Promise<Cursor | null> } | null;
  let cursor = (await store.openCursor()) as Cursor;
  while (cursor) {
    entries.push([cursor.primaryKey, cursor.value]);
    cursor = await cursor.continue();
  }
  return entries;
}
