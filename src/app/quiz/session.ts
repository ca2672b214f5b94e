import type { ProgressState } from '../storage/progressStore.ts';
import { buildQueue, localDay } from './scheduler.ts';

/** New questions the learner started today (first answers given today), for the daily limit. */
export function newStartedToday(progress: ProgressState, now: Date): number {
  return progress.days.get(localDay(now))?.started ?? 0;
}

/**
 * The due queue over `ids` with the learner's daily limit of new questions.
 * Suspended questions never come up (the header badge, islands/dueCount.ts,
 * leaves them out the same way).
 */
export function dueQueue(ids: readonly string[], progress: ProgressState, now: Date): string[] {
  const suspended = [...progress.marks.values()].some((mark) => mark.suspended);
  const open = suspended ? ids.filter((id) => !progress.marks.get(id)?.suspended) : ids;
  return buildQueue(open, progress.cards, now, {
    newPerDay: progress.settings.newPerDay,
    newStartedToday: newStartedToday(progress, now),
  });
}

/** True when there are answers newer than the last export (the learner should save a copy). */
export function hasUnexportedProgress(progress: ProgressState): boolean {
  if (!progress.lastChangeAt || progress.answerCount === 0) return false;
  return !progress.lastExportAt || progress.lastExportAt < progress.lastChangeAt;
}
