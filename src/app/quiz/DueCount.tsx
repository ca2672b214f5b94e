import { useEffect } from 'react';
import { rememberDueCount } from '../storage/dueCountCache.ts';
import { dueQueue, nextDueAfter } from './session.ts';
import { useNow } from './useNow.ts';
import { useProgress } from './useProgress.ts';

/** How many questions the review page would show now (loaded lazily into the header). */
export default function DueCount({ ids }: { ids: readonly string[] }) {
  const progress = useProgress();
  // Counts again when the next question falls due, not only when the page opened.
  const now = useNow(nextDueAfter(ids, progress.cards, new Date()));
  const count = progress.status === 'ready' ? dueQueue(ids, progress, now).length : undefined;
  useEffect(() => {
    if (count !== undefined) rememberDueCount(count);
  }, [count]);
  if (count === undefined) return null;
  return (
    <span className="due-badge" data-count={count}>
      {count}
      <span className="sr-only">문제</span>
    </span>
  );
}
