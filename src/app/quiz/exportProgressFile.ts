import { getProgressStore } from './useProgress.ts';

/** Saves `data` as a JSON file through the browser's download. */
export function downloadJson(name: string, data: unknown): void {
  const blob = new Blob([JSON.stringify(data, null, 2)], { type: 'application/json' });
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = name;
  link.click();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}

/**
 * Downloads every card and answer as the export file and notes the time of
 * the export (the reminders count from it). Works in memory mode too, where
 * the file is the only way to keep this visit's answers.
 */
export async function exportProgressFile(): Promise<void> {
  const store = await getProgressStore();
  const now = new Date();
  downloadJson(`study-notes-progress-${now.toISOString().slice(0, 10)}.json`, await store.exportProgress(now));
  await store.markExported(now);
}
