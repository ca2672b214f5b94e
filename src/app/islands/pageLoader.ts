/**
 * The script of a prerendered note page (and of the home, tag and glossary
 * pages): a few KB, fetched once the page has painted, that make the page work
 * and wake the rest on need. What it starts at once, a step per task: the
 * islands (each quiz and diagram, `islandWaking.ts`), search (the button and
 * its shortcuts) and the taps index.html's inline script kept before this ran;
 * then the table of contents (highlight, the phone's bar with reading
 * progress), copy buttons and wide tables, where the reader is (for 이어 읽기).
 * On idle: the due badge and the note's answered marks (on a first visit,
 * once the page has settled); once the page has loaded and settled: the
 * service worker (and with it the precache). When a reader shows intent to
 * follow a link to another note: the page navigation.
 * On the home page, on idle: what storage knows (이어 읽기, read marks,
 * progress bars); on the glossary, its term cards switch.
 */
import { afterLoadIdle, firstContentfulPaint } from '../dom/afterLoadIdle.ts';
import { enhanceProse } from '../dom/enhanceProse.ts';
import { landOnStep } from '../dom/landOnStep.ts';
import { startPageBar } from '../dom/pageBar.ts';
import { trackReading } from '../dom/trackReading.ts';
import { opensSearch } from '../search/opensSearch.ts';
import { followStoredProgress, refreshProgressMarks, startDueBadge } from './dueBadge.ts';
import { keepEarlyControl, keepEarlyIslandInput, keepEarlyTap, wakeIslands } from './islandWaking.ts';
import { followLinksInPlace, navigateTo } from './linkIntent.ts';
import { openSearch } from './searchStandIn.ts';
import { highlightTableOfContents } from './tableOfContents.ts';

type Early =
  | { kind: 'search' }
  | { kind: 'click'; target: Element }
  | { kind: 'submit'; target: Element }
  | { kind: 'control'; target: Element };

declare global {
  interface Window {
    /** Taps kept by index.html's inline script until this loader runs; undefined after. */
    studyNotesEarly?: Early[];
  }
}

const search = () => openSearch((url) => void navigateTo(url));

let stopPage: (() => void)[] = [];
/** Which `<main>` is being started: a swap while the last one still starts stops that one. */
let startCount = 0;

/**
 * Gives the main thread back (to a tap, to rendering) between start-up steps.
 * Run as one task, the loader's start was the longest task after a note's
 * first paint (about 60 ms, 240 ms on a phone-class CPU).
 */
const yieldToMain = (): Promise<void> => {
  const scheduler = (globalThis as { scheduler?: { yield?: () => Promise<void> } }).scheduler;
  return scheduler?.yield ? scheduler.yield() : new Promise((resolve) => setTimeout(resolve, 0));
};

/**
 * Everything the page's `<main>` needs; run again after the page navigation
 * swaps it. The islands wake at once, before the caller replays early taps on
 * them; the rest follows one step per task. Resolves when all have started.
 */
async function startMain(main: HTMLElement): Promise<void> {
  for (const stop of stopPage) stop();
  stopPage = [];
  const current = ++startCount;
  const status = main.querySelector<HTMLElement>('.page-announcer');
  const prose = main.querySelector<HTMLElement>('.prose');
  const slug = document.getElementById('root')?.dataset.islands;
  const steps: (() => (() => void)[])[] = [
    () => [wakeIslands(main)],
    () => [highlightTableOfContents(main), ...[...main.querySelectorAll<HTMLElement>('.page-bar')].map(startPageBar)],
    () => (prose ? [enhanceProse(prose, (message) => status && (status.textContent = message))] : []),
    () => [
      ...(prose && slug ? [trackReading(slug, prose)] : []),
      ...(main.querySelector('.note-card[data-note]') ? [startHomeProgressWhenIdle(main)] : []),
      ...[...main.querySelectorAll<HTMLElement>('.glossary-cards')].map(startTermCardsSetting),
    ],
  ];
  for (const [index, step] of steps.entries()) {
    if (index > 0) await yieldToMain();
    if (current !== startCount) return;
    stopPage.push(...step());
  }
}

/**
 * Runs what `load` starts once the page has painted and gone idle: its code
 * (and what it reads) must not compete with the first paint, and its place is
 * kept in the HTML. Returns the function that stops it, loaded or not.
 */
function startWhenIdle(load: () => Promise<() => void>): () => void {
  let stop: (() => void) | undefined;
  let stopped = false;
  void firstContentfulPaint().then(() =>
    idle(() => {
      if (stopped) return;
      void load().then((started) => {
        if (stopped) started();
        else stop = started;
      });
    }),
  );
  return () => {
    stopped = true;
    stop?.();
  };
}

/** The glossary's term cards switch, with the progress store it writes to (disabled until then). */
const startTermCardsSetting = (section: HTMLElement) =>
  startWhenIdle(() => import('../study/termCardsSetting.ts').then((module) => module.startTermCardsSetting(section)));

/** The home page's stored progress (이어 읽기, read marks, progress bars). */
const startHomeProgressWhenIdle = (main: HTMLElement) =>
  startWhenIdle(() =>
    import('../reading/homeProgress.ts').then((module) => module.startHomeProgress(main, followStoredProgress)),
  );

function onSwapped(main: HTMLElement): void {
  void startMain(main);
  // The new note's answered marks.
  refreshProgressMarks();
  void import('./hydrateIsland.tsx').then((module) => module.unmountDetached());
}

/**
 * Smooth scrolling (base.css) only once the page has loaded: a link to a place
 * far down a note lands there at once instead of gliding past (and waking)
 * every island on the way.
 */
function smoothScrollAfterLoad(): void {
  const set = () => requestAnimationFrame(() => (document.documentElement.dataset.smoothScroll = ''));
  if (document.readyState === 'complete') set();
  else window.addEventListener('load', set, { once: true });
}

const idle = (run: () => void): void => {
  if (typeof requestIdleCallback === 'function') requestIdleCallback(run, { timeout: 3000 });
  else setTimeout(run, 200);
};

export async function startIslandsPage(): Promise<void> {
  // A task of its own after this module's evaluation: the two together were the
  // longest task of the loader's start (taps are still kept until the replay below).
  await yieldToMain();
  const main = document.querySelector('main');
  // Its first step (the islands) runs now; the others after the early taps below.
  const started = main ? startMain(main) : Promise.resolve();
  landOnStep();
  keepEarlyIslandInput();

  // Search: the button, Ctrl/⌘-K and `/`.
  document.querySelector('.search-launcher')?.addEventListener('click', search);
  document.addEventListener('keydown', (event) => {
    if (!opensSearch(event) || document.querySelector('dialog[open]')) return;
    event.preventDefault();
    search();
  });
  if (/Mac|iPhone|iPad|iPod/.test(navigator.platform || navigator.userAgent)) {
    const keys = document.querySelector('.search-launcher-keys');
    if (keys) keys.textContent = '⌘ K';
  }

  // The menu's <dialog> is opened by index.html's script; it tells the button when it closes.
  document.querySelector('.nav-drawer')?.addEventListener('close', () => {
    document.querySelector('.menu-button')?.setAttribute('aria-expanded', 'false');
  });

  // What the reader did before this loader ran.
  const early = window.studyNotesEarly ?? [];
  window.studyNotesEarly = undefined;
  for (const entry of early) {
    if (entry.kind === 'search') search();
    else if (entry.kind === 'control') keepEarlyControl(entry.target);
    else keepEarlyTap(entry.target, entry.kind);
  }

  await started;
  followLinksInPlace(onSwapped);

  // Once the page has painted: its first paint needs neither progress nor the service worker
  // (the due count's place is kept, and drawn from the last count, see dueCountCache.ts). A
  // reader this browser has counted for before (index.html's script drew that count) sees the
  // badge and the note's answered marks at the first idle moment; on a first visit there are
  // no marks to show, and the first count waits until the page has settled. The precache (the
  // whole site, for reading offline) waits until the page has loaded and settled too.
  const counted = document.documentElement.dataset.due !== undefined;
  startDueBadge(counted ? (read) => void firstContentfulPaint().then(() => idle(read)) : afterLoadIdle);
  if ('serviceWorker' in navigator && import.meta.env.PROD)
    afterLoadIdle(() => void import('./serviceWorkerClient.ts').then((module) => module.startServiceWorker()));
  // The page's script is live (tests wait for this; the islands start on their own).
  document.documentElement.dataset.hydrated = 'true';
  smoothScrollAfterLoad();
}
