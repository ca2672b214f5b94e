import { Suspense, useEffect, useRef, useState } from 'react';
import { useNavigate } from 'react-router';
import type { NoteBlock } from '../../shared/note.ts';
import { quizAnchorId } from '../../shared/quiz.ts';
import { watchOverflowEdges } from '../hooks/overflowEdges.ts';
import { isPlainClick } from '../isPlainClick.ts';
import { lazyEmbed } from '../lazyEmbed.ts';

const COPIED_FOR_MS = 2000;

/**
 * The note's body: prerendered HTML runs and interactive blocks, in order.
 *
 * The HTML is trusted: it is made at build time by our own pipeline from the
 * Markdown in content/ (raw HTML in Markdown is not passed through), never
 * from user input, so `dangerouslySetInnerHTML` is safe here and only here.
 *
 * One delegated listener handles the body's interactive parts: copy buttons on
 * code blocks, and links to other notes, which go through the router instead
 * of reloading the page. Wide tables are watched for the side with more to see.
 */
export function NoteBody({ blocks }: { blocks: NoteBlock[] }) {
  const container = useRef<HTMLDivElement>(null);
  const navigate = useNavigate();
  const [announcement, setAnnouncement] = useState('');

  useEffect(() => {
    const element = container.current;
    if (!element) return;
    const timers = new Set<number>();

    const onClick = (event: MouseEvent) => {
      if (!(event.target instanceof Element)) return;
      const copyButton = event.target.closest<HTMLButtonElement>('button[data-copy-code]');
      if (copyButton) {
        void copyCode(copyButton);
        return;
      }
      const link = event.target.closest<HTMLAnchorElement>('a[href]');
      if (link && isInternalNoteLink(link, event)) {
        event.preventDefault();
        const base = import.meta.env.BASE_URL;
        const url = new URL(link.href);
        void navigate(`/${url.pathname.slice(base.length)}${url.hash}`);
      }
    };

    const copyCode = async (button: HTMLButtonElement) => {
      const code = button.closest('.code-block')?.querySelector('code')?.textContent ?? '';
      try {
        await navigator.clipboard.writeText(code.replace(/\n$/, ''));
        button.textContent = '복사됨';
        button.dataset.state = 'copied';
        setAnnouncement('코드를 클립보드에 복사했습니다.');
      } catch {
        button.textContent = '복사 실패';
        button.dataset.state = 'failed';
        setAnnouncement('복사하지 못했습니다. 코드를 직접 선택해 복사해 주세요.');
      }
      const timer = window.setTimeout(() => {
        button.textContent = '복사';
        delete button.dataset.state;
        timers.delete(timer);
      }, COPIED_FOR_MS);
      timers.add(timer);
    };

    element.addEventListener('click', onClick);
    // Tables and code too wide for the screen: fade the side with more to see
    // (prose.css, code.css).
    const stopWatching = [
      ...[...element.querySelectorAll<HTMLElement>('.scroll-frame > .table-scroll')].map((scroller) =>
        watchOverflowEdges(scroller, (edges) => (scroller.parentElement!.dataset.overflow = edges)),
      ),
      ...[...element.querySelectorAll<HTMLElement>('.code-block > pre')].map((pre) =>
        watchOverflowEdges(pre, (edges) => (pre.dataset.overflow = edges)),
      ),
    ];
    return () => {
      element.removeEventListener('click', onClick);
      for (const stop of stopWatching) stop();
      for (const timer of timers) window.clearTimeout(timer);
    };
  }, [blocks, navigate]);

  return (
    <>
      <div ref={container} className="prose">
        {blocks.map((block, index) => (
          <NoteBlockView key={index} block={block} />
        ))}
      </div>
      <p className="sr-only" role="status">
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
        <Suspense
          fallback={
            <div
              className="quiz quiz-loading"
              data-question-id={block.question.id}
              id={quizAnchorId(block.question.id)}
            />
          }
        >
          <QuizBlock question={block.question} />
        </Suspense>
      );
    case 'diagram':
      return (
        <Suspense fallback={<figure className="diagram diagram-loading" id={block.diagram.id} aria-busy="true" />}>
          <DiagramView diagram={block.diagram} />
        </Suspense>
      );
    case 'html':
      // `display: contents` keeps headings and paragraphs direct children of .prose for layout.
      return <div className="note-html" dangerouslySetInnerHTML={{ __html: block.html }} />;
  }
}
