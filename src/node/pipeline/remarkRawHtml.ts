import type { Root } from 'mdast';
import { visit } from 'unist-util-visit';
import type { VFile } from 'vfile';
import { reportFatal } from './reportFatal.ts';

/**
 * Reports raw HTML in a note, which the pipeline never renders
 * (remark-rehype drops it, so no markup or script an author pastes reaches
 * the page). Dropping it silently loses what the author wrote, and often
 * what they meant as text: `Vec<T>` outside backticks is an HTML tag to
 * Markdown and would show as "Vec". So it is an error, not a warning: the
 * page would differ from the source, warnings scroll past unread in CI, and
 * the fix is one character (`\<`) or backticks. HTML comments are the
 * exception: hiding text is what the author wants from them.
 */
export function remarkRawHtml() {
  return (tree: Root, file: VFile) => {
    visit(tree, 'html', (node) => {
      const value = node.value.trim();
      if (/^<!--[\s\S]*-->$/.test(value)) return;
      const tag = /^<\/?[A-Za-z][\w-]*/.exec(value)?.[0];
      const shown = tag ? `${tag}${value.startsWith(`${tag}>`) ? '>' : '…>'}` : value.slice(0, 30);
      reportFatal(
        file,
        `Unexpected raw HTML \`${shown}\`: expected Markdown, since HTML is not rendered and would vanish from the page; write it with Markdown, put code in backticks, or escape the \`<\` as \`\\<\` to show it as text`,
        node,
        'raw-html',
      );
    });
  };
}
