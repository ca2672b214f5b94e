// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { compileNote } from '../../../../src/node/pipeline/compileNote.ts';
import { formatMessage } from '../../../../src/node/pipeline/formatMessage.ts';
import { blocksToHtml } from '../../../../src/node/pipeline/splitBlocks.ts';
import { BODY_LINE, noteMarkdown } from '../../../fixtures/noteMarkdown.ts';

const compile = (body: string) => {
  const result = compileNote('content/links.md', noteMarkdown(body));
  return { ...result, lines: result.messages.map(formatMessage) };
};

const LINK = 'expected an https://, http:// or mailto: URL';
const IMAGE = 'expected an https:// or http:// URL, or a data:image/png, jpeg, gif, webp or avif URL';
const RUNS_CODE = (scheme: string) => `(a \`${scheme}:\` URL runs code on the page)`;

describe('remarkUrlSchemes: URLs that run code stop the build with their place', () => {
  it('a javascript: link', () => {
    const { compiled, lines } = compile('[눌러 보세요](javascript:alert(document.cookie))');
    expect(compiled).toBeUndefined();
    expect(lines).toEqual([
      `content/links.md:${BODY_LINE}:1-${BODY_LINE}:44: error: Unsafe URL \`javascript:alert(document.cookie)\` in a link: ${LINK} ${RUNS_CODE('javascript')}`,
    ]);
  });

  it('a vbscript: link in any case, and a javascript: link hidden by a tab entity or spaces', () => {
    const { lines } = compile('[a](VBScript:msgbox) [b](java&#x09;script:alert(1)) [c](< javascript:alert(1)>)');
    expect(lines).toEqual([
      `content/links.md:${BODY_LINE}:1-${BODY_LINE}:21: error: Unsafe URL \`VBScript:msgbox\` in a link: ${LINK} ${RUNS_CODE('vbscript')}`,
      `content/links.md:${BODY_LINE}:22-${BODY_LINE}:52: error: Unsafe URL \`java\tscript:alert(1)\` in a link: ${LINK} ${RUNS_CODE('javascript')}`,
      `content/links.md:${BODY_LINE}:53-${BODY_LINE}:80: error: Unsafe URL \` javascript:alert(1)\` in a link: ${LINK} ${RUNS_CODE('javascript')}`,
    ]);
  });

  it('a data:text/html image and link, and a link definition', () => {
    const { lines } = compile(
      '![그림](data:text/html;base64,PHNjcmlwdD4=)\n\n[문서][d]\n\n[d]: data:text/html,<script>alert(1)</script>',
    );
    expect(lines).toEqual([
      `content/links.md:${BODY_LINE}:1-${BODY_LINE}:42: error: Unsafe URL \`data:text/html;base64,PHNjcmlwdD4=\` in an image: ${IMAGE} (\`data:text/html\` can be a page of its own that runs script)`,
      `content/links.md:${BODY_LINE + 4}:1-${BODY_LINE + 4}:46: error: Unsafe URL \`data:text/html,<script>alert(1)</script>\` in a link definition: ${LINK} (\`data:text/html\` can be a page of its own that runs script)`,
    ]);
  });

  it('a javascript: link in a quiz choice, prompt or explanation', () => {
    const { lines } = compile(
      ':::quiz{#xss}\n[질문](javascript:a())\n\n- [x] [정답](javascript:b())\n- [ ] 오답\n\n---\n\n[해설](vbscript:c)\n:::',
    );
    expect(lines).toEqual([
      `content/links.md:${BODY_LINE + 1}:1-${BODY_LINE + 1}:21: error: Unsafe URL \`javascript:a()\` in a link: ${LINK} ${RUNS_CODE('javascript')}`,
      `content/links.md:${BODY_LINE + 3}:7-${BODY_LINE + 3}:27: error: Unsafe URL \`javascript:b()\` in a link: ${LINK} ${RUNS_CODE('javascript')}`,
      `content/links.md:${BODY_LINE + 8}:1-${BODY_LINE + 8}:17: error: Unsafe URL \`vbscript:c\` in a link: ${LINK} ${RUNS_CODE('vbscript')}`,
    ]);
  });

  it('an SVG data image, which can carry script', () => {
    const { lines } = compile('![도형](data:image/svg+xml;base64,PHN2Zz4=)');
    expect(lines).toEqual([
      `content/links.md:${BODY_LINE}:1-${BODY_LINE}:42: error: Unsafe URL \`data:image/svg+xml;base64,PHN2Zz4=\` in an image: ${IMAGE} (\`data:image/svg+xml\` can be a page of its own that runs script)`,
    ]);
  });

  it('keeps https, http and mailto links and raster data images', () => {
    const { compiled, lines } = compile(
      '[RFC](https://www.rfc-editor.org/rfc/rfc8446) [옛 글](http://example.com/) [메일](mailto:me@example.com) ![점](data:image/png;base64,iVBORw0KGgo=)',
    );
    expect(lines).toEqual([]);
    expect(blocksToHtml(compiled?.note.body ?? [])).toContain('href="mailto:me@example.com"');
  });
});
