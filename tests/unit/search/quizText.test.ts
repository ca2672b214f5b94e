import { describe, expect, it } from 'vitest';
import { htmlToText, quizText } from '../../../src/node/search/quizText.ts';
import type { QuizQuestion } from '../../../src/shared/quiz.ts';

const base = {
  id: 'q',
  noteSlug: 'n',
  section: null,
  prompt: '<p>무엇이 <code>ALLOWED_HOSTS</code>에 들어가나?</p>',
  explanation: '<p>해설</p>',
};

describe('quizText', () => {
  it('gives the prompt and every choice, set apart, never the explanation', () => {
    const question: QuizQuestion = {
      ...base,
      type: 'single',
      choices: [
        { html: '도메인', correct: true },
        { html: '<code>*</code>', correct: false },
      ],
    };
    expect(quizText(question)).toBe('무엇이 ALLOWED_HOSTS에 들어가나? 도메인 · *');
  });

  it('hides what fills a cloze gap and the back of a flashcard', () => {
    expect(
      quizText({
        ...base,
        type: 'cloze',
        paragraphs: [
          [
            { kind: 'html', html: '소켓 권한은 ' },
            { kind: 'gap', answers: ['660'] },
            { kind: 'html', html: '이다.' },
          ],
        ],
      }),
    ).toBe('무엇이 ALLOWED_HOSTS에 들어가나? 소켓 권한은 ___ 이다.');
    expect(quizText({ ...base, type: 'flashcard', back: '<p>정답</p>' })).toBe('무엇이 ALLOWED_HOSTS에 들어가나?');
  });

  it('lists the items to order and both sides of a matching question', () => {
    expect(quizText({ ...base, prompt: '순서', type: 'order', items: ['1NF', '2NF'] })).toBe('순서 1NF · 2NF');
    expect(
      quizText({ ...base, prompt: '짝', type: 'match', pairs: [{ term: '갱신 이상', meaning: '한쪽만 고침' }] }),
    ).toBe('짝 갱신 이상: 한쪽만 고침');
  });
});

describe('htmlToText', () => {
  it('keeps inline markup inside words and breaks lines at blocks', () => {
    expect(htmlToText('<p><code>nginx</code>가</p><p>둘째</p>')).toBe(' nginx가  둘째 ');
  });

  it('decodes the character references hast-util-to-html writes', () => {
    expect(htmlToText('a &#x3C;b&#x3E; &#38; &amp; &lt;c&gt; &quot;d&quot;')).toBe('a <b> & & <c> "d"');
  });
});
