// @vitest-environment node
import { cp, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { build } from 'vite';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { notesPlugin } from '../../../src/node/notesPlugin.ts';
import { searchPlugin } from '../../../src/node/search/searchPlugin.ts';

const goodContent = path.resolve('tests/fixtures/good-content');
let root: string;

beforeEach(async () => {
  root = await mkdtemp(path.join(tmpdir(), 'study-notes-search-'));
  await writeFile(
    path.join(root, 'index.html'),
    '<!doctype html><html lang="ko"><body><script type="module" src="/main.js"></script></body></html>',
  );
  await writeFile(
    path.join(root, 'main.js'),
    "document.body.onclick = () => import('virtual:search-index').then((m) => m.texts[0]().then((text) => console.log(m.default.docs.length, text)));\n",
  );
  await cp(goodContent, path.join(root, 'content'), { recursive: true });
});

afterEach(async () => {
  await rm(root, { recursive: true, force: true });
});

const buildSite = () =>
  build({
    configFile: false,
    root,
    logLevel: 'silent',
    plugins: [notesPlugin({ contentDir: 'content' }), searchPlugin({ contentDir: 'content' })],
    build: { outDir: 'dist', emptyOutDir: true },
  });

async function scripts(): Promise<Record<string, string>> {
  const dir = path.join(root, 'dist/assets');
  const names = (await readdir(dir)).filter((name) => name.endsWith('.js'));
  return Object.fromEntries(
    await Promise.all(names.map(async (name) => [name, await readFile(path.join(dir, name), 'utf8')])),
  );
}

describe('searchPlugin', () => {
  it('puts the index in a chunk of its own that the entry only imports on demand', async () => {
    await writeFile(path.join(root, 'content/search-synonyms.yaml'), '- [시작, 처음]\n');
    await buildSite();
    const files = await scripts();
    const [indexName, indexSource] =
      Object.entries(files).find(([, source]) => source.includes('serializationVersion')) ?? [];
    expect(indexName).toBeDefined();
    const entry = Object.entries(files).find(([name]) => name.startsWith('index-'));
    expect(entry?.[1]).not.toContain('serializationVersion');
    // Referenced for a dynamic import, never imported statically.
    expect(entry?.[1]).toContain(indexName);
    expect(entry?.[1]).not.toMatch(new RegExp(`from\\s*["']\\./${indexName}`));
    expect(indexSource).toContain('시작');
    expect(indexSource).toContain('처음');
  });

  it("keeps each note's text out of the index, in a chunk per note that the index imports on demand", async () => {
    await buildSite();
    const files = await scripts();
    const [indexName, indexSource = ''] =
      Object.entries(files).find(([, source]) => source.includes('serializationVersion')) ?? [];
    const notes = (await readdir(path.join(root, 'content'))).filter((name) => name.endsWith('.md'));
    const texts = Object.entries(files).filter(
      ([name]) => name !== indexName && !name.startsWith('index-') && indexSource.includes(`./${name}`),
    );
    expect(texts).toHaveLength(notes.length);
    for (const [name, source] of texts) {
      // Never a static import: fetched when one of the note's sections is shown.
      expect(indexSource).not.toMatch(new RegExp(`from\\s*["']\\./${name}`));
      expect(source).toContain('JSON.parse');
    }
    // A sentence of a note is in its text chunk, not in the index.
    expect(indexSource).not.toContain('로 이어진다');
    expect(texts.some(([, source]) => source.includes('로 이어진다'))).toBe(true);
  });

  it('builds without a synonyms file', async () => {
    await expect(buildSite()).resolves.toBeDefined();
  });

  it('stops the build on synonym errors, with file:line:col for each', async () => {
    await writeFile(path.join(root, 'content/search-synonyms.yaml'), '- [a, b]\n- [소켓]\n- 키\n');
    const error = await buildSite().then(
      () => undefined,
      (reason: unknown) => String(reason),
    );
    expect(error).toMatch(/2 synonym error\(s\)/);
    expect(error).toMatch(/content\/search-synonyms\.yaml:2:3-2:7: error: Invalid synonyms \(group 2\)/);
    expect(error).toMatch(/content\/search-synonyms\.yaml:3:3-3:4: error: Invalid synonyms \(group 3\)/);
  });
});
