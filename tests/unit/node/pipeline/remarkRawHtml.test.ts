// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { compileNote } from '../../../../src/node/pipeline/compileNote.ts';
import { formatMessage } from '../../../../src/node/pipeline/formatMessage.ts';
import { blocksToHtml } from '../../../../src/node/pipeline/splitBlocks.ts';
import { BODY_LINE, noteMarkdown } from '../../../fixtures/noteMarkdown.ts';

const compile = (body: string) => {
  const result = compileNote('content/html.md', noteMarkdown(body));
  return { ...result, lines: result.messages.map(formatMessage) };
};

const EXPECTED =
  'expected Markdown, since HTML is not rendered and would vanish from the page; write it with Markdown, put code in backticks, or escape the `<` as `\\<` to show it as text';

describe('remarkRawHtml: raw HTML is reported with its place, never dropped silently', () => {
  it('a script block', () => {
    const { compiled, lines } = compile('<script>alert(1)</script>');
    expect(compiled).toBeUndefined();
    expect(lines).toEqual([
      `content/html.md:${BODY_LINE}:1-${BODY_LINE}:26: error: Unexpected raw HTML \`<script>\`: ${EXPECTED}`,
    ]);
  });

  it('inline tags, an event handler and a type written outside backticks', () => {
    const { lines } = compile('문단 <b>굵게</b>\n\n<img src=x onerror="alert(1)">\n\n`Vec`은 Vec<T> 꼴이다');
    expect(lines).toEqual([
      `content/html.md:${BODY_LINE}:4-${BODY_LINE}:7: error: Unexpected raw HTML \`<b>\`: ${EXPECTED}`,
      `content/html.md:${BODY_LINE}:9-${BODY_LINE}:13: error: Unexpected raw HTML \`</b>\`: ${EXPECTED}`,
      `content/html.md:${BODY_LINE + 2}:1-${BODY_LINE + 2}:31: error: Unexpected raw HTML \`<img…>\`: ${EXPECTED}`,
      `content/html.md:${BODY_LINE + 4}:11-${BODY_LINE + 4}:14: error: Unexpected raw HTML \`<T>\`: ${EXPECTED}`,
    ]);
  });

  it('leaves HTML comments out quietly, and escaped or fenced HTML shows as text', () => {
    const { compiled, lines } = compile('<!-- 메모: 나중에 고치기 -->\n\n`<b>` 와 \\<b> 는 글자다');
    expect(lines).toEqual([]);
    expect(blocksToHtml(compiled?.note.body ?? [])).toBe('<p><code>&#x3C;b></code> 와 &#x3C;b> 는 글자다</p>');
  });
});
