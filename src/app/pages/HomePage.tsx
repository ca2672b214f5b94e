import { lazy } from 'react';
import { Link, useRouteLoaderData } from 'react-router';
import type { NoteMeta } from '../../shared/note.ts';
import { notePath } from '../../shared/routes.ts';
import { ClientOnly } from '../components/ClientOnly.tsx';
import { NoteMetaLine } from '../components/NoteMetaLine.tsx';
import { homeHead } from '../../shared/pageHead.ts';
import { useDocumentHead } from '../head/useDocumentHead.ts';
import { JoinedText } from '../components/JoinedText.tsx';
import { ReadingMark, ReadingStart } from '../reading/ReadingStart.tsx';
import { useReadingPlaces } from '../reading/useReadingPlaces.ts';

const NoteProgress = lazy(() => import('../quiz/NoteProgress.tsx'));

/** The list of notes with their summaries, in reading order. */
export function HomePage() {
  useDocumentHead(homeHead());
  const notes = (useRouteLoaderData('root') as NoteMeta[] | undefined) ?? [];
  const totalMinutes = notes.reduce((sum, note) => sum + note.readingMinutes, 0);
  const first = notes[0];
  const places = useReadingPlaces();

  return (
    <div className="home">
      <header className="home-hero">
        <h1 tabIndex={-1}>스터디 노트</h1>
        <p className="home-lead">
          데이터베이스 정규화부터 HTTPS, EC2 서버, uWSGI와 nginx로 Django를 배포하는 과정까지. 2018년의 공부 기록을
          오늘의 기준으로 고쳐 쓰고, 바뀐 점은 따로 표시했습니다.
        </p>
        {first && (
          <p className="home-cta">
            <ReadingStart notes={notes} places={places} />
            <span className="home-stats">
              노트 {notes.length}편 · 모두 읽는 데 약 {totalMinutes}분
            </span>
          </p>
        )}
      </header>
      <section aria-labelledby="all-notes">
        <h2 id="all-notes" className="section-title">
          모든 노트
        </h2>
        <ol className="note-cards">
          {notes.map((note) => (
            <li key={note.slug} className="note-card">
              <span className="note-card-order" aria-hidden="true">
                {String(note.order).padStart(2, '0')}
              </span>
              <h3>
                <Link to={notePath(note.slug)}>{note.title}</Link>
              </h3>
              <p>
                <JoinedText text={note.summary} />
              </p>
              <NoteMetaLine note={note} showUpdated={false} />
              <ReadingMark places={places} slug={note.slug} />
              {note.questionIds.length > 0 && (
                // Holds the progress line's space from the first paint, so the
                // cards below do not move when stored progress arrives.
                <div className="note-progress-slot">
                  <ClientOnly>
                    <NoteProgress ids={note.questionIds} />
                  </ClientOnly>
                </div>
              )}
            </li>
          ))}
        </ol>
      </section>
    </div>
  );
}
