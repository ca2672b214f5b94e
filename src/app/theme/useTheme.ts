import { useCallback, useEffect, useState, useSyncExternalStore } from 'react';
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
  const [preference, setPreferenceState] = useState<ThemePreference>(readThemePreference);
  const systemDark = useSyncExternalStore(subscribeToSystemTheme, systemIsDark, () => false);
  const resolved = resolveTheme(preference, systemDark);

  useEffect(() => {
    document.documentElement.dataset.theme = resolved;
  }, [resolved]);

  const setPreference = useCallback((next: ThemePreference) => {
    writeThemePreference(next);
    setPreferenceState(next);
  }, []);

  return { preference, resolved, setPreference };
}
