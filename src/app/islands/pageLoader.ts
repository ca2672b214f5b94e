/**
 * The script of a prerendered note page: a few KB that make the page work
 * from its first paint, and wake the rest on need. What it does at once:
 * copy buttons, wide tables, the table of contents' highlight, search (the
 * button and its shortcuts), and the taps index.html's inline script kept
 * before this ran. On idle: the due badge and the service worker. When a
 * reader shows intent to follow a link to another note: the page navigation.
 * Each quiz and diagram is an island (`[data-island]`) that starts on its
 * own, with its code and React, when it nears the screen or is touched.
 */
import { enhanceProse } from '../dom/enhanceProse.ts';
import { opensSearch } from '../search/opensSearch.ts';
import { LEGACY_DATABASE_NAME, progressDatabaseName } from '../storage/databaseName.ts';
import { countDue, readDueData } from './dueCount.ts';
import { buttonIndex } from './earlyInput.ts';
import type { EarlyAction } from './hydrateIsland.tsx';
import { isPlainClick } from '../isPlainClick.ts';
import { isNotePage, pageKey } from './notePages.ts';
import { highlightTableOfContents } from './tableOfContents.ts';

type Early = { kind: 'search' } | { kind: 'click'; target: Element } | { kind: 'submit'; target: Element };

declare global {
  interface Window {
    /** Taps kept by index.html's inline script until this loader runs; undefined after. */
    studyNotesEarly?: Early[];
  }
}

interface Island {
  state: 'asleep' | 'starting' | 'ready';
  queue: EarlyAction[];
}

const islands = new WeakMap<HTMLElement, Island>();
/** How far ahead of the screen an island starts: about a screen on a phone. */
const AHEAD = '600px 0px';
/**
 * How long an island stays near the screen before it starts: longer than a smooth
 * jump to a section, so islands change height only once the page is still and the
 * browser's scroll anchoring keeps the reader's place.
 */
const DWELL_MS = 400;

const islandOf = (target: EventTarget | null): HTMLElement | null =>
  target instanceof Element ? target.closest<HTMLElement>('[data-island]') : null;

function slugOfPage(): string {
  return document.getElementById('root')?.dataset.islands ?? '';
}

async function startIsland(container: HTMLElement): Promise<void> {
  const island = islands.get(container);
  if (!island || island.state !== 'asleep') return;
  island.state = 'starting';
  container.setAttribute('data-island-state', 'starting');
  const id = container.dataset.islandId ?? '';
  const slug = slugOfPage();
  const hydrated = () => {
    island.state = 'ready';
    container.setAttribute('data-island-state', 'ready');
  };
  try {
    if (container.dataset.island === 'quiz') {
      const [{ startQuizIsland }, { loadQuizzes }] = await Promise.all([
        import('./QuizIsland.tsx'),
        import('virtual:study-notes/islands'),
      ]);
      const question = (await loadQuizzes(slug))[id];
      if (!question) throw new Error(`no question ${id} in ${slug}`);
      await startQuizIsland(container, question, island.queue, hydrated);
    } else if (container.dataset.island === 'diagram') {
      const [{ startDiagramIsland }, { loadDiagrams }] = await Promise.all([
        import('./DiagramIsland.tsx'),
        import('virtual:study-notes/islands'),
      ]);
      const diagram = (await loadDiagrams(slug))[id];
      if (!diagram) throw new Error(`no diagram ${id} in ${slug}`);
      await startDiagramIsland(container, diagram, island.queue, hydrated);
    }
    island.queue = [];
  } catch (error) {
    // Offline before the chunk was cached, or a new deployment removed it: say so where the reader is.
    island.state = 'asleep';
    container.setAttribute('data-island-state', 'failed');
    console.error('island', id, error);
    const note = document.createElement('p');
    note.className = 'island-error';
    note.setAttribute('role', 'alert');
    note.textContent = '이 부분을 불러오지 못했습니다. 연결을 확인하고 페이지를 새로 고쳐 주세요.';
    if (!container.querySelector('.island-error')) container.append(note);
  }
}

/** Registers the islands under `scope` and starts each as it nears the screen. */
function wakeIslands(scope: ParentNode): () => void {
  const containers = [...scope.querySelectorAll<HTMLElement>('[data-island]')];
  for (const container of containers)
    if (!islands.has(container)) islands.set(container, { state: 'asleep', queue: [] });
  if (typeof IntersectionObserver !== 'function') {
    for (const container of containers) void startIsland(container);
    return () => {};
  }
  // An island starts once it has stayed near the screen a moment: scrolling fast past
  // twenty questions (to a section far down) starts none of them. A touch starts it at once.
  const waiting = new Map<Element, number>();
  const observer = new IntersectionObserver(
    (entries) => {
      for (const entry of entries) {
        if (!entry.isIntersecting) {
          window.clearTimeout(waiting.get(entry.target));
          waiting.delete(entry.target);
          continue;
        }
        if (waiting.has(entry.target)) continue;
        waiting.set(
          entry.target,
          window.setTimeout(() => {
            waiting.delete(entry.target);
            observer.unobserve(entry.target);
            const container = boxes.get(entry.target);
            if (container) void startIsland(container);
          }, DWELL_MS),
        );
      }
    },
    { rootMargin: AHEAD },
  );
  for (const container of containers) {
    // A `display: contents` wrapper has no box to observe: watch what it holds.
    const box = container.firstElementChild ?? container;
    boxes.set(box, container);
    observer.observe(box);
  }
  return () => {
    observer.disconnect();
    for (const timer of waiting.values()) window.clearTimeout(timer);
  };
}
const boxes = new WeakMap<Element, HTMLElement>();

/** Keeps a tap or submit for an island that has not started, and starts it. */
function keepFor(container: HTMLElement, action: EarlyAction): void {
  const island = islands.get(container);
  if (!island) return;
  island.queue.push(action);
  void startIsland(container);
}

function asleep(container: HTMLElement | null): container is HTMLElement {
  return !!container && islands.get(container)?.state !== 'ready';
}

let searchModule: Promise<typeof import('./SearchIsland.tsx')> | undefined;
let navigationModule: Promise<typeof import('./pageNavigation.ts')> | undefined;

let standIn: { dialog: HTMLDialogElement; input: HTMLInputElement; returnFocus: HTMLElement | null } | undefined;

/**
 * A plain search field shown at once while the dialog's code loads, so what
 * the reader types right after the shortcut is kept (and handed over).
 */
function showStandIn(): void {
  if (standIn || document.querySelector('.search-island')) return;
  const returnFocus = document.activeElement instanceof HTMLElement ? document.activeElement : null;
  const dialog = document.createElement('dialog');
  dialog.className = 'search-dialog search-stand-in';
  dialog.setAttribute('aria-label', '노트 검색');
  const panel = document.createElement('div');
  panel.className = 'search-panel';
  const field = document.createElement('div');
  field.className = 'search-field';
  const input = document.createElement('input');
  input.type = 'text';
  input.setAttribute('aria-label', '검색어');
  input.placeholder = '낱말이나 설정 이름으로 찾기';
  input.autocomplete = 'off';
  input.spellcheck = false;
  const status = document.createElement('p');
  status.className = 'search-status';
  status.setAttribute('role', 'status');
  status.textContent = '검색을 준비하는 중…';
  field.append(input);
  panel.append(field, status);
  dialog.append(panel);
  document.body.append(dialog);
  dialog.addEventListener('close', () => {
    dialog.remove();
    standIn = undefined;
  });
  dialog.showModal();
  input.focus();
  standIn = { dialog, input, returnFocus };
}

function openSearch(): void {
  showStandIn();
  // Taken now: closed (Esc) before the code arrives, the stand-in means "never mind".
  const waiting = standIn;
  searchModule ??= import('./SearchIsland.tsx');
  void searchModule.then(async ({ openSearch: open }) => {
    if (waiting && !waiting.dialog.open) return;
    await open((url) => void navigateTo(url), waiting?.input.value ?? '');
    waiting?.dialog.close();
    // The dialog opened over the stand-in, so on closing it would hand focus back to
    // the stand-in's field, which is gone: hand it to where the reader was instead.
    const real = document.querySelector('.search-island dialog');
    if (waiting && real) {
      real.addEventListener(
        'close',
        () => {
          // Still inside the closed dialog (or already on the body): focus would be lost.
          const active = document.activeElement;
          if (!active || active === document.body || real.contains(active)) waiting.returnFocus?.focus();
        },
        { once: true },
      );
    }
  });
}

async function navigateTo(href: string): Promise<void> {
  const url = new URL(href, window.location.href);
  if (!isNotePage(url)) {
    window.location.assign(url.href);
    return;
  }
  // A place on this page: a fragment navigation (it marks :target, so the note is laid out in full).
  if (pageKey(url) === pageKey(new URL(window.location.href))) {
    if (url.hash) window.location.hash = url.hash;
    return;
  }
  try {
    const navigation = await loadNavigation();
    await navigation.showPage(url, true, { onSwapped });
  } catch {
    window.location.assign(url.href);
  }
}

/** Plain clicks on links to other notes show them in place; the code for it loads on intent, or now. */
function onLinkClick(event: MouseEvent): void {
  if (!isPlainClick(event) || !(event.target instanceof Element)) return;
  const link = event.target.closest<HTMLAnchorElement>('a[href]');
  if (!link || (link.target && link.target !== '_self') || link.hasAttribute('download')) return;
  const url = new URL(link.href);
  if (!isNotePage(url)) return;
  // A place on this same page: the browser scrolls there itself.
  if (pageKey(url) === pageKey(new URL(window.location.href)) && url.hash) return;
  event.preventDefault();
  void navigateTo(url.href);
}

function loadNavigation() {
  navigationModule ??= import('./pageNavigation.ts').then((module) => {
    module.startPageNavigation({ onSwapped });
    return module;
  });
  return navigationModule;
}

let stopPage: (() => void)[] = [];

/** Everything the page's `<main>` needs; run again after the page navigation swaps it. */
function startMain(main: HTMLElement): void {
  for (const stop of stopPage) stop();
  const status = main.querySelector<HTMLElement>('.page-announcer');
  const prose = main.querySelector<HTMLElement>('.prose');
  stopPage = [
    wakeIslands(main),
    highlightTableOfContents(main),
    ...(prose ? [enhanceProse(prose, (message) => status && (status.textContent = message))] : []),
  ];
}

function onSwapped(main: HTMLElement): void {
  startMain(main);
  void import('./hydrateIsland.tsx').then((module) => module.unmountDetached());
}

/** The due badge: read on idle, again when an answer is stored, the tab comes back, or a minute passes. */
function startDueBadge(): void {
  const slot = document.querySelector('.due-badge-slot');
  if (!slot) return;
  const update = async () => {
    const { questionIds } = await import('virtual:study-notes/islands');
    const now = new Date();
    // Before the store has copied an older copy's progress into this site's database
    // (it does when a question first starts), the count comes from that older copy.
    const data =
      (await readDueData(progressDatabaseName(import.meta.env.BASE_URL), now)) ??
      (await readDueData(LEGACY_DATABASE_NAME, now));
    const count = countDue(questionIds, data?.cards ?? [], now, data?.newPerDay ?? 20, data?.newStartedToday ?? 0);
    const badge = document.createElement('span');
    badge.className = 'due-badge';
    badge.dataset.count = String(count);
    const unit = document.createElement('span');
    unit.className = 'sr-only';
    unit.textContent = '문제';
    badge.append(String(count), unit);
    slot.replaceChildren(badge);
  };
  void update();
  window.addEventListener('study-notes:progress', () => void update());
  document.addEventListener('visibilitychange', () => document.visibilityState === 'visible' && void update());
  window.setInterval(() => document.visibilityState === 'visible' && void update(), 60_000);
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

export function startIslandsPage(): void {
  const main = document.querySelector('main');
  if (main) startMain(main);

  // Taps on islands that have not started are kept and replayed; anything
  // else that touches one (a key, a focus, a pointer) starts it.
  document.addEventListener(
    'click',
    (event) => {
      const container = islandOf(event.target);
      const button = event.target instanceof Element ? event.target.closest('button') : null;
      if (!asleep(container) || !button || !container.contains(button)) return;
      event.preventDefault();
      event.stopPropagation();
      keepFor(container, { kind: 'click', button: buttonIndex(container, button) });
    },
    true,
  );
  document.addEventListener(
    'submit',
    (event) => {
      const container = islandOf(event.target);
      if (!asleep(container)) return;
      event.preventDefault();
      event.stopPropagation();
      keepFor(container, { kind: 'submit' });
    },
    true,
  );
  for (const type of ['pointerdown', 'focusin', 'keydown', 'input', 'change']) {
    document.addEventListener(type, (event) => {
      const container = islandOf(event.target);
      if (asleep(container)) void startIsland(container);
    });
  }

  // Search: the button, Ctrl/⌘-K and `/`.
  document.querySelector('.search-launcher')?.addEventListener('click', openSearch);
  document.addEventListener('keydown', (event) => {
    if (!opensSearch(event) || document.querySelector('dialog[open]')) return;
    event.preventDefault();
    openSearch();
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
    if (entry.kind === 'search') openSearch();
    else {
      const container = islandOf(entry.target);
      if (!container || !islands.has(container)) continue;
      keepFor(
        container,
        entry.kind === 'click' ? { kind: 'click', button: buttonIndex(container, entry.target) } : { kind: 'submit' },
      );
    }
  }

  document.addEventListener('click', onLinkClick);
  // The page navigation loads when a reader shows intent to follow a link.
  const intent = (event: Event) => {
    const link = event.target instanceof Element ? event.target.closest<HTMLAnchorElement>('a[href]') : null;
    if (!link) return;
    const url = new URL(link.href);
    if (!isNotePage(url)) return;
    void loadNavigation().then((navigation) => navigation.prefetchPage(url).catch(() => undefined));
  };
  for (const type of ['pointerover', 'focusin', 'touchstart'])
    document.addEventListener(type, intent, { passive: true });
  // Back to a note this page navigation showed (after a reload, say): take over at once.
  if (history.state && typeof (history.state as { scrollY?: unknown }).scrollY === 'number') void loadNavigation();

  idle(() => {
    startDueBadge();
    if ('serviceWorker' in navigator && import.meta.env.PROD)
      void import('./serviceWorkerClient.ts').then((module) => module.startServiceWorker());
  });
  // The page's script is live (tests wait for this; the islands start on their own).
  document.documentElement.dataset.hydrated = 'true';
  smoothScrollAfterLoad();
}
