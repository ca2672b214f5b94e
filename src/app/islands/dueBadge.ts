import { LEGACY_DATABASE_NAME, progressDatabaseName } from '../storage/databaseName.ts';
import { rememberDueCount } from '../storage/dueCountCache.ts';
import { countDue, readDueData } from './dueCount.ts';

/** The due badge: read on idle, again when an answer is stored, the tab comes back, or a minute passes. */
export function startDueBadge(): void {
  const slot = document.querySelector('.due-badge-slot');
  if (!slot) return;
  const update = async () => {
    const { questionIds } = await import('virtual:study-notes/islands');
    const now = new Date();
    // Before the store has copied an older copy's progress into this site's database
    // (it does when a question first starts), the count comes from that older copy.
    const data =
      (await readDueData(progressDatabaseName(import.meta.env.BASE_URL), now)) ??
      (await readDueData(LEGACY_DATABASE_NAME, now));
    const count = countDue(
      questionIds,
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
  };
  void update();
  window.addEventListener('study-notes:progress', () => void update());
  document.addEventListener('visibilitychange', () => document.visibilityState === 'visible' && void update());
  window.setInterval(() => document.visibilityState === 'visible' && void update(), 60_000);
}
