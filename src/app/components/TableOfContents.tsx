import { useId, useMemo } from 'react';
import type { OutlineItem } from '../../shared/note.ts';
import { useActiveHeading } from '../hooks/useActiveHeading.ts';

/**
 * "On this page": the note's h2/h3 outline. The heading being read is marked
 * with `aria-current="true"` and highlighted as the reader scrolls.
 * `collapsible` renders it as a `<details>` for narrow screens.
 */
export function TableOfContents({ outline, collapsible = false }: { outline: OutlineItem[]; collapsible?: boolean }) {
  const ids = useMemo(() => outline.map((item) => item.id), [outline]);
  const active = useActiveHeading(ids);
  const titleId = useId();
  if (outline.length === 0) return null;

  const list = (
    <ol className="toc-list">
      {outline.map((item) => (
        <li key={item.id} className={`toc-depth-${item.depth}`}>
          {/* The id as it is (as the headings' own anchors have it): a Korean id percent-encoded is
              three times longer, and the page has this list twice. */}
          <a href={`#${item.id}`} aria-current={item.id === active ? 'true' : undefined}>
            {item.text}
          </a>
        </li>
      ))}
    </ol>
  );

  if (collapsible) {
    return (
      <nav className="toc toc-collapsible" aria-label="이 페이지의 내용">
        <details>
          <summary>이 페이지의 내용</summary>
          {list}
        </details>
      </nav>
    );
  }
  return (
    <nav className="toc toc-sticky" aria-labelledby={titleId}>
      <p className="toc-title" id={titleId}>
        이 페이지의 내용
      </p>
      {list}
    </nav>
  );
}
