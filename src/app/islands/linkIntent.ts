/**
 * Moving between notes without a reload: the page navigation's code loads when
 * the reader shows intent to follow a link to another note (hover, focus,
 * touch), or at the click itself.
 */
import { isPlainClick } from '../isPlainClick.ts';
import { isNotePage, pageKey } from './notePages.ts';

let navigationModule: Promise<typeof import('./pageNavigation.ts')> | undefined;
let swapped: (main: HTMLElement) => void = () => {};

export async function navigateTo(href: string): Promise<void> {
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
    await navigation.showPage(url, true, { onSwapped: swapped });
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
    module.startPageNavigation({ onSwapped: swapped });
    return module;
  });
  return navigationModule;
}

/** `onSwapped` runs after the navigation has put another note's `<main>` in place. */
export function followLinksInPlace(onSwapped: (main: HTMLElement) => void): void {
  swapped = onSwapped;
  document.addEventListener('click', onLinkClick);
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
}
