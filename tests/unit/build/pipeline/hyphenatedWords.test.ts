import { describe, expect, it } from 'vitest';
import { compileNote } from '../../../../src/build/pipeline/compileNote.ts';
import { blocksToHtml } from '../../../../src/build/pipeline/splitBlocks.ts';
import { splitHyphenated } from '../../../../src/shared/hyphenatedWords.ts';
import { noteMarkdown } from '../../../fixtures/noteMarkdown.ts';

describe('splitHyphenated', () => {
  it('marks dates and short hyphenated names to keep whole', () => {
    expect(splitHyphenated('주문일 2026-11-02, 해시는 SHA-256')).toEqual([
      { text: '주문일 ', keep: false },
      { text: '2026-11-02', keep: true },
      { text: ', 해시는 ', keep: false },
      { text: 'SHA-256', keep: true },
    ]);
  });

  it('leaves plain text, lone hyphens and long hyphenated runs alone', () => {
    expect(splitHyphenated('정규화 - 설명')).toEqual([{ text: '정규화 - 설명', keep: false }]);
    expect(splitHyphenated('a-very-long-hyphenated-name')).toEqual([
      { text: 'a-very-long-hyphenated-name', keep: false },
    ]);
    expect(splitHyphenated('')).toEqual([]);
  });
});

describe('rehypeKeepHyphenated in a note', () => {
  const html = (markdown: string) => {
    const { compiled } = compileNote('content/t.md', noteMarkdown(markdown));
    return blocksToHtml(compiled?.note.body ?? []);
  };

  it('keeps a date in a table cell on one line', () => {
    expect(html('| 주문일 |\n| --- |\n| 2026-11-02 |')).toContain('<td><span class="nowrap">2026-11-02</span></td>');
  });

  it('does the same in running text, but not inside code', () => {
    const out = html('서명에는 SHA-256을 쓴다. `sha-256`\n\n```text\n2026-11-02\n```');
    // A particle stays with its word, as keep-all would keep it anyway.
    expect(out).toContain('<span class="nowrap">SHA-256을</span> 쓴다.');
    expect(out).toContain('<code>sha-256</code>');
    expect(out).not.toMatch(/nowrap">2026/);
  });
});
