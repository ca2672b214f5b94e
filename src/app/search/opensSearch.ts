/** The parts of a keydown that decide whether it opens search. */
export interface ShortcutKey {
  key: string;
  code?: string;
  ctrlKey: boolean;
  metaKey: boolean;
  altKey: boolean;
  shiftKey: boolean;
  isComposing?: boolean;
  repeat?: boolean;
  defaultPrevented?: boolean;
  target: EventTarget | null;
}

/**
 * True when a keydown should open search: Ctrl-K or ⌘-K anywhere, or `/`
 * when the reader is not typing in a field (there it is just a slash).
 * `code` catches Ctrl-K when a Korean input method reports the key as `ㅏ`.
 */
export function opensSearch(event: ShortcutKey): boolean {
  if (event.defaultPrevented || event.isComposing || event.repeat || event.altKey) return false;
  if (event.ctrlKey || event.metaKey) {
    return !event.shiftKey && (event.key.toLowerCase() === 'k' || event.code === 'KeyK');
  }
  return event.key === '/' && !isTypingTarget(event.target);
}

const NOT_TYPED = new Set(['button', 'checkbox', 'radio', 'range', 'color', 'file', 'image', 'reset', 'submit']);

function isTypingTarget(target: EventTarget | null): boolean {
  if (!target || typeof (target as Element).tagName !== 'string') return false;
  const element = target as HTMLElement;
  if (element.isContentEditable) return true;
  const tag = element.tagName.toLowerCase();
  if (tag === 'textarea' || tag === 'select') return true;
  return tag === 'input' && !NOT_TYPED.has((element as HTMLInputElement).type);
}
