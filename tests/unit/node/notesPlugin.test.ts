// @vitest-environment node
import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { build } from 'vite';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { notesPlugin } from '../../../src/node/notesPlugin.ts';

const fixtures = path.resolve('tests/fixtures');
let root: string;

beforeEach(async () => {
  root = await mkdtemp(path.join(tmpdir(), 'study-notes-build-'));
  await writeFile(
    path.join(root, 'index.html'),
    '<!doctype html><html lang="ko"><body><script type="module" src="/main.js"></script></body></html>',
  );
  await writeFile(
    path.join(root, 'main.js'),
    "import { notes, loadNote } from 'virtual:study-notes';\nloadNote(notes[0].slug).then((note) => console.log(note.title));\n",
  );
});

afterEach(async () => {
  await rm(root, { recursive: true, force: true });
});

const buildWith = (contentDir: string, maxFileBytes?: number) =>
  build({
    configFile: false,
    root,
    base: '/study-notes/',
    logLevel: 'silent',
    plugins: [notesPlugin({ contentDir, ...(maxFileBytes ? { maxFileBytes } : {}) })],
    build: { outDir: 'dist', emptyOutDir: true },
  });

describe('notesPlugin', () => {
  it('emits one chunk per note, with links rewritten under the base path', async () => {
    await buildWith(path.join(fixtures, 'good-content'));
    const dist = path.join(root, 'dist');
    const assets = await readdir(path.join(dist, 'assets'));
    expect(assets.filter((name) => /^(first|second)-.*\.js$/.test(name))).toHaveLength(2);
    const second = await readFile(
      path.join(dist, 'assets', assets.find((name) => name.startsWith('first-')) ?? ''),
      'utf8',
    );
    expect(second).toContain('/study-notes/notes/second/#');
  });

  it('stops on content errors with file:line:col for each, before touching the existing dist/', async () => {
    await mkdir(path.join(root, 'dist'));
    await writeFile(path.join(root, 'dist/stale.html'), 'old build');
    const error = await buildWith(path.join(fixtures, 'broken-content')).then(
      () => undefined,
      (reason: unknown) => reason,
    );
    expect(String(error)).toMatch(/content error\(s\)/);
    const text = String(error);
    expect(text).toMatch(/bad-frontmatter\.md:4:8-4:13: error: Invalid front matter field `order`/);
    expect(text).toMatch(/unknown-directive\.md:10:1-12:4: error: Unknown directive `:::spoiler`/);
    expect(await readFile(path.join(root, 'dist/stale.html'), 'utf8')).toBe('old build');
  });

  it('stops a note whose data chunk is over the precache limit at its largest block, before writing anything', async () => {
    const error = await buildWith(path.join(fixtures, 'good-content'), 300).then(
      () => undefined,
      (reason: unknown) => String(reason),
    );
    expect(error).toMatch(
      /good-content\/first\.md:8:1-8:6: error: Note too large to keep offline: its data `assets\/first-[\w-]+\.js` is \d+\.\d KiB, over the 0\.3 KiB the service worker precaches per file; the block here is 0\.\d KiB of it: expected a smaller note \(split it into two notes, or shorten this block\)/,
    );
    expect(existsSync(path.join(root, 'dist'))).toBe(false);
  });
});
