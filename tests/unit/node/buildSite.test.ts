// @vitest-environment node
import { mkdir, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Plugin } from 'vite';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { buildSite, SITE_FILES } from '../../../src/node/buildSite.ts';
import { notesPlugin } from '../../../src/node/notesPlugin.ts';

// A published site (`dist/`) must survive every failed build untouched: a
// failure at any step (content, a writeBundle step like prerendering, a
// closeBundle step like the service worker) never reaches it.

const fixtures = path.resolve('tests/fixtures');
let root: string;

beforeEach(async () => {
  root = await mkdtemp(path.join(tmpdir(), 'study-notes-publish-'));
  await writeFile(
    path.join(root, 'index.html'),
    '<!doctype html><html lang="ko"><body><script type="module" src="/main.js"></script></body></html>',
  );
  await writeFile(
    path.join(root, 'main.js'),
    "import { notes } from 'virtual:study-notes';\nconsole.log(notes.length);\n",
  );
  // The site as last published.
  await mkdir(path.join(root, 'dist/notes/old'), { recursive: true });
  await writeFile(path.join(root, 'dist/index.html'), 'published');
  await writeFile(path.join(root, 'dist/notes/old/index.html'), 'published note');
});

afterEach(async () => {
  await rm(root, { recursive: true, force: true });
});

const publish = (contentDir: string, plugins: Plugin[] = []) =>
  buildSite({
    root,
    config: {
      configFile: false,
      logLevel: 'silent',
      plugins: [notesPlugin({ contentDir: path.join(fixtures, contentDir) }), ...plugins],
    },
  });

const published = async () => ({
  index: await readFile(path.join(root, 'dist/index.html'), 'utf8'),
  files: (await readdir(path.join(root, 'dist'), { recursive: true })).sort(),
});

const failure = (promise: Promise<unknown>) =>
  promise.then(
    () => undefined,
    (reason: unknown) => String(reason),
  );

const untouched = { index: 'published', files: ['index.html', 'notes', 'notes/old', 'notes/old/index.html'] };

/** A step that fails after the bundle is written, as the service worker generator or prerendering can. */
const failingStep = (hook: 'writeBundle' | 'closeBundle'): Plugin => ({
  name: 'failing-step',
  [hook]() {
    throw new Error(`${hook} failed`);
  },
});

describe('buildSite', () => {
  it('leaves the published dist/ untouched when content has errors', async () => {
    const error = await failure(publish('broken-content'));
    expect(error).toMatch(/bad-frontmatter\.md:4:8-4:13: error: Invalid front matter field `order`/);
    expect(await published()).toEqual(untouched);
  });

  it('with the real config and CONTENT_DIR set to broken notes, leaves dist/ untouched', async () => {
    process.env.CONTENT_DIR = path.join(fixtures, 'broken-content');
    try {
      const error = await failure(
        buildSite({
          outDir: path.join(root, 'dist'),
          config: { configFile: path.resolve('vite.config.ts'), logLevel: 'silent' },
          requiredFiles: SITE_FILES,
        }),
      );
      expect(error).toMatch(/unknown-directive\.md:10:1-12:4: error: Unknown directive `:::spoiler`/);
    } finally {
      delete process.env.CONTENT_DIR;
    }
    expect(await published()).toEqual(untouched);
  }, 60_000);

  it('leaves the published dist/ untouched when a step after writing fails (prerender)', async () => {
    expect(await failure(publish('good-content', [failingStep('writeBundle')]))).toMatch(/writeBundle failed/);
    expect(await published()).toEqual(untouched);
  });

  it('leaves the published dist/ untouched when the last step fails (service worker)', async () => {
    expect(await failure(publish('good-content', [failingStep('closeBundle')]))).toMatch(/closeBundle failed/);
    expect(await published()).toEqual(untouched);
  });

  it('does not publish a build that lacks a file a complete site has', async () => {
    const error = await failure(
      buildSite({
        root,
        requiredFiles: ['index.html', 'sw.js'],
        config: {
          configFile: false,
          logLevel: 'silent',
          plugins: [notesPlugin({ contentDir: path.join(fixtures, 'good-content') })],
        },
      }),
    );
    expect(error).toMatch(/did not write `sw\.js`, so `dist\/` was left as it was/);
    expect(await published()).toEqual(untouched);
  });

  it('replaces dist/ as a whole after a successful build, leaving no stale page and no staging folder', async () => {
    await publish('good-content');
    const { index, files } = await published();
    expect(index).toContain('<script type="module"');
    expect(files).not.toContain('notes/old/index.html');
    expect(files.some((file) => file.startsWith('assets/'))).toBe(true);
    expect(await readdir(path.join(root, 'node_modules/.tmp'))).toEqual([]);
  });
});
