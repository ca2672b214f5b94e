import { Suspense, useSyncExternalStore, type ReactNode } from 'react';

const subscribe = () => () => {};

/**
 * Renders its children only in the browser, after hydration: for parts that
 * depend on the learner's stored progress, which the prerendered HTML cannot
 * know. Lazy children load then, not on first paint.
 */
export function ClientOnly({ children }: { children: ReactNode }) {
  const isClient = useSyncExternalStore(
    subscribe,
    () => true,
    () => false,
  );
  return isClient ? <Suspense fallback={null}>{children}</Suspense> : null;
}
