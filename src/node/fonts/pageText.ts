import path from 'node:path';
import { parseSync } from 'vite';

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
 * Blanks every comment the parser sees (so `//` inside a string, a regular
 * expression, a template or JSX text is left alone). Vite's own parser (oxc)
 * reports the comments with their offsets, at a tenth of the TypeScript
 * compiler's time.
 */
function withoutScriptComments(file: string, text: string): string {
  const { comments } = parseSync(file, text, { lang: file.endsWith('.tsx') ? 'tsx' : 'ts' });
  let kept = '';
  let from = 0;
  for (const { start, end } of [...comments].sort((a, b) => a.start - b.start)) {
    if (start < from) continue;
    kept += `${text.slice(from, start)} `;
    from = end;
  }
  return kept + text.slice(from);
}
