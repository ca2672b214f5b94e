/**
 * The site font on a first visit: fetched once the page is idle, used from the
 * next page load on.
 *
 * The font is 100-odd KB. Fetched with the page (preloaded, `swap`), it held
 * the largest paint back by most of a second on a phone and, swapped in, moved
 * the text under the reader. So a page paints with the system's Korean font
 * (tokens.css, sized to Pretendard's metrics) until the browser has the site
 * font; this fetches the file when nothing else is going on and says so in
 * localStorage, and index.html's inline script then puts the font first in the
 * stack before the next page paints (`html[data-site-font]`). Its
 * `font-display: optional` keeps it out of a page whose file somehow is not
 * at hand in time (a new build's font), rather than swapping it in late.
 *
 * A plain fetch, into the HTTP cache where the next page's `@font-face` finds
 * it (the service worker's precache holds it too): loading it as the page's
 * FontFace made the browser check the font of every piece of text laid out
 * (a task of 5–11 ms, four times that on a phone-class CPU) and restyle and
 * lay it out again, for a font this page does not even use.
 */

import siteFontUrl from 'virtual:site-font-url';
import { afterLoadIdle } from './afterLoadIdle.ts';

/** localStorage key read by index.html's inline script; keep the two in step. */
export const SITE_FONT_KEY = 'study-notes:site-font';

/** After `load`, on idle: fetch the site font if this page did not use it, and remember it for the next page. */
export function fetchSiteFontWhenIdle(): void {
  // No URL on the dev server: it builds no subset.
  const url = siteFontUrl;
  if (document.documentElement.hasAttribute('data-site-font') || !url) return;
  afterLoadIdle(() => void fetchSiteFont(url));
}

async function fetchSiteFont(url: string): Promise<void> {
  try {
    const response = await fetch(url);
    if (!response.ok) return;
    // Read to the end: a body left unread may not be cached whole.
    await response.arrayBuffer();
    localStorage.setItem(SITE_FONT_KEY, '1');
  } catch {
    // Offline or storage refused: the system font stays; the next visit tries again.
  }
}
