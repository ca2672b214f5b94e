import { schedulerSettings } from '../storage/progressSchema.ts';
import type { ProgressState } from '../storage/progressStore.ts';
import { buildQueue, localDay, State } from './scheduler.ts';

/** New questions the learner started today (first answers given today), for the daily limit. */
export function newStartedToday(progress: ProgressState, now: Date): number {
  return progress.days.get(localDay(now))?.started ?? 0;
}

/** Remembered cards reviewed today, for the daily review limit. */
export function reviewedToday(progress: ProgressState, now: Date): number {
  return progress.days.get(localDay(now))?.reviewed ?? 0;
}

/**
 * The due queue over `ids` with the learner's daily limits and order of new
 * questions. Suspended questions never come up (the header badge,
 * islands/dueCount.ts, leaves them out the same way).
 */
export function dueQueue(ids: readonly string[], progress: ProgressState, now: Date): string[] {
  const settings = schedulerSettings(progress.settings);
  const suspended = [...progress.marks.values()].some((mark) => mark.suspended);
  const open = suspended ? ids.filter((id) => !progress.marks.get(id)?.suspended) : ids;
  return buildQueue(open, progress.cards, now, {
    newPerDay: settings.newPerDay,
    newStartedToday: newStartedToday(progress, now),
    maxReviewsPerDay: settings.maxReviewsPerDay,
    reviewedToday: reviewedToday(progress, now),
    newOrder: settings.newOrder,
  });
}

/** True when there are answers newer than the last export (the learner should save a copy). */
export function hasUnexportedProgress(progress: ProgressState): boolean {
  if (!progress.lastChangeAt || progress.answerCount === 0) return false;
  return !progress.lastExportAt || progress.lastExportAt < progress.lastChangeAt;
}

/** When the next of `ids`' started cards falls due after `now` (ms since the epoch), if any. */
export function nextDueAfter(ids: Iterable<string>, cards: ProgressState['cards'], now: Date): number | undefined {
  let soonest: number | undefined;
  for (const id of ids) {
    const card = cards.get(id);
    if (!card || card.state === State.New) continue;
    const at = card.due.getTime();
    if (at > now.getTime() && (soonest === undefined || at < soonest)) soonest = at;
  }
  return soonest;
}

/** Whether the store holds nothing at all: a first visit, or a browser that cleared the site's data. */
export function isEmptyStore(progress: ProgressState): boolean {
  return (
    progress.status === 'ready' &&
    progress.mode === 'indexeddb' &&
    progress.cards.size === 0 &&
    progress.answerCount === 0
  );
}
