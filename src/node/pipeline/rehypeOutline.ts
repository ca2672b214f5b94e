import type { Root } from 'hast';
import { toString } from 'hast-util-to-string';
import { visit } from 'unist-util-visit';
import type { VFile } from 'vfile';
import type { OutlineItem } from '../../shared/note.ts';
import { reportFatal } from './reportFatal.ts';

export interface RehypeOutlineOptions {
  /** Receives the h2/h3 outline and the set of every element id on the page. */
  collect: (outline: OutlineItem[], ids: Set<string>) => void;
}

/**
 * Collects the table of contents (h2 and h3, after rehype-slug gave them ids),
 * rejects an `<h1>` in the body (the title from front matter is the page's
 * only h1), and checks that every same-page `#fragment` link has a target.
 */
export function rehypeOutline(options: RehypeOutlineOptions) {
  return (tree: Root, file: VFile) => {
    const outline: OutlineItem[] = [];
    const ids = new Set<string>();
    visit(tree, 'element', (node) => {
      const id = node.properties.id;
      if (typeof id === 'string') ids.add(id);
      if (node.tagName === 'h1') {
        reportFatal(
          file,
          'Unexpected `#` heading in the body: the title comes from front matter, so sections start at `##`',
          node,
          'heading-h1',
        );
      }
      if ((node.tagName === 'h2' || node.tagName === 'h3') && typeof id === 'string') {
        outline.push({ depth: node.tagName === 'h2' ? 2 : 3, id, text: toString(node).trim() });
      }
    });
    visit(tree, 'element', (node) => {
      const href = node.properties.href;
      if (node.tagName !== 'a' || typeof href !== 'string' || !href.startsWith('#') || href === '#') return;
      const target = decodeURIComponent(href.slice(1));
      if (!ids.has(target)) {
        reportFatal(
          file,
          `Broken link \`#${target}\`: no heading with id \`${target}\` in this note (expected one of ${sample(outline)})`,
          node,
          'link-fragment',
        );
      }
    });
    options.collect(outline, ids);
  };
}

function sample(outline: OutlineItem[]): string {
  const ids = outline.slice(0, 6).map((item) => `#${item.id}`);
  return ids.length > 0 ? ids.join(', ') + (outline.length > 6 ? ', …' : '') : 'no headings';
}
