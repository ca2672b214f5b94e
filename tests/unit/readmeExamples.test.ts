import { readFileSync } from 'node:fs';
import type { Code } from 'mdast';
import remarkParse from 'remark-parse';
import { unified } from 'unified';
import { visit } from 'unist-util-visit';
import { describe, expect, it } from 'vitest';
import { compileNote } from '../../src/node/pipeline/compileNote.ts';
import { formatMessage } from '../../src/node/pipeline/formatMessage.ts';
import { parseSynonyms } from '../../src/node/search/parseSynonyms.ts';
import { noteMarkdown } from '../fixtures/noteMarkdown.ts';

/**
 * Authors copy the README's examples into content/: each must build exactly
 * as written (issue 19: Prettier once indented the closing `:::` lines of the
 * quiz example, and explanations sat on the lines the syntax reads).
 */
const readme = readFileSync('README.md', 'utf8');
const blocks: Code[] = [];
visit(unified().use(remarkParse).parse(readme), 'code', (node: Code) => void blocks.push(node));

/** A note built around one README block, as an author would paste it. */
function noteFor(block: Code): string | undefined {
  if (block.lang === 'markdown') return noteMarkdown(`## 예제\n\n${block.value}\n\n## 정리\n\n끝.`);
  if (block.lang === 'diagram')
    return noteMarkdown(`## 예제\n\n\`\`\`diagram\n${block.value}\n\`\`\`\n\n## 정리\n\n끝.`);
  if (block.lang === 'yaml' && block.value.startsWith('---\n')) return `${block.value}\n\n## 정리\n\n끝.\n`;
  return undefined;
}

const notes = blocks.filter((block) => noteFor(block) !== undefined);
// A synonym list is a YAML list; the glossary's `terms:` example is a front-matter field.
const synonymLists = blocks.filter((block) => block.lang === 'yaml' && block.value.startsWith('- '));

describe('README examples', () => {
  it('has the examples an author copies: front matter, quizzes, a diagram, synonyms', () => {
    expect(notes.map((block) => block.lang)).toEqual(expect.arrayContaining(['yaml', 'markdown', 'diagram']));
    expect(synonymLists).toHaveLength(1);
  });

  it.each(notes.map((block) => [`${block.lang} block at README.md:${block.position?.start.line}`, block] as const))(
    '%s builds without a message',
    (_name, block) => {
      const { compiled, messages } = compileNote('content/example.md', noteFor(block)!);
      expect(messages.map(formatMessage)).toEqual([]);
      expect(compiled).toBeDefined();
      if (block.lang === 'markdown') {
        const ids = [...block.value.matchAll(/^:::quiz\{#([\w-]+)/gm)].map((match) => match[1]);
        expect(ids.length).toBeGreaterThan(0);
        expect(compiled!.questions.map((question) => question.id)).toEqual(ids);
      }
      if (block.lang === 'diagram') expect(compiled!.note.body.some((part) => part.kind === 'diagram')).toBe(true);
    },
  );

  it('keeps each quiz kind the README names', () => {
    const quiz = notes.find((block) => block.lang === 'markdown')!;
    const { compiled } = compileNote('content/example.md', noteFor(quiz)!);
    expect(compiled!.questions.map((question) => question.type)).toEqual([
      'single',
      'truefalse',
      'cloze',
      'flashcard',
      'order',
      'match',
    ]);
  });

  it('reads the synonyms example', () => {
    const result = parseSynonyms('content/search-synonyms.yaml', synonymLists[0]!.value);
    expect(result.messages.map(formatMessage)).toEqual([]);
    expect(result.groups).toContainEqual(['핸드셰이크', '핸드쉐이크', 'handshake']);
  });
});
