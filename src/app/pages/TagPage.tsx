import { HomeLink } from '../components/HomeLink.tsx';
import { Link, useLoaderData } from 'react-router';
import { tagHead } from '../../shared/pageHead.ts';
import { notePath } from '../../shared/routes.ts';
import { JoinedText } from '../components/JoinedText.tsx';
import { NoteMetaLine } from '../components/NoteMetaLine.tsx';
import { useDocumentHead } from '../head/useDocumentHead.ts';
import type { TagPageData } from '../noteData.ts';

/** `/tags/<tag>/`: the notes with one tag, in reading order, as cards like the home page's. */
export function TagPage() {
  const { tag, notes } = useLoaderData() as TagPageData;
  useDocumentHead(tagHead(tag, notes.length));
  return (
    <div className="home">
      <header className="home-hero">
        <h1 tabIndex={-1}>태그: {tag}</h1>
        <p className="home-lead">
          ‘{tag}’ 태그가 붙은 노트 {notes.length}편입니다.
        </p>
      </header>
      <ol className="note-cards tag-page-list">
        {notes.map((note) => (
          <li key={note.slug} className="note-card">
            <span className="note-card-order" aria-hidden="true">
              {String(note.order).padStart(2, '0')}
            </span>
            <h2>
              <Link to={notePath(note.slug)}>{note.title}</Link>
            </h2>
            <p>
              <JoinedText text={note.summary} />
            </p>
            <NoteMetaLine note={note} showUpdated={false} />
          </li>
        ))}
      </ol>
      <p>
        <HomeLink>모든 노트 보기</HomeLink>
      </p>
    </div>
  );
}
