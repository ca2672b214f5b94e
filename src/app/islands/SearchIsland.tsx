// The full font's unicode-range subsets, for what a learner types that the site font lacks.
import 'pretendard/dist/web/variable/pretendardvariable-dynamic-subset.css';
import { useEffect, useState, useSyncExternalStore } from 'react';
import { flushSync } from 'react-dom';
import { createRoot } from 'react-dom/client';
import { SearchDialogView } from '../search/SearchDialog.tsx';

/**
 * Search on an island page: the dialog (and React with it) loads the first
 * time the reader opens search, then stays mounted in a container of its own.
 * A result goes through `navigate` (the page navigation, or a page load).
 */
let openCount = 0;
const listeners = new Set<() => void>();
let mounted = false;

function subscribe(listener: () => void) {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

function SearchIsland({
  navigate,
  launcher,
  initialText,
}: {
  navigate: (url: string) => void;
  launcher: HTMLElement | null;
  initialText: string;
}) {
  const opened = useSyncExternalStore(subscribe, () => openCount);
  const [closedAt, setClosedAt] = useState(0);
  const open = opened > closedAt;
  useEffect(() => launcher?.setAttribute('aria-expanded', String(open)), [launcher, open]);
  const base = import.meta.env.BASE_URL;
  return (
    <SearchDialogView
      open={open}
      initialText={initialText}
      onClose={() => setClosedAt(opened)}
      location={{ pathname: `/${window.location.pathname.slice(base.length)}`, hash: window.location.hash }}
      navigate={({ pathname, hash }) => navigate(`${base}${pathname.replace(/^\//, '')}${hash}`)}
    />
  );
}

/**
 * Opens the search dialog, mounting it on first use with what the reader
 * already typed (`initialText`, from the loader's stand-in field); resolves
 * once it is open.
 */
export function openSearch(navigate: (url: string) => void, initialText = ''): Promise<void> {
  openCount += 1;
  if (!mounted) {
    mounted = true;
    const container = document.createElement('div');
    container.className = 'search-island';
    document.body.append(container);
    flushSync(() =>
      createRoot(container).render(
        <SearchIsland
          navigate={navigate}
          launcher={document.querySelector('.search-launcher')}
          initialText={initialText}
        />,
      ),
    );
  }
  for (const listener of listeners) listener();
  return new Promise((resolve) => {
    const check = (frames: number) => {
      if (document.querySelector('.search-island dialog[open]') || frames > 30) resolve();
      else requestAnimationFrame(() => check(frames + 1));
    };
    check(0);
  });
}
