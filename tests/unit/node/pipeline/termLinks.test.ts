import { describe, expect, it } from 'vitest';
import { collectNotes } from '../../../../src/node/pipeline/collectNotes.ts';
import { compileNote } from '../../../../src/node/pipeline/compileNote.ts';
import { formatMessage } from '../../../../src/node/pipeline/formatMessage.ts';
import { blocksToHtml } from '../../../../src/node/pipeline/splitBlocks.ts';
import { noteMarkdown } from '../../../fixtures/noteMarkdown.ts';

/** A `terms:` block (the last front-matter field) as `noteMarkdown` takes it. */
const TERMS = `
  - term: 조인
    also: [JOIN]
    definition: 두 테이블의 행을 **공통 열**로 잇는 연산.
  - term: MAC
    definition: 메시지 인증 코드.
  - term: 트리거
    definition: 행이 바뀔 때 저절로 도는 동작.`;
/** With `TERMS` in its front matter, a note's body starts on this line. */
const BODY_LINE = 17;

const compile = (body: string, terms = TERMS, base = '/') => {
  const result = compileNote('content/test-note.md', noteMarkdown(body, { terms }), { base });
  return {
    ...result,
    html: blocksToHtml(result.compiled?.note.body ?? []),
    lines: result.messages.map(formatMessage),
  };
};

/** The text of every term link, in order. */
const linked = (html: string) => [...html.matchAll(/<a [^>]*class="term-link"[^>]*>(.*?)<\/a>/g)].map((m) => m[1]);

describe('term links: first use in prose', () => {
  it('links only the first use of each term, with a particle after it', () => {
    const { html, lines, compiled } = compile('조인을 쓴다. 조인은 또 나온다.\n\n트리거는 자동이다. MAC도 있다.');
    expect(lines).toEqual([]);
    expect(linked(html)).toEqual(['조인', '트리거', 'MAC']);
    expect(compiled?.linkedTerms).toEqual(['조인', '트리거', 'mac']);
  });

  it('goes to the glossary entry under the base path and carries the definition for screen readers', () => {
    const { html } = compile('조인을 쓴다.', TERMS, '/study-notes/');
    expect(html).toContain(
      '<a href="/study-notes/glossary/#조인" class="term-link" data-term="조인" aria-describedby="term-def-조인">조인</a>' +
        '<span id="term-def-조인" class="term-popover" role="tooltip" hidden><strong class="term-popover-term">조인</strong> 두 테이블의 행을 <strong>공통 열</strong>로 잇는 연산.</span>을 쓴다.',
    );
  });

  it('links a term inside emphasis with its particle outside (`**조인**을`)', () => {
    expect(linked(compile('**조인**을 쓴다.').html)).toEqual(['조인']);
  });

  it('does not link MAC inside HMAC, nor a term inside a longer Korean word', () => {
    const { html } = compile('HMAC과 조인트, 비트리거. 그다음 MAC.');
    expect(linked(html)).toEqual(['MAC']);
  });

  it('never links in code, headings, links, callout titles or quizzes, and links the first use in prose after them', () => {
    const body = [
      '## 조인 이야기',
      '',
      '`MAC`과 [트리거 문서](https://example.com/)',
      '',
      '```sql',
      'SELECT * FROM a JOIN b;',
      '```',
      '',
      ':::note[조인 주의]',
      '본문',
      ':::',
      '',
      ':::quiz{#q-1}',
      '트리거와 MAC과 조인은?',
      '',
      '- [x] 참',
      '- [ ] 거짓',
      ':::',
      '',
      '마지막으로 조인, 트리거, MAC.',
    ].join('\n');
    const { html, lines } = compile(body);
    expect(lines).toEqual([]);
    expect(linked(html)).toEqual(['조인', '트리거', 'MAC']);
    expect(html).toContain('<h2 id="조인-이야기">조인 이야기</h2>');
    expect(html).toMatch(/마지막으로 <a [^>]*>조인<\/a>/);
  });

  it('links the terms of any note, across the site', () => {
    const { notes, failed, glossary } = collectNotes([
      { path: 'content/a.md', text: noteMarkdown('A는 조인을 쓴다.', { terms: TERMS }) },
      { path: 'content/b.md', text: noteMarkdown('B도 조인과 MAC을 쓴다.', { order: '2' }) },
    ]);
    expect(failed).toBe(false);
    expect(linked(blocksToHtml(notes[1]?.note.body ?? []))).toEqual(['조인', 'MAC']);
    expect(glossary.find((entry) => entry.id === '조인')).toMatchObject({ definedIn: 'a', usedIn: ['a', 'b'] });
    expect(notes[1]?.note.terms).toEqual([]);
    expect(notes[0]?.note.terms.map((term) => term.term)).toEqual(['조인', 'MAC', '트리거']);
  });
});

describe('term links: author markers', () => {
  it('`:term[…]` links that use instead of the first', () => {
    const { html } = compile('조인을 먼저 쓴다. 여기서 :term[조인]을 설명한다.');
    expect(linked(html)).toEqual(['조인']);
    expect(html).toMatch(/^<p>조인을 먼저 쓴다\. 여기서 <a /);
  });

  it('`:term[text]{#id}` links other words to a named term, and links inline code when asked', () => {
    const { html } = compile('행을 :term[잇는 연산]{#조인}으로 합친다. :term[`MAC`] 값.');
    expect(linked(html)).toEqual(['잇는 연산', '<code>MAC</code>']);
  });

  it('`:noterm[…]` keeps a use unlinked and the next use is linked', () => {
    const { html } = compile('여기의 :noterm[조인]은 다른 뜻이다. 조인을 쓴다.');
    expect(html).toMatch(/^<p>여기의 조인은 다른 뜻이다\. <a [^>]*>조인<\/a><span [^>]*>.*?<\/span>을 쓴다\.<\/p>/);
  });

  it('reports `:term` naming an unknown term at its place', () => {
    const { compiled, lines } = compile('앞말 :term[없는 말] 뒷말');
    expect(compiled).toBeUndefined();
    expect(lines).toEqual([
      expect.stringMatching(
        new RegExp(
          `^content/test-note\\.md:${BODY_LINE}:4-${BODY_LINE}:15: error: Unknown term \`없는 말\` in \`:term\\[없는 말\\]\`: expected a term defined in the \`terms:\` of a note`,
        ),
      ),
    ]);
  });

  it('reports `:term` in a heading or a quiz, where terms are never linked', () => {
    const { lines } = compile('## :term[조인] 제목\n\n:::quiz{#q-2}\n:term[MAC]?\n\n- [x] 참\n- [ ] 거짓\n:::');
    expect(lines).toEqual([
      `content/test-note.md:${BODY_LINE}:4-${BODY_LINE}:13: error: Unexpected \`:term[조인]\` in a heading: terms are never linked in headings, links, quizzes or callout titles; expected it in the note's prose`,
      `content/test-note.md:${BODY_LINE + 3}:1-${BODY_LINE + 3}:11: error: Unexpected \`:term[MAC]\` in a quiz: terms are never linked in headings, links, quizzes or callout titles; expected it in the note's prose`,
    ]);
  });
});

describe('terms: front matter errors', () => {
  it('points at a bad entry: a missing definition, an unknown field, a bad id', () => {
    const terms = `
  - term: 조인
  - term: 트리거
    definition: 동작.
    meaning: x
  - term: MAC
    id: 'mac:1'
    definition: 코드.`;
    const { lines } = compile('본문', terms);
    expect(lines).toEqual([
      `content/test-note.md:8:5-9:1: error: Missing front matter field \`terms.0.definition\`: expected string`,
      expect.stringMatching(/^content\/test-note\.md:11:5-11:12: error: Unknown front matter field `meaning`/),
      expect.stringMatching(
        /^content\/test-note\.md:13:9-13:16: error: Invalid front matter field `terms\.2\.id`: expected letters, digits/,
      ),
    ]);
  });

  it('reports a term defined twice in one note, at the second', () => {
    const terms = `${TERMS}
  - term: 조인
    definition: 또 다른 정의.`;
    const { lines } = compile('본문', terms);
    expect(lines).toEqual([
      'content/test-note.md:15:11-15:13: error: Term `조인` defined twice: `content/test-note.md:8:11` already defines it; expected each term defined once, in the note that teaches it (other notes link to it by using it)',
    ]);
  });

  it('reports two terms with one id (made from different headwords), at the second', () => {
    const terms = `${TERMS}
  - term: mac
    id: mac2
    definition: 다른 것.
  - term: 맥
    id: mac
    definition: 또 다른 것.`;
    const { lines } = compile('본문', terms);
    expect(lines).toEqual([
      'content/test-note.md:15:11-15:14: error: Term `mac` defined twice: `content/test-note.md:11:11` already defines it; expected each term defined once, in the note that teaches it (other notes link to it by using it)',
      'content/test-note.md:18:11-18:12: error: Duplicate term id `mac` for `맥`: `content/test-note.md:11:11` already uses it; expected every term id unique across all notes (set `id:` to tell two terms apart), since links and flashcard progress use it',
    ]);
  });

  it('reports a term (or another spelling of it) defined in two notes, with both places', () => {
    const { failed, messages } = collectNotes([
      { path: 'content/a.md', text: noteMarkdown('A', { terms: TERMS }) },
      {
        path: 'content/b.md',
        text: noteMarkdown('B', { order: '2', terms: '\n  - term: 결합\n    also: [join]\n    definition: 같은 것.' }),
      },
    ]);
    expect(failed).toBe(true);
    expect(messages.map(formatMessage)).toEqual([
      'content/b.md:9:12-9:16: error: Term `join` defined twice: `content/a.md:9:12` already defines it; expected each term defined once, in the note that teaches it (other notes link to it by using it)',
    ]);
  });
});
