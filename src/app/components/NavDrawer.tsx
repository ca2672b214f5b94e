import { useEffect, useRef } from 'react';
import type { NoteMeta } from '../../shared/note.ts';
import { Icon } from './Icon.tsx';
import { NotesNav, PracticeNav } from './NotesNav.tsx';
import { ThemeSwitcher } from './ThemeSwitcher.tsx';

/**
 * The notes list on narrow screens, as a native modal `<dialog>`: it traps
 * focus, closes on Esc and hands focus back to the menu button by itself.
 */
export function NavDrawer({ open, notes, onClose }: { open: boolean; notes: NoteMeta[]; onClose: () => void }) {
  const dialog = useRef<HTMLDialogElement>(null);

  useEffect(() => {
    const element = dialog.current;
    if (!element) return;
    if (open && !element.open) element.showModal();
    if (!open && element.open) element.close();
  }, [open]);

  return (
    // The backdrop click is a mouse shortcut only; keyboard users close the
    // dialog with Esc (native) or the close button.
    // eslint-disable-next-line jsx-a11y/click-events-have-key-events, jsx-a11y/no-noninteractive-element-interactions
    <dialog
      ref={dialog}
      className="nav-drawer"
      aria-label="노트 목록"
      onClose={onClose}
      onClick={(event) => {
        // A click on the backdrop lands on the dialog element itself.
        if (event.target === event.currentTarget) onClose();
      }}
    >
      <div className="nav-drawer-panel">
        <div className="nav-drawer-header">
          <span className="nav-drawer-title">스터디 노트</span>
          <button type="button" className="icon-button nav-drawer-close" onClick={onClose}>
            <Icon name="close" />
            <span className="sr-only">노트 목록 닫기</span>
          </button>
        </div>
        <nav aria-label="노트 목록 (메뉴)">
          <NotesNav notes={notes} onNavigate={onClose} />
          <PracticeNav onNavigate={onClose} />
        </nav>
        {/* On phones the header has no room for the theme (touchTargets.css). */}
        <div className="drawer-theme">
          <span className="drawer-theme-label" aria-hidden="true">
            테마
          </span>
          <ThemeSwitcher />
        </div>
      </div>
    </dialog>
  );
}
