import { isNotePage, pageKey } from './notePages.ts';

/**
 * Moving between note pages without reloading: the next page's prerendered
 * HTML is fetched (the service worker serves it from its cache once the site
 * is cached), and its `<main>`, title and description replace this page's.
 * The header, the sidebar and everything in them stay, with their state. The
 * note's text travels once, as HTML; the loader then wakes the new page's
 * islands. Loaded when a reader first shows intent to follow a link.
 */

const pages = new Map<string, Promise<Document>>();

/** Fetches (once) and parses a page; a failed fetch is forgotten so it can be tried again. */
export function prefetchPage(url: URL): Promise<Document> {
  const key = pageKey(url);
  let page = pages.get(key);
  if (!page) {
    page = fetch(key, { credentials: 'same-origin' }).then(async (response) => {
      if (!response.ok) throw new Error(`${response.status} ${response.statusText}`);
      return new DOMParser().parseFromString(await response.text(), 'text/html');
    });
    page.catch(() => pages.delete(key));
    pages.set(key, page);
  }
  return page;
}

export interface NavigationOptions {
  /** Called with the new `<main>` once it is in place (wake its islands). */
  onSwapped: (main: HTMLElement) => void;
}

/** Shows the page at `url` in place of this one; falls back to loading it as a document. */
export async function showPage(url: URL, push: boolean, options: NavigationOptions): Promise<void> {
  let next: Document;
  try {
    next = await prefetchPage(url);
  } catch {
    window.location.assign(url.href);
    return;
  }
  const main = document.querySelector('main');
  const nextMain = next.querySelector('main');
  const nextRoot = next.getElementById('root');
  const root = document.getElementById('root');
  if (!main || !nextMain || !root || !nextRoot?.hasAttribute('data-islands')) {
    window.location.assign(url.href);
    return;
  }
  if (push) {
    history.replaceState({ ...(history.state as object), scrollY: window.scrollY }, '');
    // The fragment comes after the swap, as a real fragment navigation (see placeReader).
    history.pushState({ scrollY: 0 }, '', url.href.replace(/#.*$/, ''));
  }
  addStylesheets(next);
  main.replaceChildren(...[...nextMain.childNodes].map((node) => document.importNode(node, true)));
  for (const name of ['data-route', 'data-islands'] as const)
    root.setAttribute(name, nextRoot.getAttribute(name) ?? '');
  document.title = next.title;
  for (const selector of ['meta[name="description"]', 'link[rel="canonical"]', 'meta[property="og:title"]']) {
    const from = next.head.querySelector(selector);
    const to = document.head.querySelector(selector);
    if (from && to) to.replaceWith(document.importNode(from, true));
  }
  markCurrentLinks(url);
  const drawer = document.querySelector<HTMLDialogElement>('.nav-drawer');
  if (drawer?.open) drawer.close();
  options.onSwapped(main);
  window.dispatchEvent(new Event('study-notes:navigate'));
  placeReader(url, push);
}

/** Stylesheets the next page links and this one lacks (a diagram's, say). */
function addStylesheets(next: Document): void {
  const have = new Set(
    [...document.querySelectorAll<HTMLLinkElement>('link[rel="stylesheet"]')].map((link) => link.href),
  );
  for (const link of next.querySelectorAll<HTMLLinkElement>('link[rel="stylesheet"]')) {
    const href = new URL(link.getAttribute('href') ?? '', window.location.href).href;
    if (have.has(href)) continue;
    const added = document.createElement('link');
    added.rel = 'stylesheet';
    added.href = href;
    document.head.append(added);
  }
}

/** The sidebar's and the drawer's link to the page shown gets `aria-current="page"`, as NavLink gives it. */
function markCurrentLinks(url: URL): void {
  for (const link of document.querySelectorAll<HTMLAnchorElement>('.notes-nav a')) {
    const current = pageKey(new URL(link.href)) === pageKey(url);
    link.classList.toggle('active', current);
    if (current) link.setAttribute('aria-current', 'page');
    else link.removeAttribute('aria-current');
  }
}

/** Scroll to the fragment or the top (or, going back, where the reader was), and move focus there. */
function placeReader(url: URL, push: boolean): void {
  const id = url.hash ? decodeURIComponent(url.hash.slice(1)) : '';
  const target = (id && document.getElementById(id)) || document.querySelector<HTMLElement>('main h1');
  const saved = (history.state as { scrollY?: number } | null)?.scrollY;
  if (!push && typeof saved === 'number') window.scrollTo(0, saved);
  // A fragment navigation, not scrollIntoView: the browser then marks :target, which lays
  // the note out in full (prose.css), so it lands on the heading and not on an estimate.
  else if (id && target) window.location.replace(url.href);
  else window.scrollTo(0, 0);
  if (target instanceof HTMLElement) {
    if (!target.hasAttribute('tabindex')) target.setAttribute('tabindex', '-1');
    target.focus({ preventScroll: true });
  }
}

/**
 * Takes over the browser's back and forward between notes (the loader takes
 * over clicks on links to notes). Returns the function that stops.
 */
export function startPageNavigation(options: NavigationOptions): () => void {
  let shown = pageKey(new URL(window.location.href));
  const onNavigated = () => (shown = pageKey(new URL(window.location.href)));
  window.addEventListener('study-notes:navigate', onNavigated);
  const onPopState = () => {
    const url = new URL(window.location.href);
    // Back from a fragment on the same page: the browser already scrolled.
    if (pageKey(url) === shown) return;
    if (isNotePage(url)) void showPage(url, false, options);
    else window.location.reload();
  };
  window.addEventListener('popstate', onPopState);
  return () => {
    window.removeEventListener('popstate', onPopState);
    window.removeEventListener('study-notes:navigate', onNavigated);
  };
}
