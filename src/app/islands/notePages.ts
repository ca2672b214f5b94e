/** Island pages the page navigation can show in place: notes. Other pages load as documents. */
export function isNotePage(url: URL): boolean {
  return url.origin === window.location.origin && url.pathname.startsWith(`${import.meta.env.BASE_URL}notes/`);
}

/** A page's path with its trailing slash: the key for "the same page". */
export function pageKey(url: URL): string {
  return url.pathname.endsWith('/') ? url.pathname : `${url.pathname}/`;
}
