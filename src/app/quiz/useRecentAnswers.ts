import { useEffect, useState } from 'react';
import type { ProgressState } from '../storage/progressState.ts';
import type { RecentAnswer } from '../storage/recentAnswers.ts';
import { startOfLocalDay } from './answerStats.ts';
import { getProgressStore } from './useProgress.ts';

/**
 * The answers of the last `days` local days, read once the progress is ready
 * and again whenever it changes (an answer here or in another tab, an
 * import). `null` until read.
 */
export function useRecentAnswers(progress: ProgressState, now: Date, days: number): RecentAnswer[] | null {
  const [answers, setAnswers] = useState<RecentAnswer[] | null>(null);
  const ready = progress.status === 'ready';
  // Every write changes the totals' map, so it marks a change worth reading again.
  const version = progress.days;
  const since = startOfLocalDay(now, days - 1).getTime();
  useEffect(() => {
    if (!ready) return;
    let active = true;
    void getProgressStore()
      .then((store) => store.answersSince(new Date(since)))
      .then(
        (read) => active && setAnswers(read),
        () => active && setAnswers([]),
      );
    return () => {
      active = false;
    };
  }, [ready, version, since]);
  return answers;
}
