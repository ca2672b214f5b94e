import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { TestProject } from 'vitest/node';
import { startPagesServer } from './pagesServer.ts';

export const BASE = '/study-notes/';

declare module 'vitest' {
  export interface ProvidedContext {
    origin: string;
    base: string;
    distDir: string;
  }
}

/** Builds the real site with BASE_PATH=/study-notes/ and serves it for every browser test. */
export default async function setup(project: TestProject) {
  process.env.BASE_PATH = BASE;
  // Vitest sets NODE_ENV=test, which would make Vite bundle React's development build.
  process.env.NODE_ENV = 'production';
  const { build } = await import('vite');
  // Each run builds into its own folder: two runs at once must not delete each other's files.
  const outDir = await mkdtemp(path.join(tmpdir(), 'study-notes-site-'));
  // The server reads files per request, so it can start first: its address
  // is the site URL the build writes into canonical links and sitemap.xml.
  const { server, origin } = await startPagesServer(outDir, BASE);
  process.env.SITE_URL = `${origin}${BASE}`;
  await build({ configFile: path.resolve('vite.config.ts'), logLevel: 'warn', build: { outDir, emptyOutDir: true } });
  project.provide('origin', origin);
  project.provide('base', BASE);
  project.provide('distDir', outDir);
  return async () => {
    await new Promise<void>((resolve) => server.close(() => resolve()));
    await rm(outDir, { recursive: true, force: true });
  };
}
