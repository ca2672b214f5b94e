/**
 * Issue 16's goals, Lighthouse 12 mobile on every note page and the home page:
 * performance, LCP beside FCP, CLS, Speed Index and TBT, the median of `runs`
 * runs per page, with Lighthouse's benchmarkIndex (this machine's speed at
 * the time). Builds are measured interleaved (A B A B …), so load on this
 * shared machine falls on all of them alike; compare the columns, not the
 * absolute figures across days.
 *
 * Run alone: `npx tsx tests/bench/lighthouseGoals.ts <dist> [<label>=<dist> …]`
 * (each a `/study-notes/` build; `LIGHTHOUSE_RUNS`, default 5;
 * `LIGHTHOUSE_PAGES`, comma-separated routes, default every note and home).
 */
import { readdir } from 'node:fs/promises';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { startPagesServer } from '../browser/pagesServer.ts';
import { runLighthouse, type LighthouseFigures } from './lighthouse.ts';

const BASE = '/study-notes/';

export interface Site {
  label: string;
  /** A `/study-notes/` build, or a site's own dist served under /study-notes/ (Starlight, VitePress). */
  dir: string;
  /** Route of each page on this site, when it differs from ours (`notes/<slug>/`). */
  route?: (page: string) => string;
}

interface Row {
  performance: number;
  fcpMs: number;
  lcpMs: number;
  cls: number;
  speedIndexMs: number;
  tbtMs: number;
  benchmarkIndex: number;
}

const median = (values: number[]): number => {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2
    ? (sorted[middle] as number)
    : ((sorted[middle - 1] as number) + (sorted[middle] as number)) / 2;
};

function row(figures: LighthouseFigures): Row {
  return {
    performance: figures.scores.performance ?? 0,
    fcpMs: figures.fcpMs,
    lcpMs: figures.lcpMs,
    cls: figures.cls,
    speedIndexMs: figures.speedIndexMs,
    tbtMs: figures.tbtMs,
    benchmarkIndex: figures.benchmarkIndex,
  };
}

/** The routes of every note page of a build, and home (`''`). */
export async function sitePages(dir: string): Promise<string[]> {
  const notes = await readdir(path.join(dir, 'notes')).catch(() => [] as string[]);
  return ['', ...notes.sort().map((slug) => `notes/${slug}/`)];
}

/** Prints, per page, each site's medians and whether ours meets the goals (first site is ours). */
export async function lighthouseGoals(sites: Site[], pages: string[], runs = 5): Promise<void> {
  const servers = await Promise.all(sites.map((site) => startPagesServer(site.dir, BASE)));
  const s = (ms: number) => `${(ms / 1000).toFixed(2)} s`;
  try {
    console.log(
      `\nLighthouse 12, mobile (simulated slow 4G, 4× CPU), median of ${runs} runs per page, sites interleaved:`,
    );
    for (const page of pages) {
      const results: Row[][] = sites.map(() => []);
      for (let run = 0; run < runs; run++) {
        for (const [index, site] of sites.entries()) {
          const route = site.route ? site.route(page) : page;
          const figures = await runLighthouse(`${servers[index]?.origin}${BASE}${route}`, { quiet: true });
          results[index]?.push(row(figures));
        }
      }
      console.log(`  ${BASE}${page}`);
      for (const [index, site] of sites.entries()) {
        const rows = results[index] ?? [];
        const m = (key: keyof Row) => median(rows.map((entry) => entry[key]));
        const goals =
          index === 0
            ? `  goals: perf≥98 ${m('performance') >= 98 ? 'yes' : 'no'}, LCP≤FCP+100ms ${m('lcpMs') <= m('fcpMs') + 100 ? 'yes' : 'no'}, CLS 0 ${m('cls') === 0 ? 'yes' : 'no'}, TBT≤100ms ${m('tbtMs') <= 100 ? 'yes' : 'no'}`
            : '';
        // Every run's TBT, lowest first: on a shared machine one page's runs can spread
        // from 10 to 400 ms, and the median alone hides whether it sat near the goal.
        const tbtRuns = rows.map((entry) => Math.round(entry.tbtMs)).sort((a, b) => a - b);
        console.log(
          `    ${site.label.padEnd(10)} perf ${String(m('performance')).padStart(3)}  FCP ${s(m('fcpMs'))}  LCP ${s(m('lcpMs'))}  CLS ${m('cls').toFixed(3)}  SI ${s(m('speedIndexMs'))}  TBT ${Math.round(m('tbtMs'))} ms (runs ${tbtRuns.join(' ')})  benchmarkIndex ${Math.round(m('benchmarkIndex'))}${goals}`,
        );
      }
    }
  } finally {
    for (const { server } of servers) server.close();
  }
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const [ours, ...others] = process.argv.slice(2);
  if (!ours) throw new Error('usage: tsx tests/bench/lighthouseGoals.ts <dist> [<label>=<dist> …]');
  const sites: Site[] = [
    { label: 'today', dir: path.resolve(ours) },
    ...others.map((entry) => {
      const [label, dir] = entry.includes('=') ? entry.split('=') : ['baseline', entry];
      return { label: label as string, dir: path.resolve(dir as string) };
    }),
  ];
  const pages = process.env.LIGHTHOUSE_PAGES?.split(',') ?? (await sitePages(sites[0]?.dir as string));
  await lighthouseGoals(sites, pages, Number(process.env.LIGHTHOUSE_RUNS ?? 5));
}
