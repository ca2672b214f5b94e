import { createElement, lazy, type ComponentType } from 'react';

type Loader<P> = () => Promise<{ default: ComponentType<P> }>;

const loaders = new Map<string, () => Promise<unknown>>();

/**
 * `React.lazy` for note embeds (quizzes, diagrams) that can be loaded ahead of
 * rendering. Once preloaded, the component renders synchronously: the
 * prerender then writes plain markup instead of Suspense fallbacks swapped in
 * by inline scripts (which the CSP forbids), and hydration can start at once.
 * Pages without such blocks never load their code.
 */
export function lazyEmbed<P extends object>(kind: string, load: Loader<P>): ComponentType<P> {
  let loaded: ComponentType<P> | undefined;
  const preload = () =>
    load().then((module) => {
      loaded = module.default;
    });
  loaders.set(kind, preload);
  const Lazy = lazy(load);
  function Embed(props: P) {
    return loaded ? createElement(loaded, props) : createElement(Lazy, props);
  }
  Embed.displayName = `Embed(${kind})`;
  return Embed;
}

/** Loads the code of the given embed kinds (all known kinds when omitted). */
export function preloadEmbeds(kinds?: Iterable<string>): Promise<unknown> {
  const wanted = kinds ? [...new Set(kinds)] : [...loaders.keys()];
  return Promise.all(wanted.map((kind) => loaders.get(kind)?.()));
}
