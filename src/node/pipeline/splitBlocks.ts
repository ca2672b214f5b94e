import type { Element, Root, RootContent } from 'hast';
import { toHtml } from 'hast-util-to-html';
import type { NoteBlock } from '../../shared/note.ts';
import { DEEP_CLASS } from './remarkDeep.ts';

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
 * markup patched after the fact. Embeds sit at the top level of the note or
 * directly inside a "심화" section, which becomes a block of its own.
 */
export function splitBlocks(tree: Root, embeds: readonly NoteBlock[]): NoteBlock[] {
  return splitNodes(tree.children, embeds);
}

function splitNodes(nodes: readonly RootContent[], embeds: readonly NoteBlock[]): NoteBlock[] {
  const blocks: NoteBlock[] = [];
  let run: RootContent[] = [];
  const flush = () => {
    const html = toHtml({ type: 'root', children: run }).trim();
    if (html) blocks.push({ kind: 'html', html });
    run = [];
  };
  for (const node of nodes) {
    if (node.type === 'element' && node.tagName === EMBED_TAG) {
      flush();
      const embed = embeds[Number(node.properties.dataIndex)];
      if (embed) blocks.push(embed);
      continue;
    }
    if (isDeepSection(node)) {
      flush();
      blocks.push(deepBlock(node, embeds));
      continue;
    }
    run.push(node);
  }
  flush();
  return blocks;
}

/** A `<details class="deep">` from remarkDeep: its summary as HTML, its body split like the note's. */
function deepBlock(details: Element, embeds: readonly NoteBlock[]): NoteBlock {
  const children = details.children.filter((child): child is Element => child.type === 'element');
  const summary = children.find((child) => child.tagName === 'summary');
  const body = children.find((child) => child.tagName === 'div');
  return {
    kind: 'deep',
    id: String(details.properties.id),
    summaryHtml: summary ? toHtml({ type: 'root', children: summary.children }) : '',
    minutes: Number(details.properties.dataMinutes),
    blocks: splitNodes(body?.children ?? [], embeds),
  };
}

function isDeepSection(node: RootContent): node is Element {
  if (node.type !== 'element' || node.tagName !== 'details') return false;
  const className = node.properties.className;
  return Array.isArray(className) && className.includes(DEEP_CLASS);
}

/** The HTML of every HTML run, for tests and plain-HTML consumers. */
export function blocksToHtml(blocks: readonly NoteBlock[]): string {
  return blocks
    .map((block) => {
      if (block.kind === 'html') return block.html;
      if (block.kind === 'deep') {
        return `<details class="${DEEP_CLASS}" id="${block.id}"><summary>${block.summaryHtml}</summary>${blocksToHtml(block.blocks)}</details>`;
      }
      return '';
    })
    .join('\n');
}
