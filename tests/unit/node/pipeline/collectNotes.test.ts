import { describe, expect, it } from 'vitest';
import { collectNotes } from '../../../../src/node/pipeline/collectNotes.ts';
import { formatMessage } from '../../../../src/node/pipeline/formatMessage.ts';
import { BODY_LINE, noteMarkdown } from '../../../fixtures/noteMarkdown.ts';

describe('collectNotes', () => {
  it('orders notes by front matter order, then slug', () => {
    const { notes, failed } = collectNotes([
      { path: 'content/b.md', text: noteMarkdown('B', { order: '2' }) },
      { path: 'content/c.md', text: noteMarkdown('C', { order: '1' }) },
      { path: 'content/a.md', text: noteMarkdown('A', { order: '2' }) },
    ]);
    expect(failed).toBe(false);
    expect(notes.map(({ note }) => note.slug)).toEqual(['c', 'a', 'b']);
  });

  it('rejects two files with the same slug, ignoring case', () => {
    const { failed, messages } = collectNotes([
      { path: 'content/uwsgi.md', text: noteMarkdown('A') },
      { path: 'content/UWSGI.md', text: noteMarkdown('B') },
    ]);
    expect(failed).toBe(true);
    expect(messages.map(formatMessage)).toContainEqual(
      expect.stringMatching(
        /^content\/UWSGI\.md: error: Duplicate note slug `uwsgi`: `content\/uwsgi\.md` already uses it/,
      ),
    );
  });

  it('accepts links to existing notes and headings', () => {
    const { failed, messages } = collectNotes([
      { path: 'content/a.md', text: noteMarkdown('[b](b.md) [b 정리](b.md#정리)') },
      { path: 'content/b.md', text: noteMarkdown('## 정리') },
    ]);
    expect(messages).toEqual([]);
    expect(failed).toBe(false);
  });

  it('reports a link to a missing note or heading at the link', () => {
    const { failed, messages } = collectNotes([
      { path: 'content/a.md', text: noteMarkdown('[x](missing.md)\n\n[y](b.md#없음)') },
      { path: 'content/b.md', text: noteMarkdown('## 정리') },
    ]);
    expect(failed).toBe(true);
    expect(messages.map(formatMessage)).toEqual([
      `content/a.md:${BODY_LINE}:1-${BODY_LINE}:16: error: Broken link to note \`missing.md\`: no such file in content/ (expected one of a.md, b.md)`,
      `content/a.md:${BODY_LINE + 2}:1-${BODY_LINE + 2}:13: error: Broken link \`b.md#없음\`: \`content/b.md\` has no heading with that id (expected one of #정리)`,
    ]);
  });

  it('keeps valid notes and reports every broken one', () => {
    const { notes, failed, messages } = collectNotes([
      { path: 'content/good.md', text: noteMarkdown('본문') },
      { path: 'content/bad.md', text: '본문만 있음' },
    ]);
    expect(failed).toBe(true);
    expect(notes.map(({ note }) => note.slug)).toEqual(['good']);
    expect(messages).toHaveLength(1);
  });
});
