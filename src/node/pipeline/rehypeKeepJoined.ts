import type { ElementContent, Root } from 'hast';
import { SKIP, visit } from 'unist-util-visit';
import { splitJoined } from '../../shared/joinedWords.ts';

/** Elements whose text is left as it is: code keeps its own wrapping rules. */
const LEAVE = new Set(['code', 'pre', 'kbd', 'script', 'style', 'svg']);

/**
 * Wraps short joined words (2026-11-02, SHA-256, 테이블·인덱스·뷰) in
 * `<span class="nowrap">`, so a line never breaks inside them (see
 * shared/joinedWords.ts).
 */
export function rehypeKeepJoined() {
  return (tree: Root) => {
    visit(tree, (node, index, parent) => {
      if (node.type === 'element' && LEAVE.has(node.tagName)) return SKIP;
      if (node.type !== 'text' || !parent || index === undefined) return;
      const runs = splitJoined(node.value);
      if (!runs.some((run) => run.keep)) return;
      const replacement: ElementContent[] = runs.map((run) =>
        run.keep
          ? {
              type: 'element',
              tagName: 'span',
              properties: { className: ['nowrap'] },
              children: [{ type: 'text', value: run.text }],
            }
          : { type: 'text', value: run.text },
      );
      parent.children.splice(index, 1, ...replacement);
      return [SKIP, index + replacement.length];
    });
  };
}
