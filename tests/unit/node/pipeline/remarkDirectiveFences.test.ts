// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { compileNote } from '../../../../src/node/pipeline/compileNote.ts';
import { formatMessage } from '../../../../src/node/pipeline/formatMessage.ts';
import { blocksToHtml } from '../../../../src/node/pipeline/splitBlocks.ts';
import { BODY_LINE, noteMarkdown } from '../../../fixtures/noteMarkdown.ts';

const compile = (body: string) => {
  const result = compileNote('content/fences.md', noteMarkdown(body));
  return { ...result, lines: result.messages.map(formatMessage) };
};

const line = (offset: number) => BODY_LINE + offset;

describe('remarkDirectiveFences: a :::quiz without its closing ::: stops the build', () => {
  it('at the opening line, instead of swallowing the next section', () => {
    const { compiled, lines } = compile(
      ':::quiz{#ec2-keys}\nEC2 키 쌍은?\n\n- [x] 공개 키는 AWS에\n- [ ] 둘 다 AWS에\n\n## 다음 절\n\n본문',
    );
    expect(compiled).toBeUndefined();
    expect(lines).toEqual([
      `content/fences.md:${line(0)}:1-${line(0)}:19: error: Unclosed \`:::quiz\`: expected a line with only \`:::\` where the block ends (without it, the block runs on to the end of the note, or of the list or quote it is in, and takes in what follows)`,
    ]);
  });

  it('also when nothing after it would look wrong inside a question', () => {
    const { lines } = compile(':::quiz{#q}\n앞면\n\n?\n\n뒷면\n\n다음 문단도 뒷면이 되어 버린다');
    expect(lines).toEqual([
      expect.stringMatching(new RegExp(`^content/fences\\.md:${line(0)}:1-${line(0)}:12: error: Unclosed \`:::quiz\``)),
    ]);
  });

  it('when a closing ::: sits inside the last list item, and names that stray line too', () => {
    const { lines } = compile(':::quiz{#q}\n질문\n\n- [ ] 참\n- [x] 거짓\n      :::\n');
    expect(lines).toEqual([
      expect.stringMatching(new RegExp(`^content/fences\\.md:${line(0)}:1-${line(0)}:12: error: Unclosed \`:::quiz\``)),
      `content/fences.md:${line(5)}:7-${line(5)}:10: error: Unexpected \`:::\` with no \`:::\` block open here: expected it to close a block such as \`:::note\` or \`:::quiz{#id}\`, on a line of its own at the block's indentation`,
    ]);
  });

  it('for a callout left open inside an outer box that closes', () => {
    const { lines } = compile('::::note\n:::tip\n안쪽\n::::\n\n끝');
    expect(lines).toEqual([
      expect.stringMatching(new RegExp(`^content/fences\\.md:${line(1)}:1-${line(1)}:7: error: Unclosed \`:::tip\``)),
    ]);
  });

  it('accepts closed blocks, nested and in quotes, and ::: lines in code', () => {
    const { lines } = compile(
      '::::note\n:::tip\n안쪽\n:::\n::::\n\n> :::warning\n> 인용 안\n> :::\n\n```text\n:::quiz{#not-a-quiz}\n:::\n```\n\n`:::`',
    );
    expect(lines).toEqual([]);
  });
});

describe('remarkDirectiveFences: an opening line remark-directive cannot read stops the build', () => {
  it(':::quiz{#EC2 Keys!} is an error at its line, and its answers never reach the page as text', () => {
    const { compiled, lines } = compile(':::quiz{#EC2 Keys!}\nEC2 키 쌍은?\n\n- [x] 정답입니다\n- [ ] 오답\n:::\n');
    expect(compiled).toBeUndefined();
    expect(lines).toEqual([
      `content/fences.md:${line(0)}:1-${line(0)}:20: error: Unreadable \`:::quiz{#EC2 Keys!}\`: expected \`:::quiz{#id}\` or \`:::quiz{#id type=…}\`, the id in lowercase letters, digits and hyphens; as written, the block would show as plain text`,
    ]);
  });

  it('names the form a callout takes when its title or attributes cannot be read', () => {
    const { lines } = compile(':::tip{title="열림}\n내용\n:::');
    expect(lines).toEqual([
      `content/fences.md:${line(0)}:1-${line(0)}:18: error: Unreadable \`:::tip{title="열림}\`: expected \`:::tip\`, then optionally a \`[title]\` and \`{key=value}\` attributes (quote values with spaces), and nothing else on the line; as written, the block would show as plain text`,
    ]);
  });

  it('compiles a valid quiz unchanged, so its answers stay in the quiz', () => {
    const { compiled, lines } = compile(':::quiz{#ec2-keys}\nEC2 키 쌍은?\n\n- [x] 정답입니다\n- [ ] 오답\n:::\n');
    expect(lines).toEqual([]);
    expect(blocksToHtml(compiled?.note.body ?? [])).not.toContain('정답입니다');
  });
});
