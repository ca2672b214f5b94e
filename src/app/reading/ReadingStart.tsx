import { Link } from 'react-router';
import type { NoteMeta } from '../../shared/note.ts';
import { notePath } from '../../shared/routes.ts';
import { placeToResume, type ReadingPlaces } from '../storage/readingPlaces.ts';

/**
 * The home page's first button: "첫 노트부터 읽기" for a new reader (and in
 * the prerendered page); "이어 읽기" with the note and section where the
 * reader left off; the next unread note once the others are read.
 * `reloadDocument`: the note's prerendered page opens at the section, as a
 * shared link would.
 */
export function ReadingStart({ notes, places }: { notes: NoteMeta[]; places: ReadingPlaces | undefined }) {
  const first = notes[0];
  if (!first) return null;
  const resume = places && placeToResume(places);
  const note = resume && notes.find((candidate) => candidate.slug === resume.slug);
  if (resume && note) {
    return (
      <Link
        className="button-primary reading-start"
        to={`${notePath(note.slug)}#${encodeURIComponent(resume.place.section)}`}
        reloadDocument
      >
        <span>이어 읽기</span>
        <span className="reading-start-place">
          {note.title} · {resume.place.title}
        </span>
      </Link>
    );
  }
  const unread = places && notes.find((candidate) => !places[candidate.slug]?.finished);
  if (places && Object.keys(places).length > 0 && unread) {
    return (
      <Link className="button-primary reading-start" to={notePath(unread.slug)}>
        <span>다음 노트 읽기</span>
        <span className="reading-start-place">{unread.title}</span>
      </Link>
    );
  }
  return (
    <Link className="button-primary" to={notePath(first.slug)}>
      {places && notes.every((candidate) => places[candidate.slug]?.finished)
        ? '첫 노트부터 다시 읽기'
        : '첫 노트부터 읽기'}
    </Link>
  );
}

/** "다 읽음" or "읽는 중" with the section, on a note's card; nothing for a note not opened. */
export function ReadingMark({ places, slug }: { places: ReadingPlaces | undefined; slug: string }) {
  const place = places?.[slug];
  if (!place) return null;
  return place.finished ? (
    <p className="reading-mark reading-mark-finished">다 읽음</p>
  ) : (
    <p className="reading-mark reading-mark-started">
      읽는 중 <span className="reading-mark-section">· {place.title}</span>
    </p>
  );
}
