import type { Root, Yaml } from 'mdast';
import type { Point, Position } from 'unist';
import type { VFile } from 'vfile';
import { isNode, LineCounter, parseDocument, type Document } from 'yaml';
import type { z } from 'zod';
import { frontmatterSchema, type Frontmatter } from './frontmatterSchema.ts';
import { reportFatal as fatal } from './reportFatal.ts';

/** Valid front matter, and where each of its values is written (for later messages about them). */
export interface ParsedFrontmatter {
  data: Frontmatter;
  /** The place of the value at `path` (`['terms', 2, 'term']`) in the note, if it is written there. */
  placeOf: (path: readonly (string | number)[]) => Position | undefined;
}

/**
 * Reads the YAML front matter of a parsed note and validates it.
 *
 * Every problem becomes a fatal message on `file`, placed on the offending
 * key or value (not just the `---` block), so an author sees
 * `content/uwsgi.md:3:8: …`. Returns `undefined` when the front matter is
 * missing or invalid.
 */
export function parseFrontmatter(tree: Root, file: VFile): ParsedFrontmatter | undefined {
  const yamlNode = tree.children.find((node): node is Yaml => node.type === 'yaml');
  if (!yamlNode?.position) {
    fatal(
      file,
      'Missing front matter: expected a YAML block between `---` lines at the top of the note',
      { line: 1, column: 1 },
      'frontmatter-missing',
    );
    return undefined;
  }

  // The YAML text starts on the line after the opening `---`.
  const firstLine = yamlNode.position.start.line + 1;
  const lineCounter = new LineCounter();
  const doc = parseDocument(yamlNode.value, { lineCounter, prettyErrors: false, uniqueKeys: true });
  const toPoint = (offset: number): Point => {
    const { line, col } = lineCounter.linePos(offset);
    return { line: firstLine + line - 1, column: col };
  };

  if (doc.errors.length > 0) {
    for (const error of doc.errors) {
      const [start, end] = error.pos;
      fatal(
        file,
        `Invalid YAML in front matter: ${firstSentence(error.message)}`,
        { start: toPoint(start), end: toPoint(end) },
        'frontmatter-yaml',
      );
    }
    return undefined;
  }

  const result = frontmatterSchema.safeParse(doc.toJS() ?? {});
  if (result.success) {
    return {
      data: result.data,
      placeOf: (path) => {
        const node = doc.getIn([...path], true);
        return isNode(node) && node.range ? { start: toPoint(node.range[0]), end: toPoint(node.range[1]) } : undefined;
      },
    };
  }

  for (const issue of result.error.issues) {
    fatal(file, describeIssue(issue, doc), placeOf(doc, issue, toPoint, yamlNode.position), 'frontmatter-schema');
  }
  return undefined;
}

function describeIssue(issue: z.core.$ZodIssue, doc: Document): string {
  const field = issue.path.length > 0 ? `\`${issue.path.join('.')}\`` : 'front matter';
  if (issue.code === 'unrecognized_keys') {
    const known = Object.keys(frontmatterSchema.shape).join(', ');
    return `Unknown front matter field ${issue.keys.map((key) => `\`${key}\``).join(', ')}: expected one of ${known}`;
  }
  if (issue.code === 'invalid_type' && !doc.hasIn(issue.path)) {
    return `Missing front matter field ${field}: expected ${issue.expected}`;
  }
  return `Invalid front matter field ${field}: ${issue.message}`;
}

/** Finds the YAML node an issue is about; falls back to the whole block. */
function placeOf(
  doc: Document,
  issue: z.core.$ZodIssue,
  toPoint: (offset: number) => Point,
  block: Position,
): Position | Point {
  const path = issue.code === 'unrecognized_keys' ? [...issue.path, issue.keys[0] ?? ''] : issue.path;
  for (let length = path.length; length > 0; length--) {
    const segment = path.slice(0, length);
    const node =
      issue.code === 'unrecognized_keys' && length === path.length ? findKey(doc, segment) : doc.getIn(segment, true);
    if (isNode(node) && node.range) {
      return { start: toPoint(node.range[0]), end: toPoint(node.range[1]) };
    }
  }
  return block.start;
}

/** The key node (not the value) of `path`, so "unknown field" points at the name. */
function findKey(doc: Document, path: PropertyKey[]): unknown {
  const parent = path.length > 1 ? doc.getIn(path.slice(0, -1), true) : doc.contents;
  const name = path[path.length - 1];
  if (parent && typeof parent === 'object' && 'items' in parent && Array.isArray(parent.items)) {
    for (const pair of parent.items as Array<{ key?: unknown }>) {
      if (isNode(pair.key) && 'value' in pair.key && pair.key.value === name) return pair.key;
    }
  }
  return undefined;
}

function firstSentence(message: string): string {
  return message.split('\n')[0]?.replace(/ at line \d+, column \d+:?$/, '') ?? message;
}
