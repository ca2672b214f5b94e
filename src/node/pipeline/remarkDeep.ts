import type { Paragraph, Parent, Root, RootContent } from 'mdast';
import type { ContainerDirective } from 'mdast-util-directive';
import { toString } from 'mdast-util-to-string';
import { visit } from 'unist-util-visit';
import type { VFile } from 'vfile';
import { readingMinutes } from './readingMinutes.ts';
import { reportFatal } from './reportFatal.ts';

/** The directive name an author writes: `:::deep[제목]` … `:::`. */
export const DEEP_DIRECTIVE = 'deep';

/** Class of the `<details>` a deep section becomes; `splitBlocks` looks for it. */
export const DEEP_CLASS = 'deep';

/** The word shown before every deep section's title, and its default title. */
export const DEEP_LABEL = '심화';

/** Whether an mdast node is a `:::deep` container (quizzes and diagrams may sit directly inside one). */
export function isDeepSection(node: { type: string; name?: string }): boolean {
  return node.type === 'containerDirective' && node.name === DEEP_DIRECTIVE;
}

/**
 * Turns `:::deep[제목]` containers into foldable "심화" sections: material a
 * learner may skip (formal definitions, internals, optional set-up).
 *
 * A deep section becomes `<details class="deep">` with a `<summary>` that says
 * 심화, the title and its own reading time, closed by default: the page works
 * without a script, the main path reads straight through, and the browser opens
 * the fold by itself for find-in-page and for a link to a heading inside it.
 * Its text is not counted in the note's main reading time (see `compileNote`).
 *
 * A deep section sits at the top level (it is a part of the note, not of a list
 * or a box), and quizzes and diagrams may sit directly inside it. Runs after
 * remarkQuiz and remarkDiagrams, whose placeholders carry no text, so the time
 * shown counts the prose and code only, as the note's own time does.
 */
export function remarkDeep() {
  return (tree: Root, file: VFile) => {
    let count = 0;
    visit(tree, 'containerDirective', (node, _index, parent: Parent | undefined) => {
      const directive = node as ContainerDirective;
      if (directive.name !== DEEP_DIRECTIVE) return undefined;
      if (parent && parent.type !== 'root') {
        reportFatal(
          file,
          'Unexpected `:::deep` inside another block: expected it at the top level of the note, around whole paragraphs, code, questions or diagrams',
          directive,
          'deep-nesting',
        );
        return undefined;
      }
      for (const key of Object.keys(directive.attributes ?? {})) {
        file.message(`Unexpected attribute \`${key}\` on \`:::deep\`: a deep section takes only a \`[title]\``, {
          place: directive.position,
          ruleId: 'deep-attribute',
          source: 'study-notes',
        });
      }
      count += 1;
      toDetails(directive, count);
      return undefined;
    });
  };
}

function toDetails(directive: ContainerDirective, count: number): void {
  const [first, ...rest] = directive.children;
  const hasLabel = first?.type === 'paragraph' && first.data?.directiveLabel === true;
  const body = (hasLabel ? rest : directive.children) as RootContent[];
  const title = hasLabel ? (first as Paragraph).children : [];
  const minutes = readingMinutes(toString({ type: 'root', children: body }));
  const summary = {
    type: 'deepSummary',
    data: { hName: 'summary', hProperties: { className: ['deep-summary'] } },
    children: [
      span('deep-label', [{ type: 'text', value: DEEP_LABEL }]),
      span('deep-title', title.length > 0 ? title : [{ type: 'text', value: '더 알아보기' }]),
      span('deep-minutes', [{ type: 'text', value: `약 ${minutes}분` }]),
    ],
  };
  const content = {
    type: 'deepBody',
    data: { hName: 'div', hProperties: { className: ['deep-body'] } },
    children: body,
  };
  directive.children = [summary, content] as unknown as ContainerDirective['children'];
  directive.data = {
    hName: 'details',
    hProperties: {
      className: [DEEP_CLASS],
      id: `deep-${count}`,
      dataMinutes: String(minutes),
    },
  };
}

function span(className: string, children: unknown[]) {
  return { type: 'deepPart', data: { hName: 'span', hProperties: { className: [className] } }, children };
}
