/**
 * Islands: each quiz and diagram of a note page (`[data-island]`) starts on its
 * own, with its code and React, when it has stayed near the screen a moment or
 * is touched. What the reader does to an island before it has started is kept
 * and replayed once it has.
 */
import { buttonIndex } from './earlyInput.ts';
import type { EarlyAction } from './hydrateIsland.tsx';
import { awakeNode, wakeControls } from './wakeControls.ts';

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
/**
 * How long an island stays near the screen before its code and data are fetched:
 * a smooth jump to a section far down (a contents link, a search hit) keeps the
 * islands it flies past near the screen for about 0.1 s, and fetches nothing
 * for them; a reader scrolling at reading speed still has the code well before
 * the island starts.
 */
const FETCH_AFTER_MS = 250;

const islandOf = (target: EventTarget | null): HTMLElement | null =>
  target instanceof Element ? target.closest<HTMLElement>('[data-island]') : null;

function slugOfPage(): string {
  return document.getElementById('root')?.dataset.islands ?? '';
}

/**
 * An island's code and data, fetched once and shared by every island of its
 * kind. Fetching starts once an island has been near the screen a moment
 * (`FETCH_AFTER_MS`), before it has stayed there long enough to start.
 */
const once = <T>(load: () => Promise<T>): (() => Promise<T>) => {
  let promise: Promise<T> | undefined;
  return () => {
    promise ??= load();
    // A failed fetch (offline) is tried again next time.
    promise.catch(() => (promise = undefined));
    return promise;
  };
};
const loadQuizCode = once(() => import('./QuizIsland.tsx'));
// The progress store opens apart from the quiz's code and React: opening IndexedDB
// (creating it, on a first visit) is mostly the browser's own work, done meanwhile.
const openQuizStore = once(() => import('../quiz/useProgress.ts').then((module) => module.getProgressStore()));
const loadDiagramCode = once(() => import('./DiagramIsland.tsx'));
const loadQuizData = (slug: string) => import('virtual:study-notes/islands').then((module) => module.loadQuizzes(slug));
const loadDiagramData = (slug: string) =>
  import('virtual:study-notes/islands').then((module) => module.loadDiagrams(slug));

function fetchAhead(container: HTMLElement): void {
  const slug = slugOfPage();
  const quiz = container.dataset.island === 'quiz';
  void Promise.all(
    quiz ? [openQuizStore(), loadQuizCode(), loadQuizData(slug)] : [loadDiagramCode(), loadDiagramData(slug)],
  ).catch(() => undefined);
}

/**
 * Puts back a question's form controls, prerendered asleep (src/shared/dormantControls.ts),
 * and keeps it laid out from then on (prose.css): off screen and skipped again, a
 * question with fields would be laid out anew each time the browser's autofill
 * looked at the page's forms.
 */
function wake(container: HTMLElement): void {
  if (container.dataset.island !== 'quiz' || container.hasAttribute('data-awake')) return;
  container.setAttribute('data-awake', '');
  wakeControls(container);
}

async function startIsland(container: HTMLElement): Promise<void> {
  const island = islands.get(container);
  if (!island || island.state !== 'asleep') return;
  wake(container);
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
      void openQuizStore().catch(() => undefined);
      const [{ startQuizIsland }, quizzes] = await Promise.all([loadQuizCode(), loadQuizData(slug)]);
      const question = quizzes[id];
      if (!question) throw new Error(`no question ${id} in ${slug}`);
      await startQuizIsland(container, question, island.queue, hydrated);
    } else if (container.dataset.island === 'diagram') {
      const [{ startDiagramIsland }, diagrams] = await Promise.all([loadDiagramCode(), loadDiagramData(slug)]);
      const diagram = diagrams[id];
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
export function wakeIslands(scope: ParentNode): () => void {
  const containers = [...scope.querySelectorAll<HTMLElement>('[data-island]')];
  for (const container of containers)
    if (!islands.has(container)) islands.set(container, { state: 'asleep', queue: [] });
  if (typeof IntersectionObserver !== 'function') {
    for (const container of containers) void startIsland(container);
    return () => {};
  }
  // An island starts once it has stayed near the screen a moment: scrolling fast past
  // twenty questions (to a section far down) starts none of them. A touch starts it at once.
  const waiting = new Map<Element, number[]>();
  const stopWaiting = (target: Element) => {
    for (const timer of waiting.get(target) ?? []) window.clearTimeout(timer);
    waiting.delete(target);
  };
  const observer = new IntersectionObserver(
    (entries) => {
      for (const entry of entries) {
        if (!entry.isIntersecting) {
          stopWaiting(entry.target);
          continue;
        }
        if (waiting.has(entry.target)) continue;
        const container = boxes.get(entry.target);
        if (!container) continue;
        // Near the screen: real controls at once, well before a reader can reach them.
        wake(container);
        waiting.set(entry.target, [
          window.setTimeout(() => fetchAhead(container), FETCH_AFTER_MS),
          window.setTimeout(() => {
            stopWaiting(entry.target);
            observer.unobserve(entry.target);
            void startIsland(container);
          }, DWELL_MS),
        ]);
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
  // Tab moves focus to the next field in the page, however far: every question's fields must be
  // there before the browser looks for it (this runs before it does).
  const wakeAllForTab = (event: KeyboardEvent) => {
    if (event.key !== 'Tab') return;
    document.removeEventListener('keydown', wakeAllForTab, true);
    for (const container of containers) wake(container);
  };
  document.addEventListener('keydown', wakeAllForTab, true);
  return () => {
    observer.disconnect();
    document.removeEventListener('keydown', wakeAllForTab, true);
    for (const target of [...waiting.keys()]) stopWaiting(target);
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

/**
 * Taps on islands that have not started are kept and replayed; anything
 * else that touches one (a key, a focus, a pointer) starts it.
 */
export function keepEarlyIslandInput(): void {
  document.addEventListener(
    'click',
    (event) => {
      const container = islandOf(event.target);
      // A click that reaches a field still asleep (no pointer came first to wake it): wake, and click the real one.
      const sleeping = event.target instanceof Element ? event.target.closest('[data-dormant], label') : null;
      if (container?.dataset.island === 'quiz' && !container.hasAttribute('data-awake') && sleeping) {
        event.preventDefault();
        event.stopPropagation();
        // Once this click is over: a label's click() inside its own click() does nothing.
        setTimeout(() => keepEarlyControl(sleeping), 0);
        return;
      }
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
}

/**
 * A tap on a question's control (or its label) that index.html's inline script
 * kept while the control was asleep: done again on the real one, which checks
 * a choice, or puts the cursor in a blank or on a select.
 */
export function keepEarlyControl(target: Element): void {
  const container = islandOf(target);
  if (!container || !islands.has(container)) return;
  wake(container);
  const node = awakeNode(target);
  if (node instanceof HTMLLabelElement || (node instanceof HTMLInputElement && /^(radio|checkbox)$/.test(node.type)))
    node.click();
  else if (node instanceof HTMLElement) node.focus();
}

/** A tap or submit index.html's inline script kept before the loader ran. */
export function keepEarlyTap(target: Element, kind: 'click' | 'submit'): void {
  const container = islandOf(target);
  if (!container || !islands.has(container)) return;
  keepFor(container, kind === 'click' ? { kind: 'click', button: buttonIndex(container, target) } : { kind: 'submit' });
}
