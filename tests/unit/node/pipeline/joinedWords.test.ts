import { describe, expect, it } from 'vitest';
import { compileNote } from '../../../../src/node/pipeline/compileNote.ts';
import { renderInline } from '../../../../src/node/pipeline/inlineMarkdown.ts';
import { blocksToHtml } from '../../../../src/node/pipeline/splitBlocks.ts';
import { splitJoined } from '../../../../src/shared/joinedWords.ts';
import { noteMarkdown } from '../../../fixtures/noteMarkdown.ts';

describe('splitJoined', () => {
  it('marks dates and short hyphenated names to keep whole', () => {
    expect(splitJoined('주문일 2026-11-02, 해시는 SHA-256')).toEqual([
      { text: '주문일 ', keep: false },
      { text: '2026-11-02', keep: true },
      { text: ', 해시는 ', keep: false },
      { text: 'SHA-256', keep: true },
    ]);
  });

  it('keeps Korean lists joined by middle dots together', () => {
    expect(splitJoined('테이블·인덱스·뷰 같은 객체')).toEqual([
      { text: '테이블·인덱스·뷰', keep: true },
      { text: ' 같은 객체', keep: false },
    ]);
  });

  it('leaves plain text, lone hyphens and long hyphenated runs alone', () => {
    expect(splitJoined('정규화 - 설명')).toEqual([{ text: '정규화 - 설명', keep: false }]);
    expect(splitJoined('a-very-long-hyphenated-name')).toEqual([{ text: 'a-very-long-hyphenated-name', keep: false }]);
    expect(splitJoined('')).toEqual([]);
  });
});

describe('rehypeKeepJoined in a note', () => {
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

describe('joined words in goals', () => {
  it('keeps them whole in a goal line, leaving its text as written', () => {
    const goal = renderInline('제1·제2·제3정규형을 **구분**한다');
    expect(goal.html).toBe('<span class="nowrap">제1·제2·제3정규형을</span> <strong>구분</strong>한다');
    expect(goal.text).toBe('제1·제2·제3정규형을 구분한다');
  });
});
