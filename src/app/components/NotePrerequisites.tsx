import { Link } from 'react-router';
import type { NoteMeta } from '../../shared/note.ts';
import { notePath } from '../../shared/routes.ts';

/** "먼저 읽을 노트" under a note's title: the notes its front matter names as prerequisites. */
export function NotePrerequisites({ note, notes }: { note: NoteMeta; notes: NoteMeta[] }) {
  const before = (note.prerequisites ?? []).flatMap((slug) => notes.filter((other) => other.slug === slug));
  return (
    <p className="note-prerequisites">
      {before.length > 0 ? (
        <>
          먼저 읽을 노트:{' '}
          {before.map((other, index) => (
            <span key={other.slug}>
              {index > 0 && ', '}
              <Link to={notePath(other.slug)}>{other.title}</Link>
            </span>
          ))}
        </>
      ) : (
        '먼저 읽을 노트 없음: 이 노트에서 바로 시작해도 됩니다.'
      )}
    </p>
  );
}
