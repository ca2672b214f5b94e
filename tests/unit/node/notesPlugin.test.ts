// @vitest-environment node
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

const buildWith = (contentDir: string) =>
  build({
    configFile: false,
    root,
    base: '/study-notes/',
    logLevel: 'silent',
    plugins: [notesPlugin({ contentDir })],
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
});
