import type { Element, ElementContent, Parent, Root, Text } from 'hast';
import { toString as hastToString } from 'hast-util-to-string';
import type { VFile } from 'vfile';
import { termAnchorId } from '../../shared/glossary.ts';
import { glossaryPath } from '../../shared/routes.ts';
import type { GlossaryIndex } from './collectGlossary.ts';
import { renderInlineHast } from './inlineMarkdown.ts';
import { reportFatal } from './reportFatal.ts';
import { EMBED_TAG } from './splitBlocks.ts';

export interface TermLinkOptions {
  glossary: GlossaryIndex;
  /** Base path of the site, starting and ending with `/`. */
  base: string;
  /** Receives the ids of the terms linked from this note, in order of first link. */
  collect?: (termIds: string[]) => void;
}

/** Never linked inside: code, links, headings, controls, and the embeds (quizzes, diagrams). */
const NEVER_TAGS = new Set([
  'a',
  'code',
  'pre',
  'kbd',
  'samp',
  'var',
  'script',
  'style',
  'svg',
  'button',
  'label',
  'h1',
  'h2',
  'h3',
  'h4',
  'h5',
  'h6',
  EMBED_TAG,
]);
/** Classes of elements that read as headings or are for screen readers only. */
const NEVER_CLASSES = ['callout-title', 'heading-wrapper', 'sr-only', 'term-popover'];
/** Inline elements continue the text around them (`**조인**을` is one word); any other element starts a new run. */
const INLINE_TAGS = new Set([
  'span',
  'strong',
  'em',
  'b',
  'i',
  's',
  'del',
  'ins',
  'mark',
  'sub',
  'sup',
  'small',
  'abbr',
  'q',
  'cite',
  'dfn',
  'u',
]);
/** Stands in the text for something never linked (inline code, a link): no term runs across it. */
const BARRIER = '\uFFFC';

interface Piece {
  node: Text;
  parent: Parent;
  start: number;
}

interface Run {
  text: string;
  pieces: Piece[];
}

const classesOf = (element: Element): string[] => {
  const value: unknown = element.properties.className;
  return Array.isArray(value) ? value.map(String) : typeof value === 'string' ? value.split(/\s+/) : [];
};

const isNever = (element: Element): boolean =>
  NEVER_TAGS.has(element.tagName) ||
  element.properties.dataTermSkip !== undefined ||
  classesOf(element).some((name) => NEVER_CLASSES.includes(name));

/**
 * Links the first use of each glossary term in a note's prose to its entry
 * on /glossary/, with the definition beside it for a popover.
 *
 * Any note's terms count, not only the note's own. Text in code, links,
 * headings, callout titles and the embeds (quiz and diagram text) is never
 * linked, and a term's first use is its first use in prose. Matching follows
 * `matchTerms.ts` (Korean particles, whole acronyms). Markers from
 * `remarkTermMarkers`: `:term[…]` links that use (and then the term's first
 * use is not linked), `:noterm[…]` never links. An unknown term in `:term`
 * stops the build with its place.
 *
 * The link needs no script: it goes to the glossary entry. Its definition
 * follows it as a hidden `<span role="tooltip">` that the link names with
 * `aria-describedby`, so screen readers read it on focus; the page's script
 * (dom/termPopovers.ts) shows it on hover, focus and tap.
 */
export function rehypeTermLinks(options: TermLinkOptions) {
  const { glossary, base } = options;
  return (tree: Root, file: VFile) => {
    const linked: string[] = [];
    const popoverCount = new Map<string, number>();

    const linkTo = (id: string, children: ElementContent[]): ElementContent[] => {
      const term = glossary.terms.get(id);
      if (!term) return children;
      const count = (popoverCount.get(id) ?? 0) + 1;
      popoverCount.set(id, count);
      if (!linked.includes(id)) linked.push(id);
      const popoverId = `term-def-${id}${count > 1 ? `-${count}` : ''}`;
      return [
        {
          type: 'element',
          tagName: 'a',
          properties: {
            href: `${base}${glossaryPath().slice(1)}#${termAnchorId(id)}`,
            className: ['term-link'],
            dataTerm: id,
            ariaDescribedBy: [popoverId],
          },
          children,
        },
        {
          type: 'element',
          tagName: 'span',
          properties: { id: popoverId, className: ['term-popover'], role: 'tooltip', hidden: true },
          children: [
            {
              type: 'element',
              tagName: 'strong',
              properties: { className: ['term-popover-term'] },
              children: [{ type: 'text', value: term.term }],
            },
            { type: 'text', value: ' ' },
            ...renderInlineHast(term.definitionMarkdown),
          ],
        },
      ];
    };

    // The author's `:term[…]` markers first: they decide which use of their term is linked.
    const forced = new Set<string>();
    const markers: { element: Element; parent: Parent; id: string }[] = [];
    const findMarkers = (parent: Parent): void => {
      for (const child of parent.children) {
        if (child.type !== 'element') continue;
        if (child.properties.dataTermForce !== undefined) {
          const id = resolveMarker(child, glossary);
          if (id) {
            forced.add(id);
            markers.push({ element: child, parent, id });
          } else {
            const named = String(child.properties.dataTermForce || hastToString(child));
            reportFatal(
              file,
              `Unknown term \`${named}\` in \`:term[${hastToString(child)}]\`: expected a term defined in the \`terms:\` of a note${
                glossary.terms.size > 0
                  ? ` (such as ${[...glossary.terms.values()]
                      .slice(0, 4)
                      .map((t) => `\`${t.term}\``)
                      .join(', ')})`
                  : ''
              }, or its name after the text: \`:term[${hastToString(child)}]{#조인}\``,
              child,
              'term-marker',
            );
          }
          continue;
        }
        findMarkers(child);
      }
    };
    findMarkers(tree);

    // Text runs in reading order: a run is the text of one block, with barriers where something is never linked.
    const runs: Run[] = [];
    const walk = (parent: Parent, run: Run): void => {
      for (const child of parent.children) {
        if (child.type === 'text') {
          run.pieces.push({ node: child, parent, start: run.text.length });
          run.text += child.value;
        } else if (child.type === 'element') {
          if (isNever(child) || child.properties.dataTermForce !== undefined) {
            run.text += BARRIER;
          } else if (INLINE_TAGS.has(child.tagName)) {
            walk(child, run);
          } else {
            run.text += BARRIER;
            const inner: Run = { text: '', pieces: [] };
            runs.push(inner);
            walk(child, inner);
          }
        }
      }
    };
    const top: Run = { text: '', pieces: [] };
    runs.push(top);
    walk(tree, top);

    // The first use of each term, in reading order (markers and the runs share one order only roughly,
    // which is fine: a forced term is never auto-linked).
    const uses = new Map<Text, { start: number; end: number; id: string }[]>();
    const pieceOwners = new Map<Text, Parent>();
    const seen = new Set<string>(forced);
    for (const run of runs) {
      if (run.pieces.length === 0) continue;
      for (const match of glossary.matcher.matchAll(run.text)) {
        if (seen.has(match.id)) continue;
        const piece = run.pieces.find(
          (candidate) => candidate.start <= match.start && match.end <= candidate.start + candidate.node.value.length,
        );
        // A use split across elements (`가상 **호스트**`) is left alone; a later use may be linked.
        if (!piece) continue;
        seen.add(match.id);
        uses.set(piece.node, [
          ...(uses.get(piece.node) ?? []),
          { start: match.start - piece.start, end: match.end - piece.start, id: match.id },
        ]);
        pieceOwners.set(piece.node, piece.parent);
      }
    }

    for (const [node, found] of uses) {
      const parent = pieceOwners.get(node);
      if (!parent) continue;
      const replacement: ElementContent[] = [];
      let at = 0;
      for (const use of found.sort((a, b) => a.start - b.start)) {
        if (use.start > at) replacement.push({ type: 'text', value: node.value.slice(at, use.start) });
        replacement.push(...linkTo(use.id, [{ type: 'text', value: node.value.slice(use.start, use.end) }]));
        at = use.end;
      }
      if (at < node.value.length) replacement.push({ type: 'text', value: node.value.slice(at) });
      const index = parent.children.indexOf(node);
      if (index >= 0) parent.children.splice(index, 1, ...replacement);
    }

    for (const { element, parent, id } of markers) {
      const index = parent.children.indexOf(element);
      if (index >= 0) parent.children.splice(index, 1, ...linkTo(id, element.children));
    }
    unwrapSkipMarkers(tree);
    options.collect?.(linked);
  };
}

/** The term a `:term[…]` marker names: its `{#id}`, else the first term its text uses, else its text as a spelling. */
function resolveMarker(element: Element, glossary: GlossaryIndex): string | undefined {
  const named = String(element.properties.dataTermForce ?? '');
  if (named) return glossary.resolve(named);
  const text = hastToString(element);
  return glossary.matcher.matchAll(text)[0]?.id ?? glossary.resolve(text.trim());
}

/** `:noterm[…]` has done its job once linking is over: its text stays, the span goes. */
function unwrapSkipMarkers(parent: Parent): void {
  const children: Parent['children'] = [];
  for (const child of parent.children) {
    if (child.type === 'element') unwrapSkipMarkers(child);
    if (child.type === 'element' && child.properties.dataTermSkip !== undefined) children.push(...child.children);
    else children.push(child);
  }
  parent.children = children;
}
