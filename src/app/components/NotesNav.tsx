import { NavLink } from 'react-router';
import type { NoteMeta } from '../../shared/note.ts';
import { notePath } from '../../shared/routes.ts';

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

/** Links to the review and stats pages, under the notes. */
export function PracticeNav({ onNavigate }: { onNavigate?: () => void }) {
  return (
    <>
      <p className="nav-heading">연습</p>
      <ul className="notes-nav">
        <li>
          <NavLink to="/review/" onClick={onNavigate}>
            <span className="notes-nav-order" aria-hidden="true">
              ↻
            </span>
            <span>복습하기</span>
          </NavLink>
        </li>
        <li>
          <NavLink to="/stats/" onClick={onNavigate}>
            <span className="notes-nav-order" aria-hidden="true">
              ▦
            </span>
            <span>학습 기록</span>
          </NavLink>
        </li>
      </ul>
    </>
  );
}
