import { describe, expect, it } from 'vitest';
import { pageText, proseText } from '../../../../src/node/fonts/pageText.ts';

describe('pageText', () => {
  it('leaves out comments of interface code, keeps its strings and JSX text', () => {
    const code = [
      '// 한 줄 주석 ﬁ',
      'const url = "https://example.com/a"; /* 블록 ↠ */',
      'const re = /[\\/]src\\/\\//;',
      'export const A = () => (',
      '  <p title="제목">',
      '    {/* 숨은 ☃ */}',
      '    보이는 글',
      '  </p>',
      ');',
      'function f() {',
      '  return 1;',
      '  // 끝 주석 ✈',
      '}',
    ].join('\n');
    const kept = pageText('src/app/A.tsx', code);
    for (const shown of ['https://example.com/a', '제목', '보이는 글', 're = /[\\/]src']) expect(kept).toContain(shown);
    for (const hidden of ['ﬁ', '↠', '☃', '✈', '한 줄', '블록', '끝 주석']) expect(kept).not.toContain(hidden);
  });

  it('leaves out stylesheet comments and keeps notes whole', () => {
    expect(pageText('a.css', 'a { content: "→"; } /* ﬁ */')).toBe('a { content: "→"; }  ');
    expect(pageText('content/a.md', '<!-- 주석 -->\n`// ﬁ`')).toBe('<!-- 주석 -->\n`// ﬁ`');
  });
});

describe('proseText', () => {
  it('leaves out a note’s fenced code and inline code, which a monospace font draws', () => {
    const note = [
      "definition: '`X ↠ Y`로 쓴다'",
      '---',
      '트리 `a ─ b` 다음 줄 → 화살표',
      '',
      '```text',
      'mysite/',
      '├── manage.py',
      '└── config/',
      '```',
      '',
      '~~~',
      '│',
      '~~~',
      '끝 ``a`b`` 글',
    ].join('\n');
    const kept = proseText('content/a.md', note);
    for (const shown of ['트리', '다음 줄 → 화살표', '끝', '글', '로 쓴다']) expect(kept).toContain(shown);
    for (const hidden of ['↠', '─', '├', '└', '│', 'manage.py', 'a`b']) expect(kept).not.toContain(hidden);
  });

  it('keeps all of what pageText kept of other files', () => {
    const kept = pageText('a.css', 'a { content: "`→`"; } /* ﬁ */');
    expect(proseText('a.css', kept)).toBe(kept);
  });
});
