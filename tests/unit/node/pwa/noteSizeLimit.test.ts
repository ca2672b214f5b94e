// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { collectNotes } from '../../../../src/node/pipeline/collectNotes.ts';
import { formatMessage } from '../../../../src/node/pipeline/formatMessage.ts';
import { noteSizeProblems } from '../../../../src/node/pwa/noteSizeLimit.ts';
import { BODY_LINE, noteMarkdown } from '../../../fixtures/noteMarkdown.ts';

const KiB = 1024;

describe('noteSizeProblems', () => {
  const { notes } = collectNotes([
    {
      path: 'content/big-log.md',
      text: noteMarkdown(
        `## 로그\n\n짧은 문단\n\n\`\`\`text\n${'요청 처리 완료\n'.repeat(400)}\`\`\`\n\n## 정리\n\n끝`,
      ),
    },
    { path: 'content/small.md', text: noteMarkdown('## 절\n\n짧다') },
  ]);

  it('stops a note over the precache limit at its largest block, with its file and size', () => {
    const messages = noteSizeProblems(
      [
        { slug: 'big-log', file: 'notes/big-log/index.html', bytes: 9 * KiB },
        { slug: 'big-log', file: 'assets/big-log-abc123.js', bytes: 10 * KiB },
        { slug: 'small', file: 'notes/small/index.html', bytes: 2 * KiB },
      ],
      notes,
      8 * KiB,
    );
    const codeStart = BODY_LINE + 4;
    const codeEnd = codeStart + 401;
    expect(messages.map(formatMessage)).toEqual([
      `content/big-log.md:${codeStart}:1-${codeEnd}:4: error: Note too large to keep offline: its data \`assets/big-log-abc123.js\` is 10.0 KiB, over the 8.0 KiB the service worker precaches per file; the block here is 8.5 KiB of it: expected a smaller note (split it into two notes, or shorten this block)`,
    ]);
    expect(messages[0]?.fatal).toBe(true);
  });

  it('says nothing while every note file fits', () => {
    expect(
      noteSizeProblems([{ slug: 'big-log', file: 'notes/big-log/index.html', bytes: 8 * KiB }], notes, 8 * KiB),
    ).toEqual([]);
  });
});
