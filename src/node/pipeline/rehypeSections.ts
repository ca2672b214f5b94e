import type { ElementContent, Root, RootContent } from 'hast';
import { toString } from 'hast-util-to-string';

/** The text of a note cut at its h2/h3 headings, for search. */
export interface NoteSection {
  /** 1 for the part before the first heading, else the heading level. */
  depth: 1 | 2 | 3;
  /** The heading's id (from rehype-slug); absent for the opening part. */
  id?: string;
  /** The heading's text; empty for the opening part. */
  heading: string;
  /** Plain text up to the next h2/h3, whitespace collapsed; code and tables included. */
  text: string;
}

export interface RehypeSectionsOptions {
  /** Receives the sections in document order, the opening part first (its text may be empty). */
  collect: (sections: NoteSection[]) => void;
}

/** Elements whose text must not run into the next word (`<td>a</td><td>b</td>` is "a b", not "ab"). */
const BLOCKS = new Set([
  ...['p', 'div', 'li', 'ul', 'ol', 'dl', 'dt', 'dd', 'pre', 'blockquote', 'br', 'hr', 'figure', 'figcaption'],
  ...['table', 'thead', 'tbody', 'tr', 'td', 'th', 'caption', 'h4', 'h5', 'h6', 'details', 'summary', 'section'],
]);

/**
 * Collects each h2/h3 section's heading and plain text, so search results can
 * be sections rather than whole notes. Runs right after rehype-slug (the
 * headings have their ids) and before the heading anchors and code-block
 * toolbars are added, so "#" links and "복사" buttons never count as text.
 */
export function rehypeSections(options: RehypeSectionsOptions) {
  return (tree: Root) => {
    const sections: Array<NoteSection & { parts: string[] }> = [{ depth: 1, heading: '', text: '', parts: [] }];
    let current = sections[0] as NoteSection & { parts: string[] };

    const walk = (node: Root | RootContent | ElementContent): void => {
      if (node.type === 'text') {
        current.parts.push(node.value);
      } else if (node.type === 'element') {
        const id = node.properties.id;
        if ((node.tagName === 'h2' || node.tagName === 'h3') && typeof id === 'string') {
          current = { depth: node.tagName === 'h2' ? 2 : 3, id, heading: toString(node).trim(), text: '', parts: [] };
          sections.push(current);
          return;
        }
        const block = BLOCKS.has(node.tagName);
        if (block) current.parts.push('\n');
        for (const child of node.children) walk(child);
        if (block) current.parts.push('\n');
      } else if (node.type === 'root') {
        for (const child of node.children) walk(child);
      }
    };
    walk(tree);

    options.collect(
      sections.map(({ parts, ...section }) => ({ ...section, text: parts.join('').replace(/\s+/g, ' ').trim() })),
    );
  };
}
