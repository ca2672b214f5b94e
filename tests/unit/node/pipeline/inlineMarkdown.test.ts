import { describe, expect, it } from 'vitest';
import { renderInline } from '../../../../src/node/pipeline/inlineMarkdown.ts';

describe('renderInline', () => {
  it('renders code spans, emphasis and strong, and gives the plain text', () => {
    expect(renderInline('`--chdir`와 `--module` 옵션을 **구분**한다')).toEqual({
      text: '--chdir와 --module 옵션을 구분한다',
      html: '<code>--chdir</code>와 <code>--module</code> 옵션을 <strong>구분</strong>한다',
    });
  });

  it('keeps emphasis next to Korean particles (CJK-friendly)', () => {
    expect(renderInline('**정규화**를 설명한다').html).toBe('<strong>정규화</strong>를 설명한다');
  });

  it('turns links and images into their text, and escapes HTML', () => {
    expect(renderInline('[노트](uwsgi.md)와 ![그림](a.png) <b>굵게</b>')).toEqual({
      text: '노트와 그림 <b>굵게</b>',
      html: '노트와 그림 &#x3C;b>굵게&#x3C;/b>',
    });
  });
});
