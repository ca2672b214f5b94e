import type { Position } from 'unist';

/**
 * Where `id: <id>` is written in a note's Markdown, for messages that only
 * the whole set of notes can give (an id another note already uses). The
 * diagram data carries no positions; the id line is easy to find again.
 */
export function diagramIdPlace(markdown: string, id: string): Position | undefined {
  const lines = markdown.split('\n');
  let inDiagram = false;
  for (const [index, line] of lines.entries()) {
    if (/^ {0,3}(`{3,}|~{3,})\s*diagram\b/.test(line)) inDiagram = true;
    else if (inDiagram && /^ {0,3}(`{3,}|~{3,})\s*$/.test(line)) inDiagram = false;
    if (!inDiagram) continue;
    const match = /^(\s*id:\s*)(['"]?)([^'"\s#]+)\2\s*(#.*)?$/.exec(line);
    if (match && match[3] === id) {
      const column = (match[1]?.length ?? 0) + 1;
      const end = column + (match[2]?.length ?? 0) * 2 + id.length;
      return { start: { line: index + 1, column }, end: { line: index + 1, column: end } };
    }
  }
  return undefined;
}
