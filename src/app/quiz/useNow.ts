import { useEffect, useState, useSyncExternalStore } from 'react';

/**
 * The time, renewed at `nextAt` (ms since the epoch: when something on screen
 * changes, e.g. the next question falls due), at most `maxWait` ms apart, and
 * when the tab comes back. Pages that count due questions follow the clock
 * with it instead of the moment they were opened.
 */
export function useNow(nextAt: number | undefined, maxWait = 60_000): Date {
  const [now, setNow] = useState(() => new Date());
  useEffect(() => {
    const wait = Math.min(maxWait, nextAt === undefined ? Infinity : nextAt - now.getTime() + 250);
    const timer = window.setTimeout(() => setNow(new Date()), Math.max(0, wait));
    const onVisible = () => document.visibilityState === 'visible' && setNow(new Date());
    document.addEventListener('visibilitychange', onVisible);
    return () => {
      window.clearTimeout(timer);
      document.removeEventListener('visibilitychange', onVisible);
    };
  }, [now, nextAt, maxWait]);
  return now;
}

const noSubscription = () => () => undefined;

/**
 * False while React hydrates the prerendered HTML, true after (and at once on
 * a page rendered in the browser): what depends on the URL's query, which the
 * prerendered page cannot know, waits for it.
 */
export function useHydrated(): boolean {
  return useSyncExternalStore(
    noSubscription,
    () => true,
    () => false,
  );
}
