import { useEffect, type ReactNode } from 'react';
import { hydrateRoot, type Root } from 'react-dom/client';
import { buttonAt, followInput, replayInput, takeInput } from './earlyInput.ts';

const roots = new Map<HTMLElement, Root>();

/** Unmounts the islands of a page the page navigation replaced. */
export function unmountDetached(): void {
  for (const [container, root] of roots) {
    if (container.isConnected) continue;
    root.unmount();
    roots.delete(container);
  }
}

/** A tap or submit an island received before it started, replayed once it has. */
export type EarlyAction = { kind: 'click'; button: number } | { kind: 'submit' };

/** After the next frame: React has rendered the updates queued before it. */
const settled = () => new Promise<void>((resolve) => requestAnimationFrame(() => setTimeout(resolve, 0)));

function Ready({ onReady, children }: { onReady: () => unknown; children: ReactNode }) {
  // Runs once React has hydrated (committed) the island.
  useEffect(() => void onReady(), [onReady]);
  return children;
}

/**
 * Hydrates one island's prerendered HTML with `element`, which must render
 * exactly what the prerender wrote inside `container`. What the reader typed
 * or chose meanwhile is set aside first and replayed through React after, then
 * the taps in `early`, in order (taps kept meanwhile are added to it).
 * `onHydrated` runs once React owns the island, before the replay: from then on
 * the loader must stop keeping taps. Resolves once all of it has been applied.
 */
export function hydrateIsland(
  container: HTMLElement,
  element: ReactNode,
  early: readonly EarlyAction[],
  onHydrated: () => void,
): Promise<void> {
  const input = takeInput(container);
  const stopFollowing = followInput(container, input);
  return new Promise((resolve) => {
    const onReady = async () => {
      // From here taps go to React itself, the replayed ones below included.
      onHydrated();
      // A discrete event (a select changed while the island hydrated) makes React finish
      // hydrating inside that event, and run this effect there too: replayed inside it,
      // the input would be dropped, and React's re-render would reset the controls not yet
      // replayed. So replay in a task of its own, following the reader until then.
      await new Promise((next) => setTimeout(next, 0));
      stopFollowing();
      replayInput(container, input);
      // Let React render what the replayed input changed (an enabled submit
      // button, the first diagram step) before the taps that came after it.
      if (early.length > 0) await settled();
      for (const action of early) {
        if (action.kind === 'click') buttonAt(container, action.button)?.click();
        else container.querySelector('form')?.requestSubmit();
        await settled();
      }
      resolve();
    };
    const root = hydrateRoot(container, <Ready onReady={onReady}>{element}</Ready>, {
      // A mismatch makes React render the island afresh, which still works: say so for whoever looks.
      onRecoverableError: (error) => console.warn('island hydration:', error),
    });
    roots.set(container, root);
  });
}
