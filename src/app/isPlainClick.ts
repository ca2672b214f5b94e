/**
 * True for an ordinary left click without modifier keys: the only click a
 * link may turn into client-side navigation. Ctrl/⌘/Shift/Alt-clicks and
 * middle clicks keep the browser's meaning (new tab, new window, download).
 */
export function isPlainClick(event: {
  button: number;
  metaKey: boolean;
  ctrlKey: boolean;
  shiftKey: boolean;
  altKey: boolean;
  defaultPrevented: boolean;
}): boolean {
  return (
    !event.defaultPrevented &&
    event.button === 0 &&
    !event.metaKey &&
    !event.ctrlKey &&
    !event.shiftKey &&
    !event.altKey
  );
}
