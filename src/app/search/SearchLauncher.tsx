import { useCallback, useState } from 'react';
import { SearchDialog } from './SearchDialog.tsx';
import { Icon } from '../components/Icon.tsx';
import { useSearchShortcut, useShortcutLabel } from './searchShortcut.ts';

/**
 * The header's search button; Ctrl/⌘-K and `/` open the same dialog. Shows
 * the shortcut on wide screens; on phones it is an icon with a hidden name.
 *
 * The dialog itself is small and ships with the page, so it opens and takes
 * keystrokes at once; the index and MiniSearch are separate chunks that it
 * fetches the first time it opens.
 */
export function SearchLauncher() {
  const [open, setOpen] = useState(false);
  // Mounted on first use only: pages that never search render no dialog.
  const [used, setUsed] = useState(false);
  const shortcut = useShortcutLabel();

  const show = useCallback(() => {
    setUsed(true);
    setOpen(true);
  }, []);
  useSearchShortcut(show);

  return (
    <>
      <button
        type="button"
        className="search-launcher"
        aria-haspopup="dialog"
        aria-expanded={open}
        aria-keyshortcuts="Control+K Meta+K /"
        title={`노트 검색 (${shortcut.replace(' ', '+')} 또는 /)`}
        onClick={show}
      >
        <Icon name="search" />
        <span className="search-launcher-label">검색</span>
        <kbd className="search-launcher-keys" aria-hidden="true">
          {shortcut}
        </kbd>
      </button>
      {used && <SearchDialog open={open} onClose={() => setOpen(false)} />}
    </>
  );
}
