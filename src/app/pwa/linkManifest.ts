/**
 * Links the web app manifest, just before the service worker registers: the
 * built pages leave it out so a first visit's first paint does not fetch it
 * and its icon (src/node/pwa/manifestLinkPlugin.ts). Browsers read a manifest
 * linked later, and without the worker the site is not installable anyway.
 */
export function linkManifest(): void {
  if (document.querySelector('link[rel="manifest"]')) return;
  const link = document.createElement('link');
  link.rel = 'manifest';
  link.href = `${import.meta.env.BASE_URL}manifest.webmanifest`;
  document.head.append(link);
}
