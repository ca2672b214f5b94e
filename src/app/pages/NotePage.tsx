import { useEffect, useId, useRef } from 'react';
import { Link, useLoaderData, useRouteLoaderData } from 'react-router';
import type { Note, NoteMeta } from '../../shared/note.ts';
import { AnkiDeckLink } from '../components/AnkiDeckLink.tsx';
import { Icon } from '../components/Icon.tsx';
import { NoteBody } from '../components/NoteBody.tsx';
import { NoteMetaLine } from '../components/NoteMetaLine.tsx';
import { NotePrerequisites } from '../components/NotePrerequisites.tsx';
import { PrevNextLinks } from '../components/PrevNextLinks.tsx';
import { TableOfContents } from '../components/TableOfContents.tsx';
import { neighbours } from '../noteData.ts';
import { noteHead } from '../../shared/pageHead.ts';
import { useDocumentHead } from '../head/useDocumentHead.ts';
import { JoinedText } from '../components/JoinedText.tsx';
import { noteEditUrl } from '../editLink.ts';
import { trackReading } from '../dom/trackReading.ts';
import { noteAnswersSummary } from '../islands/noteAnswers.ts';

/** One note: title, goals, body, sources, previous/next, and the table of contents. */
export function NotePage() {
  const note = useLoaderData() as Note;
  useDocumentHead(noteHead(note));
  const notes = (useRouteLoaderData('root') as NoteMeta[] | undefined) ?? [];
  const { previous, next } = neighbours(notes, note.slug);
  const goalsId = useId();
  const sourcesId = useId();
  const editUrl = noteEditUrl(note.slug);
  const article = useRef<HTMLElement>(null);
  // Where the reader is, for the home page's 이어 읽기 (the loader does the same on prerendered pages).
  useEffect(() => {
    const prose = article.current?.querySelector<HTMLElement>('.prose');
    return prose ? trackReading(note.slug, prose) : undefined;
  }, [note.slug]);

  return (
    <div className="note-layout">
      <article ref={article} className="note" aria-labelledby="note-title">
        <header className="note-header">
          <h1 id="note-title" tabIndex={-1}>
            {note.title}
          </h1>
          <p className="note-summary">
            <JoinedText text={note.summary} />
          </p>
          <NoteMetaLine note={note} />
          <NotePrerequisites note={note} notes={notes} />
          {note.questionIds.length > 0 && (
            <div className="note-practice">
              <Link to={`/review/?note=${note.slug}`} className="button-secondary">
                이 노트 문제 풀기 ({note.questionIds.length}문제)
              </Link>{' '}
              <AnkiDeckLink slug={note.slug} className="button-secondary" />
              {/* Which questions are done: a first visit's words until storage is read (islands/noteAnswers.ts). */}
              <p className="note-answers" data-note-answers="">
                {noteAnswersSummary(note.questionIds.length, 0, 0)}
              </p>
            </div>
          )}
        </header>

        <TableOfContents outline={note.outline} collapsible />

        {note.goals.length > 0 && (
          <section className="goals" aria-labelledby={goalsId}>
            <h2 id={goalsId} className="goals-title">
              <Icon name="target" size={20} /> 이 노트에서 배울 것
            </h2>
            <ul>
              {note.goals.map((goal) => (
                // Built from the author's front matter by our own pipeline, like the body.
                <li key={goal.text} dangerouslySetInnerHTML={{ __html: goal.html }} />
              ))}
            </ul>
          </section>
        )}

        <NoteBody blocks={note.body} />

        {note.sources.length > 0 && (
          <section className="sources" aria-labelledby={sourcesId}>
            <h2 id={sourcesId}>참고 자료</h2>
            <ul>
              {note.sources.map((source) => (
                <li key={source.title}>
                  {source.url ? (
                    <a href={source.url} rel="noreferrer">
                      {source.title}
                    </a>
                  ) : (
                    source.title
                  )}
                </li>
              ))}
            </ul>
          </section>
        )}

        {editUrl && (
          <p className="edit-link">
            <a href={editUrl} rel="noreferrer">
              <Icon name="pencil" size={16} />이 페이지 편집
            </a>
          </p>
        )}

        <PrevNextLinks previous={previous} next={next} />
      </article>
      <div className="toc-column">
        <TableOfContents outline={note.outline} />
      </div>
    </div>
  );
}
