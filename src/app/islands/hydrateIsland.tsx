import { useEffect, type ReactNode } from 'react';
import { hydrateRoot, type Root } from 'react-dom/client';
import { buttonAt, replayInput, takeInput } from './earlyInput.ts';

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

function Ready({ onReady, children }: { onReady: () => void; children: ReactNode }) {
  // Runs once React has hydrated (committed) the island.
  useEffect(onReady, [onReady]);
  return children;
}

/**
 * Hydrates one island's prerendered HTML with `element`, which must render
 * exactly what the prerender wrote inside `container`. What the reader typed
 * or chose meanwhile is set aside first and replayed through React after, then
 * the taps in `early`, in order. Resolves once all of it has been applied.
 */
export function hydrateIsland(
  container: HTMLElement,
  element: ReactNode,
  early: readonly EarlyAction[],
): Promise<void> {
  const input = takeInput(container);
  return new Promise((resolve) => {
    const onReady = () => {
      replayInput(container, input);
      for (const action of early) {
        if (action.kind === 'click') buttonAt(container, action.button)?.click();
        else container.querySelector('form')?.requestSubmit();
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
