import type { Paragraph, Root, Text } from 'mdast';
import type { ContainerDirective, LeafDirective, TextDirective } from 'mdast-util-directive';
import { toString } from 'mdast-util-to-string';
import { visit } from 'unist-util-visit';
import type { VFile } from 'vfile';
import { DEEP_DIRECTIVE } from './remarkDeep.ts';
import { reportFatal } from './reportFatal.ts';

/** The callout kinds an author can write as `:::name`, with their default titles. */
export const calloutKinds = {
  note: '참고',
  tip: '팁',
  warning: '주의',
  update: '2018년 이후 바뀐 점',
} as const;

export type CalloutKind = keyof typeof calloutKinds;

const isCalloutKind = (name: string): name is CalloutKind => Object.hasOwn(calloutKinds, name);

/**
 * Turns `:::note`, `:::tip`, `:::warning` and `:::update` containers into
 * callout boxes and rejects every other directive.
 *
 * A callout becomes `<div class="callout callout-<kind>" role="note">` with a
 * title paragraph: the `[label]` when given, else the kind's default title.
 * `role="note"` (not `<aside>`) because an aside inside `<main>` would be a
 * complementary landmark per callout, which clutters landmark navigation.
 *
 * Text directives are a special case: remark-directive reads `:name` after
 * any word, so "10:30am" or "localhost:dev" would otherwise fail the build.
 * A bare `:name` with no label or attributes is put back as text.
 */
export function remarkCallouts() {
  return (tree: Root, file: VFile) => {
    visit(tree, (node, index, parent) => {
      if (node.type === 'textDirective') {
        const directive = node as TextDirective;
        if (isBareTextDirective(directive) && parent && index !== undefined) {
          const text: Text = { type: 'text', value: `:${directive.name}` };
          if (directive.position) text.position = directive.position;
          parent.children.splice(index, 1, text);
          return index;
        }
        reportFatal(
          file,
          `Unknown text directive \`:${directive.name}\`: expected one of the block callouts ${listKinds()} (written \`:::note\`)`,
          directive,
          'unknown-directive',
        );
        return undefined;
      }
      if (node.type === 'leafDirective') {
        const directive = node as LeafDirective;
        reportFatal(
          file,
          `Unknown directive \`::${directive.name}\`: expected a callout container such as \`:::${directive.name}\` … \`:::\` (${listKinds()})`,
          directive,
          'unknown-directive',
        );
        return undefined;
      }
      if (node.type !== 'containerDirective') return undefined;

      const directive = node as ContainerDirective;
      // Already a foldable section (remarkDeep runs first).
      if (directive.name === DEEP_DIRECTIVE) return undefined;
      if (!isCalloutKind(directive.name)) {
        reportFatal(
          file,
          `Unknown directive \`:::${directive.name}\`: expected one of ${listKinds()}`,
          directive,
          'unknown-directive',
        );
        return undefined;
      }
      for (const key of Object.keys(directive.attributes ?? {})) {
        file.message(`Unexpected attribute \`${key}\` on \`:::${directive.name}\`: callouts take only a \`[title]\``, {
          place: directive.position,
          ruleId: 'callout-attribute',
          source: 'study-notes',
        });
      }
      toCallout(directive, directive.name);
      return undefined;
    });
  };
}

function toCallout(directive: ContainerDirective, kind: CalloutKind): void {
  const [first, ...rest] = directive.children;
  const hasLabel = first?.type === 'paragraph' && first.data?.directiveLabel === true;
  const titleChildren: Paragraph['children'] = hasLabel
    ? (first as Paragraph).children
    : [{ type: 'text', value: calloutKinds[kind] }];
  const title: Paragraph = {
    type: 'paragraph',
    children: titleChildren,
    data: { hProperties: { className: ['callout-title'] } },
  };
  directive.children = [title, ...(hasLabel ? rest : directive.children)];
  const label = hasLabel ? toString(first) : '';
  directive.data = {
    hName: 'div',
    hProperties: {
      className: ['callout', `callout-${kind}`],
      role: 'note',
      // The kind, then the title, unless the title already starts with it
      // ("2018년 이후 바뀐 점: …" would otherwise be read out twice).
      ariaLabel: !hasLabel
        ? calloutKinds[kind]
        : label.startsWith(calloutKinds[kind])
          ? label
          : `${calloutKinds[kind]}: ${label}`,
    },
  };
}

function isBareTextDirective(directive: TextDirective): boolean {
  return directive.children.length === 0 && Object.keys(directive.attributes ?? {}).length === 0;
}

function listKinds(): string {
  return [...Object.keys(calloutKinds), DEEP_DIRECTIVE].map((kind) => `\`:::${kind}\``).join(', ');
}
