import { useSyncExternalStore } from 'react';
import {
  loadingProgress,
  openProgressStore,
  type ProgressState,
  type ProgressStore,
} from '../storage/progressStore.ts';

// One store per page, opened on first use in the browser (never while prerendering).
let opening: Promise<ProgressStore> | undefined;
let opened: ProgressStore | undefined;

/** The progress store, opening IndexedDB on the first call. */
export function getProgressStore(): Promise<ProgressStore> {
  opening ??= openProgressStore().then((store) => (opened = store));
  return opening;
}

function subscribe(listener: () => void): () => void {
  let active = true;
  let unsubscribe: (() => void) | undefined;
  void getProgressStore().then((store) => {
    if (!active) return;
    unsubscribe = store.subscribe(listener);
    listener();
  });
  return () => {
    active = false;
    unsubscribe?.();
  };
}

const getSnapshot = (): ProgressState => opened?.getState() ?? loadingProgress;
const getServerSnapshot = (): ProgressState => loadingProgress;

/** The learner's progress; `status` is `loading` until storage has been read. */
export function useProgress(): ProgressState {
  return useSyncExternalStore(subscribe, getSnapshot, getServerSnapshot);
}
