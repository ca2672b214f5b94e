import { describe, expect, it } from 'vitest';
import { collectNotes } from '../../../../src/node/pipeline/collectNotes.ts';
import { compileNote } from '../../../../src/node/pipeline/compileNote.ts';
import { formatMessage } from '../../../../src/node/pipeline/formatMessage.ts';
import { BODY_LINE, noteMarkdown } from '../../../fixtures/noteMarkdown.ts';

const compile = (body: string) => {
  const result = compileNote('content/quiz.md', noteMarkdown(body));
  return { questions: result.compiled?.questions ?? [], lines: result.messages.map(formatMessage), result };
};

describe('remarkQuiz: question types', () => {
  it('reads a task list as single choice, with the explanation after ---, linked to its h2 section', () => {
    const { questions, result } = compile(
      '## 제2정규형\n\n### 예시\n\n:::quiz{#db-2nf-01}\n무엇을 없애나?\n\n- [ ] 이행 종속\n- [x] **부분** 종속\n\n---\n키의 일부에 종속.\n:::',
    );
    expect(questions).toEqual([
      {
        id: 'db-2nf-01',
        noteSlug: 'quiz',
        section: { id: '제2정규형', title: '제2정규형' },
        explanation: '<p>키의 일부에 종속.</p>',
        type: 'single',
        prompt: '<p>무엇을 없애나?</p>',
        choices: [
          { html: '이행 종속', correct: false },
          { html: '<strong>부분</strong> 종속', correct: true },
        ],
      },
    ]);
    expect(result.compiled?.note.questionIds).toEqual(['db-2nf-01']);
    expect(result.compiled?.note.body.map((block) => block.kind)).toEqual(['html', 'quiz']);
  });

  it('makes several [x] a multiple choice and 참/거짓 a true/false question', () => {
    const { questions } = compile(
      ':::quiz{#a}\n고르기\n\n- [x] A\n- [x] B\n- [ ] C\n:::\n\n:::quiz{#b}\nSSL 3.0은 안전하다.\n\n- [ ] 참\n- [x] 거짓\n:::',
    );
    expect(questions.map((question) => question.type)).toEqual(['multiple', 'truefalse']);
  });

  it('reads ==gaps== with variants as a cloze, keeping the text around them', () => {
    const { questions } = compile(
      ':::quiz{#c}\nnginx는 `include uwsgi_params`와 ==uwsgi_pass|uwsgi pass== 로 넘긴다.\n:::',
    );
    expect(questions[0]).toMatchObject({
      type: 'cloze',
      paragraphs: [
        [
          { kind: 'html', html: 'nginx는 <code>include uwsgi_params</code>와 ' },
          { kind: 'gap', answers: ['uwsgi_pass', 'uwsgi pass'] },
          { kind: 'html', html: ' 로 넘긴다.' },
        ],
      ],
    });
  });

  it('splits a flashcard at the ? line', () => {
    const { questions } = compile(':::quiz{#d}\nWSGI는?\n\n?\n\nWeb Server Gateway Interface\n:::');
    expect(questions[0]).toMatchObject({
      type: 'flashcard',
      prompt: '<p>WSGI는?</p>',
      back: '<p>Web Server Gateway Interface</p>',
    });
  });

  it('reads type=order lists in order and type=match pairs', () => {
    const { questions } = compile(
      ':::quiz{#e type=order}\n순서\n\n1. ClientHello\n2. ServerHello\n:::\n\n:::quiz{#f type=match}\n- 1NF :: 원자값\n- 2NF :: 부분 종속 제거\n:::',
    );
    expect(questions[0]).toMatchObject({ type: 'order', items: ['ClientHello', 'ServerHello'] });
    expect(questions[1]).toMatchObject({
      type: 'match',
      pairs: [
        { term: '1NF', meaning: '원자값' },
        { term: '2NF', meaning: '부분 종속 제거' },
      ],
    });
  });
});

describe('remarkQuiz: mistakes stop the build with a position', () => {
  it.each([
    [':::quiz\n질문\n\n- [x] A\n:::', /Missing question id: expected `:::quiz\{#some-id\}`/],
    [':::quiz{#Bad_Id}\n질문\n\n- [x] A\n:::', /Invalid question id `Bad_Id`/],
    [':::quiz{#q}\n질문\n\n- [ ] A\n- [ ] B\n:::', /Question `q`: expected at least one correct choice marked `\[x\]`/],
    [':::quiz{#q type=essay}\n질문\n:::', /Question `q`: unknown type `essay`/],
    [':::quiz{#q}\n그냥 문장\n:::', /Question `q`: cannot tell the question type/],
    [
      ':::quiz{#q type=match}\n- 1NF 원자값\n- 2NF :: 부분\n:::',
      /Question `q`: expected each item written as `term :: meaning`/,
    ],
    [':::quiz{#q}\n앞면\n\n?\n:::', /Question `q`: expected the back of the card after `\?`/],
  ])('%s', (body, expected) => {
    const { lines, result } = compile(body);
    expect(result.compiled).toBeUndefined();
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(/^content\/quiz\.md:\d+:\d+-\d+:\d+: error: /);
    expect(lines[0]).toMatch(expected);
  });

  it('rejects a duplicate id in one note, and a quiz nested in a callout', () => {
    const duplicate = compile(':::quiz{#q}\nA\n\n- [x] a\n:::\n\n:::quiz{#q}\nB\n\n- [x] b\n:::');
    expect(duplicate.lines).toEqual([
      `content/quiz.md:${BODY_LINE + 6}:9-${BODY_LINE + 6}:11: error: Duplicate question id \`q\`: line ${BODY_LINE} already uses it; expected every \`:::quiz{#id}\` to be unique`,
    ]);
    const nested = compile('::::note\n:::quiz{#q}\nA\n\n- [x] a\n:::\n::::');
    expect(nested.lines[0]).toMatch(/Unexpected `:::quiz` inside another block: expected it at the top level/);
  });

  it('rejects the same id in two notes at the second id, naming the place of the first', () => {
    const { failed, messages } = collectNotes([
      { path: 'content/a.md', text: noteMarkdown(':::quiz{#same}\nA\n\n- [x] a\n:::') },
      { path: 'content/b.md', text: noteMarkdown('## 절\n\n:::quiz{id=same type=single}\nB\n\n- [x] b\n:::') },
    ]);
    expect(failed).toBe(true);
    expect(messages.map(formatMessage)).toEqual([
      `content/b.md:${BODY_LINE + 2}:12-${BODY_LINE + 2}:16: error: Duplicate question id \`same\`: \`content/a.md:${BODY_LINE}:9\` already uses it; expected ids unique across all notes, since progress is stored under the id`,
    ]);
  });
});
