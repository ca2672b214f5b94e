import { openProgressStore, type ProgressStore } from './progressStore.ts';

// One store per page, opened on first use in the browser (never while prerendering).
// Without React: the glossary's switch on an island page writes through it
// too, and shares it (and its change broadcasts) with the app's components.
let opening: Promise<ProgressStore> | undefined;
let opened: ProgressStore | undefined;

/** The page's progress store, opening IndexedDB on the first call. */
export function getProgressStore(): Promise<ProgressStore> {
  opening ??= openProgressStore().then((store) => (opened = store));
  return opening;
}

/** The store once it has opened; undefined until then. */
export function openedProgressStore(): ProgressStore | undefined {
  return opened;
}
