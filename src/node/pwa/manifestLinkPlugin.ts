import type { Plugin } from 'vite';

/**
 * Takes vite-plugin-pwa's `<link rel="manifest">` out of the built pages; the
 * service worker's client adds it once it registers the worker
 * (src/app/pwa/linkManifest.ts). Linked in the HTML, Chromium fetched the
 * manifest and then its 192 px icon during the page's first paint, two more
 * requests competing with the page's CSS and script on a first visit. The app
 * is only installable with its worker anyway, and the worker starts once the
 * page has loaded and gone idle. vite-plugin-pwa has no option to generate the
 * manifest without linking it, so this runs after it (both `post`).
 */
export function manifestLinkPlugin(): Plugin {
  return {
    name: 'study-notes:manifest-link',
    apply: 'build',
    enforce: 'post',
    transformIndexHtml: {
      order: 'post',
      handler(html) {
        const link = /<link rel="manifest"[^>]*>/;
        if (!link.test(html)) {
          throw new Error('manifestLinkPlugin: no <link rel="manifest"> in index.html; is it ordered after VitePWA?');
        }
        return html.replace(link, '');
      },
    },
  };
}
