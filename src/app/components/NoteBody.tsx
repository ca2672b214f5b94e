import { Suspense, useEffect, useRef, useState } from 'react';
import { useNavigate } from 'react-router';
import type { NoteBlock } from '../../shared/note.ts';
import { quizAnchorId } from '../../shared/quiz.ts';
import { enhanceProse } from '../dom/enhanceProse.ts';
import { watchStoredProgress } from '../islands/dueBadge.ts';
import { NOT_ANSWERED } from '../islands/answerStatus.ts';
import { showNoteAnswers } from '../islands/noteAnswers.ts';
import { isPlainClick } from '../isPlainClick.ts';
import { lazyEmbed } from '../lazyEmbed.ts';

/**
 * The note's body: prerendered HTML runs and interactive blocks, in order.
 *
 * The HTML is trusted: it is made at build time by our own pipeline from the
 * Markdown in content/ (raw HTML in Markdown is not passed through), never
 * from user input, so `dangerouslySetInnerHTML` is safe here and only here.
 *
 * Each quiz and diagram sits in an island wrapper (`data-island`) holding
 * exactly what its component renders: on a prerendered note page the island
 * loader (islands/pageLoader.ts) hydrates each on its own, and this component
 * never runs in the browser. In the full app (the dev server, or a note
 * reached from the review page) it does, and its effect wires copy buttons,
 * wide tables and links to other notes.
 */
export function NoteBody({ blocks }: { blocks: NoteBlock[] }) {
  const container = useRef<HTMLDivElement>(null);
  const navigate = useNavigate();
  const [announcement, setAnnouncement] = useState('');

  useEffect(() => {
    const element = container.current;
    if (!element) return;
    const onClick = (event: MouseEvent) => {
      const link = event.target instanceof Element ? event.target.closest<HTMLAnchorElement>('a[href]') : null;
      if (link && isInternalNoteLink(link, event)) {
        event.preventDefault();
        const base = import.meta.env.BASE_URL;
        const url = new URL(link.href);
        void navigate(`/${url.pathname.slice(base.length)}${url.hash}`);
      }
    };
    element.addEventListener('click', onClick);
    const stop = enhanceProse(element, setAnnouncement);
    // The note's answered marks; on a prerendered page the island loader fills them.
    const scope = element.closest('article') ?? element;
    const marks = watchStoredProgress(
      () => scope,
      (data, now) => showNoteAnswers(scope, data, now),
    );
    return () => {
      element.removeEventListener('click', onClick);
      stop();
      marks.stop();
    };
  }, [blocks, navigate]);

  return (
    <>
      {/* On a note's page, index.html holds the first paint until this is parsed (rel=expect):
          the header, the note's title and its contents bar above are whole by then. */}
      <div ref={container} className="prose" id="note-body">
        {blocks.map((block, index) => (
          <NoteBlockView key={index} block={block} />
        ))}
      </div>
      <p className="sr-only page-announcer" role="status">
        {announcement}
      </p>
    </>
  );
}

function isInternalNoteLink(link: HTMLAnchorElement, event: MouseEvent): boolean {
  if (!isPlainClick(event)) return false;
  if (link.target && link.target !== '_self') return false;
  const url = new URL(link.href);
  return url.origin === window.location.origin && url.pathname.startsWith(`${import.meta.env.BASE_URL}notes/`);
}

// Quiz code (the scheduler, IndexedDB) loads only on pages that have questions.
const QuizBlock = lazyEmbed('quiz', () => import('../quiz/QuizBlock.tsx'));
// Likewise diagram code (stepping, drawing, its stylesheet): only on pages that have diagrams.
const DiagramView = lazyEmbed('diagram', () => import('../diagrams/DiagramView.tsx'));

function NoteBlockView({ block }: { block: NoteBlock }) {
  switch (block.kind) {
    case 'quiz':
      return (
        <>
          {/* A first visit's words until storage is read (islands/noteAnswers.ts); the same height after. */}
          <p className="quiz-status" data-quiz-status={block.question.id} data-quiz-type={block.question.type}>
            {NOT_ANSWERED}
          </p>
          <Suspense
            fallback={
              <div
                className="quiz quiz-loading"
                data-question-id={block.question.id}
                id={quizAnchorId(block.question.id)}
              />
            }
          >
            <div className="island" data-island="quiz" data-island-id={block.question.id}>
              <QuizBlock question={block.question} />
            </div>
          </Suspense>
        </>
      );
    case 'diagram':
      return (
        <Suspense fallback={<figure className="diagram diagram-loading" id={block.diagram.id} aria-busy="true" />}>
          <div className="island" data-island="diagram" data-island-id={block.diagram.id}>
            <DiagramView diagram={block.diagram} />
          </div>
        </Suspense>
      );
    case 'html':
      // `display: contents` keeps headings and paragraphs direct children of .prose for layout.
      return <div className="note-html" dangerouslySetInnerHTML={{ __html: block.html }} />;
    case 'deep':
      // Closed by default and plain HTML: it folds and opens without a script, and the
      // browser opens it by itself for find-in-page and for a link to a heading inside.
      return (
        <details className="deep" id={block.id}>
          <summary className="deep-summary" dangerouslySetInnerHTML={{ __html: block.summaryHtml }} />
          <div className="deep-body">
            {block.blocks.map((inner, index) => (
              <NoteBlockView key={index} block={inner} />
            ))}
          </div>
        </details>
      );
  }
}
