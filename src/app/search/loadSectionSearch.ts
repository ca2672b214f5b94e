import { createSectionSearch, type SectionSearch } from './searchSections.ts';

let pending: Promise<SectionSearch> | undefined;

/**
 * Fetches the index chunk (the first time only) and loads it; each note's
 * snippet text is a chunk of its own, fetched when one of its sections is
 * shown. A failed fetch (offline before the service worker cached it) is not
 * remembered, so "다시 시도" really tries again.
 */
export function loadSectionSearch(): Promise<SectionSearch> {
  pending ??= import('virtual:search-index').then(
    (module) => createSectionSearch(module.default, (note) => module.texts[note]?.() ?? Promise.resolve([])),
    (error: unknown) => {
      pending = undefined;
      throw error;
    },
  );
  return pending;
}
