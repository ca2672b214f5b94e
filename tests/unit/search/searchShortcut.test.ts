import { describe, expect, it } from 'vitest';
import { opensSearch, type ShortcutKey } from '../../../src/app/search/searchShortcut.ts';

const key = (overrides: Partial<ShortcutKey>): ShortcutKey => ({
  key: 'k',
  ctrlKey: false,
  metaKey: false,
  altKey: false,
  shiftKey: false,
  target: document.body,
  ...overrides,
});

describe('opensSearch', () => {
  it('opens on Ctrl-K and ⌘-K, also when a Korean input method reports the key as ㅏ', () => {
    expect(opensSearch(key({ ctrlKey: true }))).toBe(true);
    expect(opensSearch(key({ metaKey: true, key: 'K' }))).toBe(true);
    expect(opensSearch(key({ ctrlKey: true, key: 'ㅏ', code: 'KeyK' }))).toBe(true);
  });

  it('opens on / outside text fields', () => {
    expect(opensSearch(key({ key: '/' }))).toBe(true);
    const radio = Object.assign(document.createElement('input'), { type: 'radio' });
    expect(opensSearch(key({ key: '/', target: radio }))).toBe(true);
  });

  it('leaves / alone while the reader types in a field', () => {
    for (const element of [
      document.createElement('input'),
      Object.assign(document.createElement('input'), { type: 'search' }),
      document.createElement('textarea'),
      document.createElement('select'),
    ]) {
      expect(opensSearch(key({ key: '/', target: element })), element.tagName).toBe(false);
    }
    const editable = document.createElement('div');
    editable.contentEditable = 'true';
    // jsdom does not compute isContentEditable.
    Object.defineProperty(editable, 'isContentEditable', { value: true });
    expect(opensSearch(key({ key: '/', target: editable }))).toBe(false);
  });

  it('ignores other keys, other chords, repeats and composition', () => {
    expect(opensSearch(key({}))).toBe(false);
    expect(opensSearch(key({ ctrlKey: true, shiftKey: true }))).toBe(false);
    expect(opensSearch(key({ ctrlKey: true, altKey: true }))).toBe(false);
    expect(opensSearch(key({ key: '/', ctrlKey: true }))).toBe(false);
    expect(opensSearch(key({ ctrlKey: true, repeat: true }))).toBe(false);
    expect(opensSearch(key({ key: '/', isComposing: true }))).toBe(false);
    expect(opensSearch(key({ key: '/', defaultPrevented: true }))).toBe(false);
  });
});
