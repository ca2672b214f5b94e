/**
 * Opens the folded "심화" section (`<details class="deep">`) that holds the
 * place the address points at, so a link to a heading, a question or a
 * diagram step inside a fold lands on something visible. Browsers open a
 * closed `<details>` for a real element id on their own, but not for a
 * diagram's step anchor (`#tls12-handshake-step-3`), which the diagram
 * resolves itself. Runs now and on every `hashchange`; returns the function
 * that stops.
 */
export function openDeepForHash(root: HTMLElement): () => void {
  const open = () => {
    const id = decodeURIComponent(location.hash.slice(1));
    if (!id) return;
    const target = document.getElementById(id) ?? document.getElementById(id.replace(/-step-\d+$/, ''));
    const fold = target && root.contains(target) ? target.closest('details.deep') : null;
    if (fold instanceof HTMLDetailsElement && !fold.open) fold.open = true;
  };
  open();
  window.addEventListener('hashchange', open);
  return () => window.removeEventListener('hashchange', open);
}
