import { useEffect, useId, useMemo, useRef } from 'react';
import type { OutlineItem } from '../../shared/note.ts';
import { keepTocItemInView } from '../dom/keepTocItemInView.ts';
import { startPageBar } from '../dom/pageBar.ts';
import { useActiveHeading } from '../hooks/useActiveHeading.ts';
import { Icon } from './Icon.tsx';

/**
 * "On this page": the note's h2/h3 outline. The heading being read is marked
 * with `aria-current="true"` and highlighted as the reader scrolls.
 * `collapsible` renders the bar that narrow screens get instead of the
 * column: sticky under the header, naming the current section, opening the
 * outline, with the reading progress and a way back to the top
 * (dom/pageBar.ts, which the note page's loader also runs).
 */
export function TableOfContents({ outline, collapsible = false }: { outline: OutlineItem[]; collapsible?: boolean }) {
  const ids = useMemo(() => outline.map((item) => item.id), [outline]);
  const active = useActiveHeading(ids);
  const titleId = useId();
  const nav = useRef<HTMLElement>(null);
  useEffect(() => (collapsible && nav.current ? startPageBar(nav.current) : undefined), [collapsible]);
  useEffect(() => {
    const link = nav.current?.querySelector<HTMLElement>('a[aria-current="true"]');
    if (link && !collapsible) keepTocItemInView(link);
  }, [active, collapsible]);
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
    const current = outline.find((item) => item.id === active)?.text ?? '';
    return (
      <nav ref={nav} className="toc toc-collapsible page-bar" aria-label="이 페이지의 내용">
        <details>
          <summary>
            <span className="page-bar-label">이 페이지의 내용</span>
            <span className="page-bar-current">{current}</span>
          </summary>
          {list}
        </details>
        <a className="icon-button page-bar-top" href="#top">
          <Icon name="arrowUp" />
          <span className="sr-only">맨 위로</span>
        </a>
        <span className="page-bar-progress" aria-hidden="true" />
      </nav>
    );
  }
  return (
    <nav ref={nav} className="toc toc-sticky" aria-labelledby={titleId}>
      <p className="toc-title" id={titleId}>
        이 페이지의 내용
      </p>
      {list}
    </nav>
  );
}
