import { createSectionSearch, type SectionSearch } from './searchSections.ts';

let pending: Promise<SectionSearch> | undefined;

/**
 * Fetches the index chunk (the first time only) and loads it. A failed
 * fetch (offline before the service worker cached it) is not remembered, so
 * "다시 시도" really tries again.
 */
export function loadSectionSearch(): Promise<SectionSearch> {
  pending ??= import('virtual:search-index').then(
    (module) => createSectionSearch(module.default),
    (error: unknown) => {
      pending = undefined;
      throw error;
    },
  );
  return pending;
}
