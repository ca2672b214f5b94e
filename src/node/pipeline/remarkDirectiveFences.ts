import type { Root, RootContent } from 'mdast';
import type { ContainerDirective } from 'mdast-util-directive';
import type { Parent, Position } from 'unist';
import { visit } from 'unist-util-visit';
import type { VFile } from 'vfile';
import { reportFatal } from './reportFatal.ts';

/** A line that starts like a `:::` fence once list markers, quote markers and indentation are set aside. */
const fenceLine = /^((?:[ \t]*(?:>|[-*+]|\d{1,9}[.)])(?=[ \t]))*[ \t]*(?:>[ \t]*)*)(:{3,})(.*)$/;

/**
 * Checks the `:::` fences remark-directive reads, because its two ways of
 * failing are silent:
 *
 * - a `:::name` line whose `[label]` or `{attributes}` it cannot read is
 *   not a directive at all: the line and everything up to the next `:::`
 *   show as plain text (`:::quiz{#EC2 Keys!}` prints the question with its
 *   answers checked);
 * - a container without its closing `:::` runs to the end of the note (or
 *   of the list or quote it is in) and swallows what follows.
 *
 * Both are fatal, placed at the opening line. An unclosed container is
 * replaced by its children, so later plugins check them as ordinary content
 * rather than report mistakes that are only the missing fence's echo (a
 * quiz "containing" the next heading). Lines in code, inline code and front
 * matter are never fences.
 */
export function remarkDirectiveFences() {
  return (tree: Root, file: VFile) => {
    const lines = String(file.value).split(/\r?\n|\r/);
    const fenceLines = new Set<number>();
    const ignored = new Set<number>();

    visit(tree, (node) => {
      if (node.type === 'code' || node.type === 'inlineCode' || node.type === 'yaml' || node.type === 'html') {
        for (let line = node.position?.start.line ?? 0; line <= (node.position?.end.line ?? -1); line++) {
          ignored.add(line);
        }
      }
    });

    // A fence line closes the outermost open block it is long enough for
    // (micromark checks containers from the outside in), and any block inside
    // that one ends there too, unclosed: `::::note` / `:::tip` / `::::` leaves
    // the tip open. So a block is closed by the fence it ends on unless an
    // enclosing block ends on that same fence and can take it.
    const unclosed: ContainerDirective[] = [];
    const check = (node: Parent, open: { directive: ContainerDirective; colons: number }[]): void => {
      for (const child of node.children) {
        if (child.type !== 'containerDirective') {
          if ('children' in child) check(child as Parent, open);
          continue;
        }
        const directive = child as ContainerDirective;
        const position = directive.position;
        if (!position) continue;
        fenceLines.add(position.start.line);
        const colons =
          /^:+/.exec((lines[position.start.line - 1] ?? '').slice(position.start.column - 1))?.[0].length ?? 3;
        const fence = closingFence(position, lines);
        const takenByOuter = open.some(
          (outer) => outer.directive.position?.end.offset === position.end.offset && outer.colons <= fence,
        );
        if (fence >= colons && !takenByOuter) {
          fenceLines.add(position.end.line);
        } else {
          unclosed.push(directive);
          reportFatal(
            file,
            `Unclosed \`${':'.repeat(colons)}${directive.name}\`: expected a line with only \`${':'.repeat(colons)}\` where the block ends (without it, the block runs on to the end of the note, or of the list or quote it is in, and takes in what follows)`,
            openingLine(position, lines),
            'directive-fence',
          );
        }
        check(directive, [...open, { directive, colons }]);
      }
    };
    check(tree, []);

    // Lines that look like fences but are text: an opener remark-directive could
    // not read, or a closing `:::` with no block open. The closer that goes with
    // an unreadable opener is its echo, not a mistake of its own.
    let unreadOpeners = 0;
    for (const [index, text] of lines.entries()) {
      const line = index + 1;
      if (fenceLines.has(line) || ignored.has(line)) continue;
      const match = fenceLine.exec(text);
      if (!match) continue;
      const [, prefix = '', colons = '', rest = ''] = match;
      const column = prefix.length + 1;
      const place = { start: { line, column }, end: { line, column: text.trimEnd().length + 1 } };
      const written = `${colons}${rest.trim()}`;
      if (/^[A-Za-z]/.test(rest)) {
        unreadOpeners++;
        const name = /^[A-Za-z][\w-]*/.exec(rest)?.[0] ?? '';
        const expected =
          name === 'quiz'
            ? '`:::quiz{#id}` or `:::quiz{#id type=…}`, the id in lowercase letters, digits and hyphens'
            : `\`${colons}${name}\`, then optionally a \`[title]\` and \`{key=value}\` attributes (quote values with spaces), and nothing else on the line`;
        reportFatal(
          file,
          `Unreadable \`${written}\`: expected ${expected}; as written, the block would show as plain text`,
          place,
          'directive-fence',
        );
      } else if (rest.trim() === '') {
        if (unreadOpeners > 0) {
          unreadOpeners--;
          continue;
        }
        reportFatal(
          file,
          `Unexpected \`${colons}\` with no \`:::\` block open here: expected it to close a block such as \`:::note\` or \`:::quiz{#id}\`, on a line of its own at the block's indentation`,
          place,
          'directive-fence',
        );
      }
    }

    // Innermost first, so a parent's children list still holds the node.
    for (const directive of unclosed.reverse()) unwrap(tree, directive);
  };
}

/** The number of colons when `position` ends a line of only `:::…` (after indentation and `>`), else 0. */
function closingFence(position: Position, lines: readonly string[]): number {
  const before = (lines[position.end.line - 1] ?? '').slice(0, position.end.column - 1);
  return /^[ \t>]*(:{3,})$/.exec(before)?.[1]?.length ?? 0;
}

/** From the start of the opening fence to the end of its line. */
function openingLine(position: Position, lines: readonly string[]): Position {
  const text = lines[position.start.line - 1] ?? '';
  return { start: position.start, end: { line: position.start.line, column: text.trimEnd().length + 1 } };
}

function unwrap(tree: Root, target: ContainerDirective): void {
  visit(tree, (node, index, parent: Parent | undefined) => {
    if (node !== target || !parent || index === undefined) return undefined;
    parent.children.splice(index, 1, ...(target.children as RootContent[]));
    return false;
  });
}
