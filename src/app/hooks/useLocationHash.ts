import { useSyncExternalStore } from 'react';

function subscribe(onChange: () => void): () => void {
  window.addEventListener('hashchange', onChange);
  window.addEventListener('popstate', onChange);
  // The island page navigation (islands/pageNavigation.ts) changes the URL with pushState.
  window.addEventListener('study-notes:navigate', onChange);
  return () => {
    window.removeEventListener('hashchange', onChange);
    window.removeEventListener('popstate', onChange);
    window.removeEventListener('study-notes:navigate', onChange);
  };
}

/**
 * The URL's `#fragment` (with the `#`), kept current without a router: islands
 * run outside React Router, and the full app's router moves the URL with
 * pushState, which fires no event, so the router's own hash is also read there.
 */
export function useLocationHash(): string {
  return useSyncExternalStore(
    subscribe,
    () => window.location.hash,
    () => '',
  );
}
