import { access, cp, mkdir, mkdtemp, rename, rm } from 'node:fs/promises';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { build, type InlineConfig } from 'vite';

export interface BuildSiteOptions {
  /** Project root (default: the current directory). */
  root?: string;
  /** The published folder, relative to `root` or absolute (default `dist`). */
  outDir?: string;
  /** Vite config for the build; its `build.outDir` is replaced by a staging folder. */
  config?: InlineConfig;
  /**
   * Files a complete build has, relative to the output (default `index.html`).
   * A build that "succeeds" without one of them is not published either.
   */
  requiredFiles?: readonly string[];
}

/** What the site's own build must produce: pages and the service worker (see vite.config.ts). */
export const SITE_FILES = ['index.html', '404.html', 'sw.js', 'manifest.webmanifest'] as const;

/**
 * Builds the site into a fresh staging folder and replaces `outDir` with it
 * only when the whole build succeeded: client bundle, prerendered pages and
 * the service worker. A failed build leaves the published folder exactly as
 * it was.
 *
 * Vite writes in place: it empties `outDir` before writing, and when a later
 * step fails (prerendering in `writeBundle`) it still runs every
 * `closeBundle` hook, so vite-plugin-pwa writes `sw.js` into a half-built
 * folder. Building elsewhere and swapping folders is the only way a failure
 * cannot reach what gets deployed.
 *
 * The staging folder sits under `node_modules/.tmp` (ignored by git, lint and
 * Prettier, so one left by a killed build does no harm) and is renamed into
 * place; across file systems it is copied instead.
 *
 * @returns the absolute path of the published folder
 */
export async function buildSite(options: BuildSiteOptions = {}): Promise<string> {
  const root = path.resolve(options.root ?? process.cwd());
  const target = path.resolve(root, options.outDir ?? 'dist');
  const tmpRoot = path.join(root, 'node_modules/.tmp');
  await mkdir(tmpRoot, { recursive: true });
  const staging = await mkdtemp(path.join(tmpRoot, 'study-notes-dist-'));
  try {
    const config = options.config ?? {};
    await build({ root, ...config, build: { ...config.build, outDir: staging, emptyOutDir: true } });
    for (const file of options.requiredFiles ?? ['index.html']) {
      await access(path.join(staging, file)).catch(() => {
        throw new Error(
          `The build did not write \`${file}\`, so \`${path.relative(root, target)}/\` was left as it was`,
        );
      });
    }
    await replaceFolder(target, staging);
    return target;
  } finally {
    await rm(staging, { recursive: true, force: true });
  }
}

/** Puts `next` where `target` is: the old folder moves aside, the new one moves in, then the old one goes. */
async function replaceFolder(target: string, next: string): Promise<void> {
  await mkdir(path.dirname(target), { recursive: true });
  const old = `${next}-old`;
  const hadTarget = await access(target).then(
    () => true,
    () => false,
  );
  if (hadTarget) await move(target, old);
  try {
    await move(next, target);
  } catch (error) {
    if (hadTarget) await move(old, target);
    throw error;
  }
  await rm(old, { recursive: true, force: true });
}

async function move(from: string, to: string): Promise<void> {
  try {
    await rename(from, to);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EXDEV') throw error;
    // Different file systems (e.g. `dist` is a mount): copy, then remove.
    await cp(from, to, { recursive: true });
    await rm(from, { recursive: true, force: true });
  }
}

/**
 * The messages of a failed build without stack frames: a content error lists
 * every `content/<file>.md:LINE:COL` already, and rolldown wraps plugin errors
 * in one error whose message repeats their stacks.
 */
export function describeFailure(error: unknown): string {
  if (!(error instanceof Error)) return String(error);
  const inner = (error as Error & { errors?: unknown }).errors;
  if (!Array.isArray(inner) || inner.length === 0) return error.message;
  return inner
    .map((item: { plugin?: string; message?: string }) =>
      [item.plugin ? `[${item.plugin}]` : '', item.message ?? String(item)].filter(Boolean).join(' '),
    )
    .join('\n\n');
}

// `npm run build`: the site as vite.config.ts describes it, published to dist/.
if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  buildSite({
    // This process runs TypeScript already (tsx): Node imports the config and its plugins as
    // they are, where Vite would bundle them into a temporary file first, once for the build
    // and once more for the prerender's server build.
    config: { configFile: path.resolve('vite.config.ts'), configLoader: 'native' },
    requiredFiles: SITE_FILES,
  }).then(
    (published) => console.log(`\nPublished the build to ${path.relative(process.cwd(), published) || '.'}/`),
    (error: unknown) => {
      console.error(describeFailure(error));
      console.error('\nBuild failed: dist/ was left as it was.');
      process.exitCode = 1;
    },
  );
}
