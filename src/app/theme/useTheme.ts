import { useCallback, useEffect, useSyncExternalStore } from 'react';
import {
  readThemePreference,
  writeThemePreference,
  type ResolvedTheme,
  type ThemePreference,
} from '../storage/themePreference.ts';

const darkQuery = '(prefers-color-scheme: dark)';

function subscribeToSystemTheme(onChange: () => void): () => void {
  const media = window.matchMedia(darkQuery);
  media.addEventListener('change', onChange);
  return () => media.removeEventListener('change', onChange);
}

const systemIsDark = (): boolean => window.matchMedia(darkQuery).matches;

// The preference as a tiny external store: every switcher on the page (and
// other tabs, through the `storage` event) sees the same value, and the
// prerendered HTML, which cannot know it, hydrates as `system` first.
const listeners = new Set<() => void>();
let current: ThemePreference | undefined;

function getPreference(): ThemePreference {
  return (current ??= readThemePreference());
}

function subscribeToPreference(onChange: () => void): () => void {
  listeners.add(onChange);
  const onStorage = () => {
    current = readThemePreference();
    onChange();
  };
  window.addEventListener('storage', onStorage);
  return () => {
    listeners.delete(onChange);
    window.removeEventListener('storage', onStorage);
  };
}

const subscribeToNothing = () => () => {};

/** `system` resolved against the OS setting. */
export function resolveTheme(preference: ThemePreference, systemDark: boolean): ResolvedTheme {
  if (preference === 'system') return systemDark ? 'dark' : 'light';
  return preference;
}

/**
 * The theme preference, remembered across visits, and the theme in effect.
 * Keeps `<html data-theme>` in sync (index.html sets it first, before paint).
 */
export function useTheme(): {
  preference: ThemePreference;
  resolved: ResolvedTheme;
  setPreference: (preference: ThemePreference) => void;
} {
  const preference = useSyncExternalStore(subscribeToPreference, getPreference, () => 'system' as const);
  const systemDark = useSyncExternalStore(subscribeToSystemTheme, systemIsDark, () => false);
  const resolved = resolveTheme(preference, systemDark);
  // False while hydrating prerendered HTML, when the snapshots above are the
  // server's guesses: applying them would flash the wrong theme.
  const isClient = useSyncExternalStore(
    subscribeToNothing,
    () => true,
    () => false,
  );

  useEffect(() => {
    if (isClient) document.documentElement.dataset.theme = resolved;
  }, [resolved, isClient]);

  const setPreference = useCallback((next: ThemePreference) => {
    writeThemePreference(next);
    current = next;
    for (const listener of listeners) listener();
  }, []);

  return { preference, resolved, setPreference };
}

/** Forgets the cached preference; for tests that change storage behind the store's back. */
export function resetThemeStoreForTests(): void {
  current = undefined;
}
