import path from 'node:path';
import ts from 'typescript';

/**
 * The part of a source file's text that can reach a page. Comments in the
 * interface code and stylesheets never do, so a character that only a comment
 * uses (a `ﬁ` ligature explaining a search detail) neither enters the font
 * subset nor raises the "no glyph" notice. Notes, YAML and HTML count whole.
 */
export function pageText(file: string, text: string): string {
  const extension = path.extname(file);
  if (extension === '.ts' || extension === '.tsx') return withoutScriptComments(file, text);
  if (extension === '.css') return text.replace(/\/\*[\s\S]*?\*\//g, ' ');
  return text;
}

/**
 * The part of a page's text drawn in the site font, from what `pageText` kept
 * of the file (parsing the interface code once is most of the font's build
 * time): a note's code (fenced blocks and inline code, in the body or in front
 * matter definitions) is drawn in a monospace font, which brings its own
 * box-drawing lines and arrows. Only a character missing here is worth the
 * "no glyph" notice; the subset still takes code's characters (its Korean
 * comments need Hangul).
 */
export function proseText(file: string, kept: string): string {
  if (path.extname(file) !== '.md') return kept;
  return kept
    .replace(/^( {0,3})(`{3,}|~{3,})[^\n]*\n[\s\S]*?^\1\2[`~]*[ \t]*$/gm, ' ')
    .replace(/(`+)(?!`)[\s\S]*?[^`]\1(?!`)/g, ' ');
}

/**
 * Blanks every comment the TypeScript parser sees (so `//` inside a string, a
 * regular expression or a URL is left alone). Comments sit in the trivia
 * before a token; walking every token, punctuation included, finds them all.
 */
function withoutScriptComments(file: string, text: string): string {
  const kind = file.endsWith('.tsx') ? ts.ScriptKind.TSX : ts.ScriptKind.TS;
  const source = ts.createSourceFile(file, text, ts.ScriptTarget.Latest, false, kind);
  const comments = new Map<number, number>();
  const visit = (node: ts.Node): void => {
    // JSX text is read as text: `<p>// 주석</p>` shows its slashes.
    if (node.kind !== ts.SyntaxKind.JsxText) {
      const ranges = [
        ...(ts.getTrailingCommentRanges(text, node.pos) ?? []),
        ...(ts.getLeadingCommentRanges(text, node.pos) ?? []),
      ];
      for (const range of ranges) comments.set(range.pos, range.end);
    }
    for (const child of node.getChildren(source)) visit(child);
  };
  visit(source);
  let kept = '';
  let from = 0;
  for (const [start, end] of [...comments].sort((a, b) => a[0] - b[0])) {
    if (start < from) continue;
    kept += `${text.slice(from, start)} `;
    from = end;
  }
  return kept + text.slice(from);
}
