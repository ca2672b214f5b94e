import { useEffect, useSyncExternalStore } from 'react';
import { opensSearch } from './opensSearch.ts';

export { opensSearch, type ShortcutKey } from './opensSearch.ts';

/**
 * Calls `open` for the search shortcuts, unless a modal dialog (the notes
 * drawer, or search itself) already has the keyboard.
 */
export function useSearchShortcut(open: () => void): void {
  useEffect(() => {
    const onKeyDown = (event: KeyboardEvent) => {
      if (!opensSearch(event) || document.querySelector('dialog[open]')) return;
      event.preventDefault();
      open();
    };
    document.addEventListener('keydown', onKeyDown);
    return () => document.removeEventListener('keydown', onKeyDown);
  }, [open]);
}

const subscribe = () => () => {};
const isApple = () => /Mac|iPhone|iPad|iPod/.test(navigator.platform || navigator.userAgent);

/**
 * `⌘ K` on Apple devices, else `Ctrl K`. The prerendered HTML says `Ctrl K`
 * (the server cannot know), and React swaps it after hydration without a
 * mismatch warning.
 */
export function useShortcutLabel(): string {
  return useSyncExternalStore(
    subscribe,
    () => (isApple() ? '⌘ K' : 'Ctrl K'),
    () => 'Ctrl K',
  );
}
