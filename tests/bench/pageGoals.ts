/**
 * Issue 16's goals beside a baseline build and, when built, the Starlight and
 * VitePress anchors (/work/shared/anchors/build.sh; `BENCH_ANCHORS_DIR`, default
 * /tmp/study-notes-anchors): each note's HTML (gzip) and the largest, the
 * build time of the same notes, and Lighthouse on every note page and home.
 */
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { execFileSync } from 'node:child_process';
import { tmpdir } from 'node:os';
import { performance } from 'node:perf_hooks';
import { pathToFileURL } from 'node:url';
import { lighthouseGoals, sitePages, type Site } from './lighthouseGoals.ts';

const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} KiB`;

/** gzip (level 9) of every note page's HTML in a /study-notes/ build, by slug. */
async function noteHtmlSizes(dir: string, file: (slug: string) => string): Promise<Map<string, number>> {
  const sizes = new Map<string, number>();
  const notes = await readdir(path.join(dir, 'notes')).catch(() => [] as string[]);
  for (const entry of notes.sort()) {
    const slug = entry.replace(/\.html$/, '');
    const html = await readFile(path.join(dir, file(slug))).catch(() => undefined);
    if (html) sizes.set(slug, gzipSync(html, { level: 9 }).length);
  }
  return sizes;
}

export interface Anchors {
  starlight: string;
  vitepress: string;
  /** The folders their builds run in (for timing the VitePress build). */
  vitepressRoot: string;
}

/** The anchors' dist folders, if build.sh has built them. */
export function findAnchors(): Anchors | undefined {
  const root = process.env.BENCH_ANCHORS_DIR ?? '/tmp/study-notes-anchors';
  const anchors = {
    starlight: path.join(root, 'starlight/dist'),
    vitepress: path.join(root, 'vitepress/docs/.vitepress/dist'),
    vitepressRoot: path.join(root, 'vitepress'),
  };
  return existsSync(anchors.starlight) && existsSync(anchors.vitepress) ? anchors : undefined;
}

/**
 * The same five notes built by us and by VitePress, each as a person runs it: a fresh
 * process from start-up to the written site (ours as `npm run build` does it, into a
 * temporary folder), interleaved, medians of `BENCH_BUILD_RUNS` (default 3).
 */
function printBuildTimes(anchors: Anchors): void {
  const runs = Number(process.env.BENCH_BUILD_RUNS ?? 3);
  const outDir = mkdtempSync(path.join(tmpdir(), 'study-notes-build-'));
  const module = pathToFileURL(path.resolve('src/node/buildSite.ts')).href;
  const config = { configFile: path.resolve('vite.config.ts'), configLoader: 'native', logLevel: 'error' };
  const script = `const { buildSite, SITE_FILES } = await import(${JSON.stringify(module)});
await buildSite({ outDir: ${JSON.stringify(outDir)}, config: ${JSON.stringify(config)}, requiredFiles: SITE_FILES });`;
  const timed = (command: string, args: string[], cwd: string) => {
    const started = performance.now();
    execFileSync(command, args, { cwd, stdio: 'ignore', env: { ...process.env, BASE_PATH: '/study-notes/' } });
    return performance.now() - started;
  };
  const ours: number[] = [];
  const theirs: number[] = [];
  try {
    for (let run = 0; run < runs; run++) {
      ours.push(timed(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', script], process.cwd()));
      theirs.push(timed('npx', ['vitepress', 'build', 'docs'], anchors.vitepressRoot));
    }
  } finally {
    rmSync(outDir, { recursive: true, force: true });
  }
  const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] as number;
  const s = (ms: number) => `${(ms / 1000).toFixed(2)} s`;
  console.log(
    `\nBuild of the five notes, a fresh process each, median of ${runs} interleaved (goal: ≤ VitePress): study-notes ${s(median(ours))}, VitePress ${s(median(theirs))} (${(median(ours) / median(theirs)).toFixed(2)}×; ours ${ours.map(s).join(', ')}; VitePress ${theirs.map(s).join(', ')})`,
  );
}

export async function printPageGoals(options: {
  today: string;
  baseline?: string | undefined;
  lighthouseRuns: number;
}): Promise<void> {
  const anchors = findAnchors();
  const ours = (slug: string) => `notes/${slug}/index.html`;
  const columns: [string, Map<string, number>][] = [['today', await noteHtmlSizes(options.today, ours)]];
  if (options.baseline) columns.push(['baseline', await noteHtmlSizes(options.baseline, ours)]);
  if (anchors) {
    columns.push(['Starlight', await noteHtmlSizes(anchors.starlight, (slug) => `notes/${slug}/index.html`)]);
    columns.push(['VitePress', await noteHtmlSizes(anchors.vitepress, (slug) => `notes/${slug}.html`)]);
  }
  console.log('\nNote pages, HTML gzip (goal: the largest ≤ 35 KiB):');
  console.log(`  ${'note'.padEnd(14)}${columns.map(([label]) => label.padStart(12)).join('')}`);
  for (const slug of columns[0]?.[1].keys() ?? []) {
    console.log(
      `  ${slug.padEnd(14)}${columns.map(([, sizes]) => (sizes.has(slug) ? kb(sizes.get(slug) as number) : '–').padStart(12)).join('')}`,
    );
  }
  console.log(
    `  ${'largest'.padEnd(14)}${columns.map(([, sizes]) => kb(Math.max(0, ...sizes.values())).padStart(12)).join('')}`,
  );

  if (anchors && process.env.BENCH_SKIP_ANCHOR_BUILD !== '1') printBuildTimes(anchors);

  const sites: Site[] = [{ label: 'today', dir: options.today }];
  if (options.baseline) sites.push({ label: 'baseline', dir: options.baseline });
  if (anchors) {
    sites.push({ label: 'Starlight', dir: anchors.starlight });
    sites.push({
      label: 'VitePress',
      dir: anchors.vitepress,
      route: (page) => page.replace(/^notes\/([^/]+)\/$/, 'notes/$1.html'),
    });
  }
  const pages = process.env.LIGHTHOUSE_PAGES?.split(',') ?? (await sitePages(options.today));
  await lighthouseGoals(sites, pages, options.lighthouseRuns);
}
