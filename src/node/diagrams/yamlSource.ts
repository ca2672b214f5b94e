import type { Point, Position } from 'unist';
import {
  isMap,
  isNode,
  isScalar,
  isSeq,
  LineCounter,
  parseDocument,
  visit as visitYaml,
  type Document,
  type Node as YamlNode,
} from 'yaml';

export type YamlPath = readonly (string | number)[];

/** A problem found in a diagram block, placed in the note's Markdown file. */
export interface DiagramProblem {
  reason: string;
  place: Position | Point;
  ruleId: string;
}

/**
 * The YAML body of a ```diagram block, parsed with positions, so every
 * problem can point at the key or value it is about (the same `LineCounter`
 * technique as the front matter).
 */
export class YamlSource {
  readonly doc: Document;
  private readonly lineCounter = new LineCounter();

  /**
   * @param text the block's body (what is between the fences)
   * @param start where that body starts in the note: the line after the
   *   opening fence, and the fence's column (the body is indented like it)
   */
  constructor(
    text: string,
    private readonly start: Point,
  ) {
    this.doc = parseDocument(text, { lineCounter: this.lineCounter, prettyErrors: false, uniqueKeys: true });
  }

  /**
   * YAML syntax errors, placed. The parser notices an unclosed quote, `[` or
   * `{` only where it gives up, which is the start of the next line or the
   * end of the block; those point at the opening character instead, since
   * that is where the author left something open.
   */
  syntaxProblems(): DiagramProblem[] {
    return this.doc.errors.map((error) => {
      const opener = this.unclosedOpener(error.message, error.pos[0]);
      if (opener) {
        return {
          reason: `Invalid YAML in diagram: unclosed \`${opener.char}\`: expected a \`${opener.closer}\` to close the ${opener.what} that starts here`,
          place: { start: this.point(opener.offset), end: this.point(opener.offset + 1) },
          ruleId: 'diagram-yaml',
        };
      }
      return {
        reason: `Invalid YAML in diagram: ${firstSentence(error.message)}`,
        place: { start: this.point(error.pos[0]), end: this.point(error.pos[1]) },
        ruleId: 'diagram-yaml',
      };
    });
  }

  /** The innermost quoted value or flow collection left open where `message` was reported. */
  private unclosedOpener(
    message: string,
    offset: number,
  ): { offset: number; char: string; closer: string; what: string } | undefined {
    const closer = /Missing closing (["'])quote/.exec(message)?.[1] ?? /end with an? ([\]}])/.exec(message)?.[1];
    if (!closer) return undefined;
    let found: { offset: number; char: string; closer: string; what: string } | undefined;
    visitYaml(this.doc, (_key, node) => {
      if (!isNode(node) || !node.range) return;
      const [start, , end] = node.range;
      if (start >= offset || end < offset || (found && found.offset > start)) return;
      if (closer === '"' || closer === "'") {
        const quoted = isScalar(node) && node.type === (closer === '"' ? 'QUOTE_DOUBLE' : 'QUOTE_SINGLE');
        if (quoted) found = { offset: start, char: closer, closer, what: 'quoted value' };
      } else if (closer === '}' ? isMap(node) && node.flow : isSeq(node) && node.flow) {
        found = { offset: start, char: closer === '}' ? '{' : '[', closer, what: closer === '}' ? 'map' : 'list' };
      }
    });
    return found;
  }

  /**
   * The document as plain data. Plain scalars that YAML reads as numbers are
   * kept as written (`0001` stays `0001`, `1.50` stays `1.50`): in a diagram
   * every number is something to show, never to compute with.
   */
  toData(): unknown {
    return toData(this.doc.contents);
  }

  /** The place of the node at `path`, or of its nearest parent that exists. */
  placeOf(path: YamlPath, which: 'value' | 'key' = 'value'): Position | Point {
    if (which === 'key' && path.length > 0) {
      const key = this.keyNode(path);
      if (key?.range) return this.range(key.range);
    }
    for (let length = path.length; length >= 0; length--) {
      const node = length === 0 ? this.doc.contents : this.doc.getIn(path.slice(0, length), true);
      if (isNode(node) && node.range) return this.range(node.range);
    }
    return this.start;
  }

  /** Whether the document has a value at `path` (to tell "missing" from "wrong"). */
  has(path: YamlPath): boolean {
    return this.doc.hasIn(path);
  }

  private keyNode(path: YamlPath): YamlNode | undefined {
    const parent = path.length > 1 ? this.doc.getIn(path.slice(0, -1), true) : this.doc.contents;
    const name = path[path.length - 1];
    if (!isMap(parent)) return undefined;
    for (const pair of parent.items) {
      if (isScalar(pair.key) && pair.key.value === name) return pair.key;
    }
    return undefined;
  }

  private range([from, to]: readonly [number, number, number?] | [number, number, number]): Position {
    return { start: this.point(from), end: this.point(to) };
  }

  private point(offset: number): Point {
    const { line, col } = this.lineCounter.linePos(offset);
    return { line: this.start.line + line - 1, column: col + this.start.column - 1 };
  }
}

function toData(node: unknown): unknown {
  if (isMap(node)) {
    const result: Record<string, unknown> = {};
    for (const pair of node.items) {
      const key = isScalar(pair.key) ? String(pair.key.value) : String(pair.key);
      result[key] = toData(pair.value);
    }
    return result;
  }
  if (isSeq(node)) return node.items.map(toData);
  if (isScalar(node)) {
    if (typeof node.value === 'number' && typeof node.source === 'string') return node.source;
    return node.value;
  }
  // Aliases (`*name`) are not part of the diagram format.
  return null;
}

function firstSentence(message: string): string {
  return message.split('\n')[0]?.replace(/ at line \d+, column \d+:?$/, '') ?? message;
}
