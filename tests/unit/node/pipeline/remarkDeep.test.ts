// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { collectNotes } from '../../../../src/node/pipeline/collectNotes.ts';
import { compileNote } from '../../../../src/node/pipeline/compileNote.ts';
import { formatMessage } from '../../../../src/node/pipeline/formatMessage.ts';
import { flatBlocks } from '../../../../src/shared/note.ts';
import { BODY_LINE, noteMarkdown } from '../../../fixtures/noteMarkdown.ts';

const syllables = (count: number) => '가'.repeat(count);

const compile = (body: string) => {
  const result = compileNote('content/deep.md', noteMarkdown(body));
  return { ...result, lines: result.messages.map(formatMessage) };
};

describe(':::deep sections', () => {
  it('folds a deep section into a closed details block with 심화, its title and its own reading time', () => {
    const { compiled, lines } = compile(
      ['## 본문', '', syllables(1000), '', ':::deep[형식적 정의]', '### 정의', '', syllables(1500), ':::'].join('\n'),
    );
    expect(lines).toEqual([]);
    const deep = compiled?.note.body.find((block) => block.kind === 'deep');
    expect(deep).toMatchObject({ kind: 'deep', id: 'deep-1', minutes: 3 });
    expect(deep?.kind === 'deep' && deep.summaryHtml).toBe(
      '<span class="deep-label">심화</span><span class="deep-title">형식적 정의</span><span class="deep-minutes">약 3분</span>',
    );
    expect(deep?.kind === 'deep' && deep.blocks[0]).toMatchObject({ kind: 'html' });
    // The main path's time leaves the fold out; the fold's is counted apart.
    expect(compiled?.note.readingMinutes).toBe(2);
    expect(compiled?.note.deepMinutes).toBe(3);
    // Headings inside stay in the table of contents and keep their ids.
    expect(compiled?.note.outline.map((item) => item.id)).toEqual(['본문', '정의']);
  });

  it('holds questions and diagrams of its own, reachable like any other', () => {
    const { compiled, lines } = compile(
      [
        '## 본문',
        '',
        // Four colons: the fence around a block that holds `:::` blocks is longer than theirs.
        '::::deep[더 깊이]',
        '설명',
        '',
        ':::quiz{#deep-q}',
        '참인가?',
        '',
        '- [x] 참',
        '- [ ] 거짓',
        ':::',
        '::::',
      ].join('\n'),
    );
    expect(lines).toEqual([]);
    expect(compiled?.questions.map((question) => question.id)).toEqual(['deep-q']);
    expect(flatBlocks(compiled?.note.body ?? []).map((block) => block.kind)).toEqual(['html', 'html', 'quiz']);
    expect(compiled?.questions[0]?.section?.id).toBe('본문');
  });

  it('reports a deep section inside a list or a box, at its place', () => {
    const { lines } = compile(['- 항목', '', '  :::deep[안]', '  본문', '  :::'].join('\n'));
    expect(lines).toContainEqual(
      expect.stringMatching(
        new RegExp(
          `^content/deep\\.md:${BODY_LINE + 2}:3-${BODY_LINE + 4}:6: error: Unexpected \`:::deep\` inside another block`,
        ),
      ),
    );
  });

  it('counts no time apart when a note has no deep section', () => {
    const { compiled } = compile(`## 본문\n\n${syllables(600)}`);
    expect(compiled?.note.deepMinutes).toBe(0);
    expect(compiled?.note.readingMinutes).toBe(1);
  });
});

describe('prerequisites', () => {
  const note = (slug: string, order: string, extra: Record<string, string> = {}) => ({
    path: `content/${slug}.md`,
    text: noteMarkdown('## 절\n\n본문', { order, ...extra }),
  });

  it('lists the notes to read first and the reason for the note’s place', () => {
    const result = collectNotes([
      note('a', '1'),
      note('b', '2', { prerequisites: '[a]', pathReason: 'a의 개념 위에서 설정을 다룬다.' }),
    ]);
    expect(result.messages.map(formatMessage)).toEqual([]);
    const b = result.notes.find(({ note: n }) => n.slug === 'b')?.note;
    expect(b?.prerequisites).toEqual(['a']);
    expect(b?.pathReason).toBe('a의 개념 위에서 설정을 다룬다.');
  });

  it('stops the build at an unknown prerequisite and warns about one read later', () => {
    const result = collectNotes([note('a', '2', { prerequisites: '[b]' }), note('b', '3', { prerequisites: '[zz]' })]);
    const lines = result.messages.map(formatMessage);
    expect(lines).toContainEqual(
      'content/b.md:7:17-7:19: error: Unknown prerequisite `zz`: expected the slug of another note (one of a)',
    );
    expect(lines).toContainEqual(
      expect.stringMatching(/^content\/a\.md:7:17-7:18: warning: Prerequisite `b` comes after this note/),
    );
    expect(result.failed).toBe(true);
  });
});
