import type { Element, Root, RootContent } from 'hast';
import { toHtml } from 'hast-util-to-html';
import type { NoteBlock } from '../../shared/note.ts';

/** Tag name of the placeholder an embed plugin leaves in the tree (see `embedPlaceholder`). */
export const EMBED_TAG = 'study-notes-embed';

/**
 * A placeholder for an interactive block (a quiz, a diagram) that React
 * renders itself. `index` points into the list the plugin keeps.
 */
export function embedPlaceholder(index: number): Element {
  return { type: 'element', tagName: EMBED_TAG, properties: { dataIndex: String(index) }, children: [] };
}

/**
 * Cuts the finished body into HTML runs and embeds, in order: the page renders
 * HTML runs as prerendered markup and each embed as a component, so an
 * interactive block is ordinary React (prerendered, hydrated) rather than
 * markup patched after the fact. Embeds must sit at the top level of the note.
 */
export function splitBlocks(tree: Root, embeds: readonly NoteBlock[]): NoteBlock[] {
  const blocks: NoteBlock[] = [];
  let run: RootContent[] = [];
  const flush = () => {
    const html = toHtml({ type: 'root', children: run }).trim();
    if (html) blocks.push({ kind: 'html', html });
    run = [];
  };
  for (const node of tree.children) {
    if (node.type === 'element' && node.tagName === EMBED_TAG) {
      flush();
      const embed = embeds[Number(node.properties.dataIndex)];
      if (embed) blocks.push(embed);
      continue;
    }
    run.push(node);
  }
  flush();
  return blocks;
}

/** The HTML of every HTML run, for tests and plain-HTML consumers. */
export function blocksToHtml(blocks: readonly NoteBlock[]): string {
  return blocks.map((block) => (block.kind === 'html' ? block.html : '')).join('\n');
}
