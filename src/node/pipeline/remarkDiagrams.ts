import GithubSlugger from 'github-slugger';
import type { Code, Root, RootContent } from 'mdast';
import { toString } from 'mdast-util-to-string';
import type { Parent } from 'unist';
import { visit } from 'unist-util-visit';
import type { VFile } from 'vfile';
import { stepAnchor, type Diagram } from '../../shared/diagram.ts';
import type { NoteBlock } from '../../shared/note.ts';
import { compileDiagram } from '../diagrams/compileDiagram.ts';
import { isDeepSection } from './remarkDeep.ts';
import { reportFatal } from './reportFatal.ts';

export interface RemarkDiagramsOptions {
  /** Stores an interactive block and returns its index for the placeholder. */
  addEmbed: (block: NoteBlock) => number;
  /** Receives every compiled diagram (for link and id checks). Optional. */
  collect?: (diagram: Diagram) => void;
}

/** The fenced-code language that marks a diagram: ```diagram. */
export const DIAGRAM_LANGUAGE = 'diagram';

const containerNames: Record<string, string> = {
  listItem: 'a list',
  list: 'a list',
  blockquote: 'a quote',
  containerDirective: 'a `:::` box',
  footnoteDefinition: 'a footnote',
};

/**
 * Compiles ```diagram fenced blocks (YAML; see src/node/diagrams) into
 * diagrams and leaves a placeholder the page renders as a component.
 *
 * A fenced block keeps the source readable on GitHub, where it shows as YAML.
 * Every problem is fatal and placed inside the YAML (`content/x.md:LINE:COL`),
 * as are a diagram inside a list, quote or box (diagrams are full-width
 * figures at the top level), an id used twice in the note, and an id that
 * a heading already has (the figure's id must be unique on the page).
 */
export function remarkDiagrams(options: RemarkDiagramsOptions) {
  return (tree: Root, file: VFile) => {
    const headingIds = headingSlugs(tree);
    const seen = new Map<string, number>();

    visit(tree, 'code', (node: Code, index, parent: Parent | undefined) => {
      if (node.lang !== DIAGRAM_LANGUAGE || index === undefined || !parent) return undefined;
      // Reported blocks are dropped so the highlighter does not also warn about the language.
      const drop = () => {
        parent.children.splice(index, 1);
        return index;
      };
      if (parent.type !== 'root' && !isDeepSection(parent)) {
        reportFatal(
          file,
          `Unexpected diagram inside ${containerNames[parent.type] ?? `a \`${parent.type}\``}: expected it at the top level of the note, as its own paragraph`,
          node,
          'diagram-nesting',
        );
        return drop();
      }
      if (node.meta) {
        file.message(`Unexpected \`${node.meta}\` after \`\`\`diagram: a diagram's title and options go in its YAML`, {
          place: node.position,
          ruleId: 'diagram-meta',
          source: 'study-notes',
        });
      }
      const start = node.position?.start ?? { line: 1, column: 1 };
      const result = compileDiagram(node.value, { line: start.line + 1, column: start.column });
      for (const problem of result.problems) reportFatal(file, problem.reason, problem.place, problem.ruleId);
      const diagram = result.diagram;
      if (!diagram) return drop();

      const earlier = seen.get(diagram.id);
      if (earlier !== undefined) {
        reportFatal(
          file,
          `Duplicate diagram id \`${diagram.id}\`: the diagram at line ${earlier} already uses it; expected every diagram id to be unique`,
          result.idPlace,
          'diagram-id',
        );
        return drop();
      }
      seen.set(diagram.id, start.line);
      const clash = [diagram.id, ...diagram.steps.map((_, i) => stepAnchor(diagram.id, i + 1))].find((id) =>
        headingIds.has(id),
      );
      if (clash) {
        reportFatal(
          file,
          `Diagram id \`${diagram.id}\` clashes with the heading id \`${clash}\`: expected an id no heading in this note has, since both become link targets`,
          result.idPlace,
          'diagram-id',
        );
        return drop();
      }

      options.collect?.(diagram);
      const embedIndex = options.addEmbed({ kind: 'diagram', diagram });
      const placeholder = {
        type: 'diagramEmbed',
        data: { hName: 'study-notes-embed', hProperties: { dataIndex: String(embedIndex) } },
        // Kept so a message about the note's size can point at its largest blocks.
        position: node.position,
      };
      parent.children.splice(index, 1, placeholder as unknown as RootContent);
      return undefined;
    });
  };
}

/** The ids rehype-slug will give the note's headings (same slugger, same order). */
function headingSlugs(tree: Root): Set<string> {
  const slugger = new GithubSlugger();
  const ids = new Set<string>();
  visit(tree, 'heading', (heading) => {
    ids.add(slugger.slug(toString(heading)));
  });
  return ids;
}
