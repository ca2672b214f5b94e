import { useEffect, useSyncExternalStore } from 'react';
import { createPortal } from 'react-dom';
import type { ProgressState } from '../storage/progressStore.ts';
import { MemoryModeNotice } from './MemoryModeNotice.tsx';

// Every question of a note is its own island; the notice must show once per
// page, not once per question: the first question to see memory mode shows it.
let owner: string | null = null;
let closed = false;
let region: HTMLElement | null = null;
const listeners = new Set<() => void>();
const setOwner = (next: string | null) => {
  owner = next;
  for (const listener of listeners) listener();
};
const subscribe = (listener: () => void) => {
  listeners.add(listener);
  return () => listeners.delete(listener);
};

function noticeRegion(): HTMLElement {
  if (!region?.isConnected) {
    region = document.createElement('div');
    region.className = 'memory-notice-region';
    document.body.append(region);
  }
  return region;
}

/**
 * The memory-mode notice of a note page, floating at the bottom of the
 * screen (a question far down the page is where the learner is, not the
 * top), rendered by whichever question island saw memory mode first.
 */
export function MemoryNoticeOnce({ questionId, progress }: { questionId: string; progress: ProgressState }) {
  const shownBy = useSyncExternalStore(
    subscribe,
    () => owner,
    () => null,
  );
  const memory = progress.status === 'ready' && progress.mode === 'memory';
  useEffect(() => {
    if (!memory || closed || owner !== null) return;
    setOwner(questionId);
    return () => {
      // Another page's question takes over after the page navigation replaced this one.
      if (owner === questionId) setOwner(null);
    };
  }, [memory, questionId]);
  if (shownBy !== questionId || closed) return null;
  return createPortal(
    <MemoryModeNotice
      progress={progress}
      className="is-floating"
      onClose={() => {
        closed = true;
        setOwner(null);
      }}
    />,
    noticeRegion(),
  );
}
