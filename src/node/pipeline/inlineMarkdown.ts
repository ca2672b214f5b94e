import type { ElementContent, Root } from 'hast';
import type { Paragraph, PhrasingContent } from 'mdast';
import { toHast } from 'mdast-util-to-hast';
import { toString } from 'mdast-util-to-string';
import { toHtml } from 'hast-util-to-html';
import remarkCjkFriendly from 'remark-cjk-friendly';
import remarkParse from 'remark-parse';
import { unified } from 'unified';
import { rehypeBreakLongCode } from './rehypeBreakLongCode.ts';
import { rehypeKeepJoined } from './rehypeKeepJoined.ts';

const parser = unified().use(remarkParse).use(remarkCjkFriendly);

/**
 * One line of front-matter Markdown (a goal) as plain text and as HTML.
 * Code spans, emphasis and strong render; anything else (a link, an image)
 * becomes its text, since front matter gets none of the body's checks.
 */
export function renderInline(markdown: string): { text: string; html: string } {
  const root = parser.parse(markdown);
  const children = root.children.flatMap((node) => (node.type === 'paragraph' ? node.children : []));
  const paragraph: Paragraph = { type: 'paragraph', children: children.map(keepSimple) };
  const hast = toHast(paragraph);
  rehypeKeepJoined()(hast as Root);
  rehypeBreakLongCode()(hast as Root);
  const html = toHtml(hast);
  return { text: toString(paragraph), html: html.slice('<p>'.length, -'</p>'.length) };
}

function keepSimple(node: PhrasingContent): PhrasingContent {
  switch (node.type) {
    case 'text':
    case 'inlineCode':
      return node;
    case 'emphasis':
    case 'strong':
      return { ...node, children: node.children.map(keepSimple) };
    default:
      return { type: 'text', value: toString(node) };
  }
}

/**
 * One line of front-matter Markdown as hast children, for placing inside the
 * body (a term's definition in its popover). Same rules as `renderInline`;
 * the body's own plugins (joined words, long code) run over it afterwards.
 */
export function renderInlineHast(markdown: string): ElementContent[] {
  const root = parser.parse(markdown);
  const children = root.children.flatMap((node) => (node.type === 'paragraph' ? node.children : []));
  const hast = toHast({ type: 'paragraph', children: children.map(keepSimple) });
  return hast.type === 'element' ? hast.children : [];
}
