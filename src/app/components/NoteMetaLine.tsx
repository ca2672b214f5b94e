import { Link } from 'react-router';
import type { NoteMeta } from '../../shared/note.ts';
import { tagPath } from '../../shared/routes.ts';
import { formatKoreanDate } from '../formatDate.ts';
import { Icon } from './Icon.tsx';

/** Reading time, last update and tags (each a link to its tag page), as one line under a title. */
export function NoteMetaLine({ note, showUpdated = true }: { note: NoteMeta; showUpdated?: boolean }) {
  return (
    <ul className="note-meta" aria-label="노트 정보">
      <li>
        <Icon name="clock" size={16} />
        <span>
          읽는 데 약 {note.readingMinutes}분
          {(note.deepMinutes ?? 0) > 0 && <span className="note-meta-deep"> · 심화 약 {note.deepMinutes}분 더</span>}
        </span>
      </li>
      {showUpdated && (
        <li>
          <span>
            업데이트 <time dateTime={note.updated}>{formatKoreanDate(note.updated)}</time>
          </span>
        </li>
      )}
      {note.tags.length > 0 && (
        <li className="note-tags">
          <span className="sr-only">태그:</span>
          {note.tags.map((tag) => (
            <Link key={tag} className="tag" to={tagPath(tag)}>
              {tag}
            </Link>
          ))}
        </li>
      )}
    </ul>
  );
}
