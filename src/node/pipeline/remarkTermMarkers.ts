import type { Emphasis, Parent, PhrasingContent, Root, RootContent } from 'mdast';
import type { TextDirective } from 'mdast-util-directive';
import type { VFile } from 'vfile';
import { reportFatal } from './reportFatal.ts';

/** `:term[조인]` or `:term[행을 잇는 연산]{#조인}`: link this use of a term (and not its first use). */
export const LINK_TERM = 'term';
/** `:noterm[MAC]`: never link this use. */
export const NO_TERM = 'noterm';

/** Where a marker sits, for saying why it cannot link there. */
type Context = 'heading' | 'link' | 'quiz' | 'callout title' | undefined;

/**
 * Reads the author's glossary markers and leaves them for `rehypeTermLinks`
 * as `<span data-term-force="…">` / `<span data-term-skip>`.
 *
 * `:term` where terms are never linked (a heading, a link, a quiz, a
 * callout's title) stops the build with its place, since the author asked
 * for a link the page cannot have; `:noterm` there is simply its text.
 * A bare `:term` without a label is left as text (`long:term`), like any bare
 * text directive.
 */
export function remarkTermMarkers() {
  return (tree: Root, file: VFile) => {
    const walk = (parent: Parent, context: Context): void => {
      parent.children = parent.children.flatMap((child): RootContent[] => {
        if (child.type === 'textDirective' && (child.name === LINK_TERM || child.name === NO_TERM)) {
          return marker(child, context, file);
        }
        if ('children' in child) walk(child, contextOf(child, context));
        return [child];
      }) as Parent['children'];
    };
    walk(tree, undefined);
  };
}

function contextOf(node: RootContent, outer: Context): Context {
  if (outer) return outer;
  if (node.type === 'heading') return 'heading';
  if (node.type === 'link' || node.type === 'linkReference') return 'link';
  if (node.type === 'containerDirective' && node.name === 'quiz') return 'quiz';
  if (node.type === 'paragraph' && node.data && (node.data as { directiveLabel?: boolean }).directiveLabel) {
    return 'callout title';
  }
  return undefined;
}

function marker(directive: TextDirective, context: Context, file: VFile): RootContent[] {
  const attributes = directive.attributes ?? {};
  // A bare `:term` is ordinary text; remarkCallouts puts it back.
  if (directive.children.length === 0 && Object.keys(attributes).length === 0) return [directive];
  const written = `:${directive.name}[${directive.children.map(textOf).join('')}]`;
  if (directive.children.length === 0) {
    reportFatal(
      file,
      `Empty \`:${directive.name}[]\`: expected the words of the text inside the brackets, e.g. \`:${directive.name}[조인]\``,
      directive,
      'term-marker',
    );
    return [];
  }
  const allowed = directive.name === LINK_TERM ? ['id'] : [];
  for (const key of Object.keys(attributes)) {
    if (allowed.includes(key)) continue;
    reportFatal(
      file,
      `Unexpected attribute \`${key}\` on \`${written}\`: ${
        directive.name === LINK_TERM
          ? 'expected only the term it names, as `{#조인}`'
          : '`:noterm[…]` takes no attributes'
      }`,
      directive,
      'term-marker',
    );
  }
  if (context) {
    if (directive.name === LINK_TERM) {
      reportFatal(
        file,
        `Unexpected \`${written}\` in a ${context}: terms are never linked in headings, links, quizzes or callout titles; expected it in the note's prose`,
        directive,
        'term-marker',
      );
    }
    return directive.children as RootContent[];
  }
  const span: Emphasis = {
    type: 'emphasis',
    children: directive.children as PhrasingContent[],
    data: {
      hName: 'span',
      hProperties: directive.name === LINK_TERM ? { dataTermForce: attributes.id ?? '' } : { dataTermSkip: '' },
    },
  };
  if (directive.position) span.position = directive.position;
  return [span];
}

function textOf(node: PhrasingContent): string {
  if ('value' in node) return node.value;
  return 'children' in node ? node.children.map(textOf).join('') : '';
}
