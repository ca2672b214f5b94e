import { useSyncExternalStore } from 'react';
import { getProgressStore, openedProgressStore } from '../storage/pageProgressStore.ts';
import { loadingProgress, type ProgressState } from '../storage/progressStore.ts';

export { getProgressStore };

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

const getSnapshot = (): ProgressState => openedProgressStore()?.getState() ?? loadingProgress;
const getServerSnapshot = (): ProgressState => loadingProgress;

/** The learner's progress; `status` is `loading` until storage has been read. */
export function useProgress(): ProgressState {
  return useSyncExternalStore(subscribe, getSnapshot, getServerSnapshot);
}
