import { Link } from 'react-router';
import type { NoteMeta } from '../../shared/note.ts';
import { notePath } from '../../shared/routes.ts';
import { JoinedText } from './JoinedText.tsx';
import { NoteMetaLine } from './NoteMetaLine.tsx';

/**
 * The notes in the order a beginner should read them (front matter `order`),
 * each with why it comes there (`pathReason`) and what to read first
 * (`prerequisites`). What the reader's browser knows (read / in progress, the
 * questions' progress) is filled in by reading/homeProgress.ts, into the
 * hidden mark and the empty slot rendered here.
 */
export function LearningPath({ notes }: { notes: NoteMeta[] }) {
  const titles = new Map(notes.map((note) => [note.slug, note.title]));
  return (
    <section aria-labelledby="learning-path">
      <h2 id="learning-path" className="section-title">
        학습 순서
      </h2>
      <p className="learning-path-lead">
        처음이라면 이 순서대로 읽으세요. 배포 노트는 구조(nginx → uWSGI → Django)를 먼저 익힌 뒤 서버를 만들고 그 위에
        uWSGI를 띄우는 순서로 이어집니다.
      </p>
      <ol className="note-cards">
        {notes.map((note, index) => (
          <li key={note.slug} className="note-card" data-note={note.slug}>
            <span className="note-card-order" aria-hidden="true">
              {String(index + 1).padStart(2, '0')}
            </span>
            <h3>
              <Link to={notePath(note.slug)}>{note.title}</Link>
            </h3>
            <p>
              <JoinedText text={note.summary} />
            </p>
            {note.pathReason && (
              <p className="note-card-why">
                <span className="note-card-why-label">이 순서인 이유</span> <JoinedText text={note.pathReason} />
              </p>
            )}
            <p className="note-card-before">
              {(note.prerequisites ?? []).length > 0
                ? `먼저 읽을 노트: ${(note.prerequisites ?? []).map((slug) => titles.get(slug) ?? slug).join(', ')}`
                : '먼저 읽을 노트 없음: 여기서 시작해도 됩니다.'}
            </p>
            <NoteMetaLine note={note} showUpdated={false} />
            <p className="reading-mark" hidden />
            {note.questionIds.length > 0 && (
              // Holds the progress line's space from the first paint, so the
              // cards below do not move when stored progress arrives.
              <div className="note-progress-slot" />
            )}
          </li>
        ))}
      </ol>
    </section>
  );
}
