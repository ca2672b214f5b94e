/**
 * Writes every fenced code block of content/*.md to a folder, so that tests/deploy/run.sh runs what the notes
 * say rather than its own copies. Parsed with the same remark plugins as the site and the code-block checker,
 * so a block inside a `:::warning` or `:::update` box is found too.
 *
 *   tsx tests/deploy/dumpBlocks.ts OUTDIR
 *
 * OUTDIR/index.tsv has one row per block: number, file, line, language, title (tabs and newlines in the title
 * become spaces). OUTDIR/<number>.txt holds the block's text, ending with a newline.
 */
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Code, Root } from 'mdast';
import remarkDirective from 'remark-directive';
import remarkFrontmatter from 'remark-frontmatter';
import remarkGfm from 'remark-gfm';
import remarkParse from 'remark-parse';
import { unified } from 'unified';
import { visit } from 'unist-util-visit';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const CONTENT_DIR = path.join(ROOT, 'content');

function titleOf(meta: string | null | undefined): string {
  const m = /(?:^|\s)title=(?:"((?:[^"\\]|\\.)*)"|'([^']*)'|([^\s"'=]+))/.exec(meta ?? '');
  if (!m) return '';
  const raw = m[1] !== undefined ? m[1].replace(/\\(["\\])/g, '$1') : (m[2] ?? m[3] ?? '');
  return raw.replace(/[\t\n]/g, ' ');
}

const outDir = process.argv[2];
if (!outDir) {
  console.error('usage: tsx tests/deploy/dumpBlocks.ts OUTDIR');
  process.exit(2);
}
fs.mkdirSync(outDir, { recursive: true });

const processor = unified().use(remarkParse).use(remarkFrontmatter, ['yaml']).use(remarkGfm).use(remarkDirective);
const rows: string[] = [];
let n = 0;
for (const name of fs
  .readdirSync(CONTENT_DIR)
  .filter((f) => f.endsWith('.md'))
  .sort()) {
  const tree = processor.runSync(processor.parse(fs.readFileSync(path.join(CONTENT_DIR, name), 'utf8'))) as Root;
  visit(tree, 'code', (node: Code) => {
    n += 1;
    const text = node.value.endsWith('\n') ? node.value : `${node.value}\n`;
    fs.writeFileSync(path.join(outDir, `${n}.txt`), text);
    rows.push([n, name, node.position?.start.line ?? 0, node.lang ?? '', titleOf(node.meta)].join('\t'));
  });
}
fs.writeFileSync(path.join(outDir, 'index.tsv'), `${rows.join('\n')}\n`);
console.log(`${n} code blocks from ${CONTENT_DIR} written to ${outDir}`);
