import type { Element, ElementContent, Root } from 'hast';
import { toString } from 'hast-util-to-string';
import { SKIP, visit } from 'unist-util-visit';

/** Inline code up to this many characters never breaks (an option name, a short path). */
export const LONG_CODE_CHARS = 24;

/**
 * Gives long inline code (not code blocks) places to break a line: a `<wbr>`
 * after each `.` and `/` inside it, and the class `long-code`.
 *
 * Line breaking rules allow no break in `config.wsgi.deploy.application` or
 * `ec2-203-0-113-10.ap-northeast-2.compute.amazonaws.com` after a dot, so a
 * narrow line broke the Korean particle after it instead ("…application으" /
 * "로"), and a table column grew to fit the whole name. Short code stays
 * whole (prose.css keeps it on one line in tables). `<wbr>` adds no character:
 * copied text is unchanged.
 */
export function rehypeBreakLongCode() {
  return (tree: Root) => {
    visit(tree, 'element', (node) => {
      if (node.tagName === 'pre') return SKIP;
      if (node.tagName !== 'code') return;
      if (toString(node).length > LONG_CODE_CHARS) {
        node.properties.className = [...classNames(node), 'long-code'];
        node.children = node.children.flatMap(breakAfterSeparators);
      }
      return SKIP;
    });
  };
}

function classNames(node: Element): string[] {
  const value = node.properties.className;
  return Array.isArray(value) ? value.map(String) : [];
}

/** A text child split after each `.` or `/` that has more name after it. */
function breakAfterSeparators(child: ElementContent): ElementContent[] {
  if (child.type !== 'text') return [child];
  const pieces = child.value.split(/(?<=[^./\s][./])(?=[^./\s])/);
  return pieces.flatMap((piece, index): ElementContent[] =>
    index === 0
      ? [{ type: 'text', value: piece }]
      : [
          { type: 'element', tagName: 'wbr', properties: {}, children: [] },
          { type: 'text', value: piece },
        ],
  );
}
