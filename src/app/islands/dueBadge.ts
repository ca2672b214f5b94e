import { LEGACY_DATABASE_NAME, progressDatabaseName } from '../storage/databaseName.ts';
import { rememberDueCount } from '../storage/dueCountCache.ts';
import { PROGRESS_EVENT, type AnsweredDetail } from '../quiz/answeredEvent.ts';
import { countDue, readDueData, type StoredDueData } from './dueCount.ts';
import { noteQuestionIds, rememberUnsaved, showNoteAnswers } from './noteAnswers.ts';

/** The longest the marks wait between two reads while the tab is visible: "5분 후" must not stay on screen. */
const REFRESH_MS = 60_000;

/** When the next stored question falls due after `now` (ms from now), if any. */
function nextDueIn(data: StoredDueData | null, now: Date): number | undefined {
  let soonest: number | undefined;
  for (const card of data?.cards ?? []) {
    const at = Date.parse(card.due) - now.getTime();
    if (at > 0 && (soonest === undefined || at < soonest)) soonest = at;
  }
  return soonest;
}

/**
 * Reads stored progress (without the store's code) and hands it to `render`:
 * first when `firstRead` runs its argument (at once by default), then again
 * when an answer is given, the tab comes back, the next question falls due
 * (so what is shown follows the clock), or a minute passes. It listens for
 * answers from the start, so one given before the first read still counts.
 * `scope` holds the note's status lines, whose latest answers are read too.
 * Returns a function that reads again now, and one that stops.
 */
export function watchStoredProgress(
  scope: () => ParentNode,
  render: (data: StoredDueData | null, now: Date) => void,
  firstRead: (read: () => void) => void = (read) => read(),
): { refresh: () => void; stop: () => void } {
  let timer: number | undefined;
  let stopped = false;
  const update = async () => {
    const now = new Date();
    const onPage = noteQuestionIds(scope());
    // Before the store has copied an older copy's progress into this site's database
    // (it does when a question first starts), it comes from that older copy.
    const data =
      (await readDueData(progressDatabaseName(import.meta.env.BASE_URL), now, onPage)) ??
      (await readDueData(LEGACY_DATABASE_NAME, now, onPage));
    if (stopped) return;
    render(data, now);
    window.clearTimeout(timer);
    // A hidden tab waits for visibilitychange instead; a moment after the due time, so the card counts.
    if (document.visibilityState === 'visible')
      timer = window.setTimeout(() => void update(), Math.min(REFRESH_MS, (nextDueIn(data, now) ?? Infinity) + 250));
  };
  const onProgress = (event: Event) => {
    const detail = (event as CustomEvent<AnsweredDetail | undefined>).detail;
    if (detail) rememberUnsaved(detail);
    void update();
  };
  const onVisible = () => document.visibilityState === 'visible' && void update();
  window.addEventListener(PROGRESS_EVENT, onProgress);
  document.addEventListener('visibilitychange', onVisible);
  firstRead(() => !stopped && void update());
  return {
    refresh: () => void update(),
    stop: () => {
      stopped = true;
      window.clearTimeout(timer);
      window.removeEventListener(PROGRESS_EVENT, onProgress);
      document.removeEventListener('visibilitychange', onVisible);
    },
  };
}

let watching: { refresh: () => void } | undefined;

type ProgressRender = (data: StoredDueData | null, now: Date) => void;
const followers = new Set<ProgressRender>();
let lastRead: { data: StoredDueData | null; now: Date } | undefined;

/**
 * Hands each of the due badge's reads of stored progress to `render` as well
 * (the home page's bars), rather than reading it a second time. Returns the
 * function that stops.
 */
export function followStoredProgress(render: ProgressRender): () => void {
  followers.add(render);
  if (lastRead) render(lastRead.data, lastRead.now);
  return () => followers.delete(render);
}

/** Reads progress again now (after the page navigation put another note on screen). */
export function refreshProgressMarks(): void {
  watching?.refresh();
}

/**
 * The due badge in the header and the note's answered marks (noteAnswers.ts),
 * following stored progress from when `firstRead` runs its argument.
 */
export function startDueBadge(firstRead?: (read: () => void) => void): void {
  const slot = document.querySelector('.due-badge-slot');
  watching = watchStoredProgress(
    () => document,
    (data, now) => {
      lastRead = { data, now };
      for (const render of followers) render(data, now);
      showNoteAnswers(document, data, now);
      if (!slot) return;
      void import('virtual:study-notes/islands').then(({ questionIds, termCardIds }) => {
        const count = countDue(
          data?.studyTerms ? [...questionIds, ...termCardIds] : questionIds,
          data?.cards ?? [],
          now,
          data?.newPerDay ?? 20,
          data?.newStartedToday ?? 0,
          data ?? undefined,
          data?.suspended,
        );
        const badge = document.createElement('span');
        badge.className = 'due-badge';
        badge.dataset.count = String(count);
        const unit = document.createElement('span');
        unit.className = 'sr-only';
        unit.textContent = '문제';
        badge.append(String(count), unit);
        slot.replaceChildren(badge);
        rememberDueCount(count);
      });
    },
    firstRead,
  );
}
