import { useEffect, useRef, type RefObject } from 'react';

/**
 * Runs a plain-DOM module on the element the returned ref is attached to, as
 * the island loader does on a prerendered page, so a page the app renders
 * shares that code: `load` imports the module and starts it, returning the
 * function that stops it. Runs again when `key` changes.
 */
export function useStartOnMount<T extends HTMLElement>(
  load: (element: T) => Promise<() => void>,
  key: string = '',
): RefObject<T | null> {
  const ref = useRef<T>(null);
  useEffect(() => {
    const element = ref.current;
    if (!element) return;
    let stop: (() => void) | undefined;
    let live = true;
    void load(element).then((started) => {
      if (live) stop = started;
      else started();
    });
    return () => {
      live = false;
      stop?.();
    };
    // `load` is a module import; only the element and `key` decide a restart.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [key]);
  return ref;
}
