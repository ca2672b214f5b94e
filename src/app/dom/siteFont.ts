/**
 * The site font on a first visit: fetched once the page is idle, used from the
 * next page load on.
 *
 * The font is 100-odd KB. Fetched with the page (preloaded, `swap`), it held
 * the largest paint back by most of a second on a phone and, swapped in, moved
 * the text under the reader. So a page paints with the system's Korean font
 * (tokens.css, sized to Pretendard's metrics) until the browser has the site
 * font; this fetches it when nothing else is going on and says so in
 * localStorage, and index.html's inline script then puts the font first in the
 * stack before the next page paints (`html[data-site-font]`). Its
 * `font-display: optional` keeps it out of a page whose file somehow is not
 * at hand in time (a new build's font), rather than swapping it in late.
 */

import { afterLoadIdle } from './afterLoadIdle.ts';

/** localStorage key read by index.html's inline script; keep the two in step. */
export const SITE_FONT_KEY = 'study-notes:site-font';
/** The family siteFontPlugin declares (src/node/fonts/siteFontPlugin.ts). */
const FAMILY = 'Pretendard Site';

/** After `load`, on idle: fetch the site font if this page did not use it, and remember it for the next page. */
export function fetchSiteFontWhenIdle(): void {
  if (document.documentElement.hasAttribute('data-site-font') || !('fonts' in document)) return;
  afterLoadIdle(() => void loadSiteFont());
}

async function loadSiteFont(): Promise<void> {
  const face = [...document.fonts].find((candidate) => candidate.family.replace(/["']/g, '') === FAMILY);
  if (!face) return; // dev: no subset is built
  try {
    await face.load();
    localStorage.setItem(SITE_FONT_KEY, '1');
  } catch {
    // Offline or storage refused: the system font stays; the next visit tries again.
  }
}
