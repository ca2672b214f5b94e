import { NavLink } from 'react-router';
import type { NoteMeta } from '../../shared/note.ts';
import { notePath } from '../../shared/routes.ts';
import { Icon } from './Icon.tsx';

/** The list of notes in reading order; the current one gets `aria-current="page"`. */
export function NotesNav({ notes, onNavigate }: { notes: NoteMeta[]; onNavigate?: () => void }) {
  return (
    <>
      <p className="nav-heading">노트</p>
      <ol className="notes-nav">
        {notes.map((note) => (
          <li key={note.slug}>
            <NavLink to={notePath(note.slug)} onClick={onNavigate}>
              <span className="notes-nav-order" aria-hidden="true">
                {note.order}
              </span>
              <span>{note.title}</span>
            </NavLink>
          </li>
        ))}
      </ol>
    </>
  );
}

const practiceLinks = [
  { to: '/review/', icon: 'repeat', label: '복습하기' },
  { to: '/study/', icon: 'target', label: '골라서 공부하기' },
  { to: '/questions/', icon: 'book', label: '문제 목록' },
  { to: '/stats/', icon: 'calendar', label: '학습 기록' },
  { to: '/glossary/', icon: 'book', label: '용어집' },
] as const;

/** Links to the review and stats pages, under the notes. */
export function PracticeNav({ onNavigate }: { onNavigate?: () => void }) {
  return (
    <>
      <p className="nav-heading">연습</p>
      <ul className="notes-nav">
        {practiceLinks.map((link) => (
          <li key={link.to}>
            <NavLink to={link.to} onClick={onNavigate}>
              <span className="notes-nav-order" aria-hidden="true">
                <Icon name={link.icon} size={15} />
              </span>
              <span>{link.label}</span>
            </NavLink>
          </li>
        ))}
      </ul>
    </>
  );
}
