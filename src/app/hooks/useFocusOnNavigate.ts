import { useEffect, useRef } from 'react';
import { useLocation } from 'react-router';

/**
 * After a client-side navigation, moves focus to the new page's `<h1>` (or to
 * the `#fragment` target), so keyboard and screen reader users start reading
 * the new page instead of staying on the link they left. Skips the first load,
 * where the browser's own focus handling is right.
 */
export function useFocusOnNavigate(): void {
  const { pathname, hash } = useLocation();
  // Compare with the last place rather than counting renders, so StrictMode's
  // double effects in development do not count as a navigation.
  const previous = useRef(pathname + hash);

  useEffect(() => {
    if (previous.current === pathname + hash) return;
    previous.current = pathname + hash;
    const target =
      (hash && document.getElementById(decodeURIComponent(hash.slice(1)))) || document.querySelector('main h1');
    if (!(target instanceof HTMLElement)) return;
    if (!target.hasAttribute('tabindex')) target.setAttribute('tabindex', '-1');
    target.focus({ preventScroll: true });
  }, [pathname, hash]);
}
