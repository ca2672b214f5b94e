import { keepTocItemInView } from '../dom/keepTocItemInView.ts';
import { watchActiveHeading } from '../dom/watchActiveHeading.ts';

/**
 * Marks the heading being read in every table of contents on the page
 * (`aria-current="true"`), as TableOfContents.tsx does in the app: names it
 * in the phone's bar and keeps it in view in the desktop column. Returns the
 * function that stops.
 */
export function highlightTableOfContents(scope: ParentNode): () => void {
  const links = [...scope.querySelectorAll<HTMLAnchorElement>('.toc-list a[href^="#"]')];
  if (links.length === 0) return () => {};
  const idOf = (link: HTMLAnchorElement) => decodeURIComponent(link.getAttribute('href')!.slice(1));
  const ids = [...new Set(links.map(idOf))];
  const current = scope.querySelector('.page-bar-current');
  return watchActiveHeading(ids, (active) => {
    for (const link of links) {
      if (idOf(link) === active) {
        link.setAttribute('aria-current', 'true');
        if (current) current.textContent = link.textContent;
        keepTocItemInView(link);
      } else {
        link.removeAttribute('aria-current');
      }
    }
  });
}
