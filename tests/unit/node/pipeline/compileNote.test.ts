import { describe, expect, it } from 'vitest';
import { compileNote } from '../../../../src/node/pipeline/compileNote.ts';
import { formatMessage } from '../../../../src/node/pipeline/formatMessage.ts';
import { blocksToHtml } from '../../../../src/node/pipeline/splitBlocks.ts';

const htmlOf = (compiled: { note: { body: Parameters<typeof blocksToHtml>[0] } } | undefined) =>
  blocksToHtml(compiled?.note.body ?? []);
import { BODY_LINE, noteMarkdown } from '../../../fixtures/noteMarkdown.ts';

const compile = (markdown: string, path = 'content/test-note.md', base = '/') => {
  const result = compileNote(path, markdown, { base });
  return { ...result, lines: result.messages.map(formatMessage) };
};

describe('compileNote: front matter', () => {
  it('returns typed front matter, the slug from the file name and defaults', () => {
    const { compiled, messages } = compile(noteMarkdown('본문'), 'content/nginx-wsgi.md');
    expect(messages).toEqual([]);
    expect(compiled?.note).toMatchObject({
      slug: 'nginx-wsgi',
      title: '테스트 노트',
      summary: '테스트용 요약',
      order: 1,
      tags: ['테스트'],
      updated: '2026-11-25',
      goals: [],
      sources: [],
    });
  });

  it('renders goals as inline Markdown, with their plain text for search', () => {
    const { compiled } = compile(noteMarkdown('본문', { goals: "['`--ini`로 설정 파일을 준다']" }));
    expect(compiled?.note.goals).toEqual([
      { text: '--ini로 설정 파일을 준다', html: '<code>--ini</code>로 설정 파일을 준다' },
    ]);
  });

  it('reports a note without front matter at 1:1', () => {
    const { compiled, lines } = compile('## 제목\n\n본문');
    expect(compiled).toBeUndefined();
    expect(lines).toEqual([
      'content/test-note.md:1:1: error: Missing front matter: expected a YAML block between `---` lines at the top of the note',
    ]);
  });

  it('points at the value of a field with the wrong type', () => {
    const { lines } = compile(noteMarkdown('본문', { order: 'first' }));
    expect(lines).toEqual([
      'content/test-note.md:4:8-4:13: error: Invalid front matter field `order`: Invalid input: expected number, received string',
    ]);
  });

  it('names a missing field and an unknown one at its key', () => {
    const markdown = noteMarkdown('본문', { titel: 'x' }).replace('title: 테스트 노트\n', '');
    const { lines } = compile(markdown);
    expect(lines).toContain('content/test-note.md:1:1: error: Missing front matter field `title`: expected string');
    expect(lines).toContainEqual(
      expect.stringMatching(
        /^content\/test-note\.md:6:1-6:6: error: Unknown front matter field `titel`: expected one of title, summary/,
      ),
    );
  });

  it('rejects an impossible date and a source URL that is not http(s)', () => {
    const markdown = noteMarkdown('본문', { updated: '2026-02-30', sources: '[{ title: 책, url: "ftp://x" }]' });
    const { lines } = compile(markdown);
    expect(lines).toContainEqual(
      expect.stringMatching(/:6:10-6:20: error: Invalid front matter field `updated`: expected a real calendar date/),
    );
    expect(lines).toContainEqual(
      expect.stringMatching(/error: Invalid front matter field `sources\.0\.url`: expected an http\(s\) URL/),
    );
  });

  it('reports YAML syntax errors with their position', () => {
    const { compiled, lines } = compile('---\ntitle: [unclosed\n---\n\n본문');
    expect(compiled).toBeUndefined();
    expect(lines[0]).toMatch(/^content\/test-note\.md:2:\d+(-\d+:\d+)?: error: Invalid YAML in front matter: /);
  });

  it('rejects a file name that cannot be a URL slug', () => {
    const { lines } = compile(noteMarkdown('본문'), 'content/My Note.md');
    expect(lines[0]).toMatch(/content\/My Note\.md:1:1: error: Invalid note file name `My Note\.md`/);
  });
});

describe('compileNote: headings and outline', () => {
  it('gives headings github-slugger ids, keeps Hangul, and builds an h2/h3 outline', () => {
    const { compiled } = compile(
      noteMarkdown('## 제2정규형 (2NF)\n\n### 부분 함수 종속성\n\n#### 깊은 제목\n\n## 정리'),
    );
    expect(compiled?.note.outline).toEqual([
      { depth: 2, id: '제2정규형-2nf', text: '제2정규형 (2NF)' },
      { depth: 3, id: '부분-함수-종속성', text: '부분 함수 종속성' },
      { depth: 2, id: '정리', text: '정리' },
    ]);
  });

  it('adds an anchor link after each heading with a screen-reader label', () => {
    const { compiled } = compile(noteMarkdown('## 정리'));
    expect(htmlOf(compiled)).toContain('<h2 id="정리">정리</h2><a class="heading-anchor" href="#정리">');
    expect(htmlOf(compiled)).toContain('<span class="sr-only">“정리” 절 링크</span>');
  });

  it('makes repeated headings unique', () => {
    const { compiled } = compile(noteMarkdown('## 예시\n\n## 예시'));
    expect(compiled?.note.outline.map((item) => item.id)).toEqual(['예시', '예시-1']);
  });

  it('rejects a level-1 heading in the body, since the title is the page h1', () => {
    const { lines } = compile(noteMarkdown('# 또 다른 제목'));
    expect(lines).toEqual([
      `content/test-note.md:${BODY_LINE}:1-${BODY_LINE}:10: error: Unexpected \`#\` heading in the body: the title comes from front matter, so sections start at \`##\``,
    ]);
  });
});

describe('compileNote: code blocks', () => {
  it('highlights at build time and adds a header with title, language label and copy button', () => {
    const { compiled, messages } = compile(noteMarkdown('```bash title="setup.sh"\necho "hi"\n```'));
    expect(messages).toEqual([]);
    const html = htmlOf(compiled);
    expect(html).toContain('<span class="hljs-built_in">echo</span>');
    expect(html).toContain('<span class="code-title">setup.sh</span><span class="code-lang">Bash</span>');
    expect(html).toContain('<button type="button" class="code-copy" data-copy-code="">복사</button>');
    expect(html).toContain('<pre tabindex="0" role="group" aria-label="Bash 코드: setup.sh">');
  });

  it('names every code block uniquely in the note, numbering the names that repeat', () => {
    const block = (info: string) => `\`\`\`${info}\nx\n\`\`\``;
    const { compiled } = compile(
      noteMarkdown(
        [
          block('bash'),
          block('ini title="app.ini"'),
          block('bash'),
          block('python'),
          block('ini title="app.ini"'),
          block('bash'),
        ].join('\n\n'),
      ),
    );
    const names = [...htmlOf(compiled).matchAll(/<pre tabindex="0" role="group" aria-label="([^"]*)">/g)].map(
      (match) => match[1],
    );
    expect(names).toEqual([
      'Bash 코드 1',
      'INI 코드 1: app.ini',
      'Bash 코드 2',
      'Python 코드',
      'INI 코드 2: app.ini',
      'Bash 코드 3',
    ]);
  });

  it('highlights nginx and treats systemd units as ini', () => {
    const { compiled } = compile(
      noteMarkdown('```nginx\nserver { listen 80; }\n```\n\n```systemd\n[Unit]\nDescription=x\n```'),
    );
    const html = htmlOf(compiled);
    expect(html).toMatch(/<code class="hljs language-nginx"><span class="hljs-section">server<\/span>/);
    expect(html).toContain('<span class="code-lang">systemd</span>');
    expect(html).toContain('<span class="hljs-section">[Unit]</span>');
  });

  it('warns, without failing, about an unknown language or attribute', () => {
    const { compiled, lines } = compile(noteMarkdown('```cobol colour="red"\nDISPLAY X\n```'));
    expect(compiled).toBeDefined();
    expect(lines).toContainEqual(
      expect.stringMatching(
        new RegExp(
          `^content/test-note\\.md:${BODY_LINE}:1-${BODY_LINE + 2}:4: warning: Unknown code language \`cobol\``,
        ),
      ),
    );
    expect(lines).toContainEqual(expect.stringMatching(/warning: Unknown code block attribute `colour`/));
  });
});

describe('compileNote: callouts and directives', () => {
  it.each([
    ['note', '참고'],
    ['tip', '팁'],
    ['warning', '주의'],
    ['update', '2018년 이후 바뀐 점'],
  ])('renders :::%s as a callout with its default title', (kind, title) => {
    const { compiled } = compile(noteMarkdown(`:::${kind}\n내용 **강조**\n:::`));
    expect(htmlOf(compiled)).toBe(
      `<div class="callout callout-${kind}" role="note" aria-label="${title}"><p class="callout-title">${title}</p><p>내용 <strong>강조</strong></p></div>`,
    );
  });

  it('uses the [label] as the callout title', () => {
    const { compiled } = compile(noteMarkdown(':::update[SSL → TLS]\n지금은 TLS 1.3\n:::'));
    expect(htmlOf(compiled)).toContain(
      'aria-label="2018년 이후 바뀐 점: SSL → TLS"><p class="callout-title">SSL → TLS</p>',
    );
  });

  it('names a callout by its title alone when the title already starts with its kind', () => {
    const { compiled } = compile(noteMarkdown(":::update[2018년 이후 바뀐 점: 'SSL'은 이제 TLS]\n내용\n:::"));
    expect(htmlOf(compiled)).toContain(`aria-label="2018년 이후 바뀐 점: &#x27;SSL&#x27;은 이제 TLS"`);
  });

  it('rejects an unknown container directive with its position and the known names', () => {
    const { compiled, lines } = compile(noteMarkdown('본문\n\n:::spoiler\n질문\n:::'));
    expect(compiled).toBeUndefined();
    expect(lines).toEqual([
      `content/test-note.md:${BODY_LINE + 2}:1-${BODY_LINE + 4}:4: error: Unknown directive \`:::spoiler\`: expected one of \`:::note\`, \`:::tip\`, \`:::warning\`, \`:::update\`, \`:::deep\``,
    ]);
  });

  it('rejects leaf directives and text directives with attributes', () => {
    const { lines } = compile(noteMarkdown('::video\n\n문장 :abbr[SSL]{title="x"}'));
    expect(lines).toHaveLength(2);
    expect(lines[0]).toMatch(/:9:1-9:8: error: Unknown directive `::video`/);
    expect(lines[1]).toMatch(/:11:4-11:25: error: Unknown text directive `:abbr`/);
  });

  it('keeps a bare colon word such as a time as plain text', () => {
    const { compiled, messages } = compile(noteMarkdown('회의는 10:30am, 서버는 localhost:dev'));
    expect(messages).toEqual([]);
    expect(htmlOf(compiled)).toBe('<p>회의는 10:30am, 서버는 localhost:dev</p>');
  });
});

describe('compileNote: links', () => {
  it('rewrites links to other notes under the base path and collects them', () => {
    const { compiled } = compile(
      noteMarkdown('[TLS](https-ssl.md#tls-13) [처음](./uwsgi.md)'),
      'content/a.md',
      '/study-notes/',
    );
    expect(htmlOf(compiled)).toContain('href="/study-notes/notes/https-ssl/#tls-13"');
    expect(htmlOf(compiled)).toContain('href="/study-notes/notes/uwsgi/"');
    expect(compiled?.links.map(({ slug, fragment }) => ({ slug, fragment }))).toEqual([
      { slug: 'https-ssl', fragment: 'tls-13' },
      { slug: 'uwsgi', fragment: undefined },
    ]);
  });

  it('accepts a same-page link to an existing heading and rejects a missing one', () => {
    const ok = compile(noteMarkdown('## 정리\n\n[위로](#정리)'));
    expect(ok.messages).toEqual([]);
    const broken = compile(noteMarkdown('## 정리\n\n[위로](#요약)'));
    expect(broken.lines).toEqual([
      `content/test-note.md:${BODY_LINE + 2}:1-${BODY_LINE + 2}:10: error: Broken link \`#요약\`: no heading with id \`요약\` in this note (expected one of #정리)`,
    ]);
  });

  it('rejects root-relative and non-note relative links, which break under a base path', () => {
    const { lines } = compile(noteMarkdown('[a](/notes/uwsgi/) [b](images/x.png)'));
    expect(lines).toHaveLength(2);
    expect(lines[0]).toMatch(/:9:1-9:19: error: Unexpected link `\/notes\/uwsgi\/`: expected a full URL/);
  });

  it('leaves external links alone', () => {
    const { compiled } = compile(noteMarkdown('[RFC 8446](https://www.rfc-editor.org/rfc/rfc8446)'));
    expect(htmlOf(compiled)).toContain('href="https://www.rfc-editor.org/rfc/rfc8446"');
    expect(compiled?.links).toEqual([]);
  });
});

describe('compileNote: tables, text and reading time', () => {
  it('renders GFM tables', () => {
    const { compiled } = compile(noteMarkdown('| 주문번호 | 고객번호 |\n| --- | --- |\n| 1 | C01 |'));
    expect(htmlOf(compiled)).toContain('<th>주문번호</th>');
    expect(htmlOf(compiled)).toContain('<td>C01</td>');
  });

  it('extracts plain text without front matter and estimates reading time', () => {
    const body = `## 제목\n\n${'가'.repeat(1500)}`;
    const { compiled } = compile(noteMarkdown(body));
    expect(compiled?.text.startsWith('제목')).toBe(true);
    expect(compiled?.text).not.toContain('summary');
    expect(compiled?.note.readingMinutes).toBe(3);
  });

  it('does not pass raw HTML through: it refuses the note, naming each tag (see remarkRawHtml.test.ts)', () => {
    const { compiled, lines } = compile(noteMarkdown('<script>alert(1)</script>\n\n문단 <b>굵게</b>'));
    expect(compiled).toBeUndefined();
    expect(lines.map((line) => /raw HTML `([^`]+)`/.exec(line)?.[1])).toEqual(['<script>', '<b>', '</b>']);
  });
});

describe('compileNote: tables', () => {
  it('wraps a table in a focusable region labelled with its columns, so it can scroll by keyboard', () => {
    const { compiled } = compileNote(
      'content/t.md',
      noteMarkdown('| 주문번호 | 고객번호 |\n| --- | --- |\n| 1 | C01 |'),
    );
    expect(htmlOf(compiled)).toMatch(
      /^<div class="scroll-frame"><div class="table-scroll" tabindex="0" role="region" aria-label="표: 주문번호, 고객번호"><table>/,
    );
  });
});

describe('compileNote: table headers', () => {
  it('warns about an empty header cell, with its position', () => {
    const result = compileNote('content/t.md', noteMarkdown('|  | 유닉스 소켓 |\n| --- | --- |\n| uwsgi | 빠름 |'));
    expect(result.messages.map(formatMessage)).toEqual([
      `content/t.md:${BODY_LINE}:1-${BODY_LINE}:4: warning: Empty table header cell: expected a label (e.g. \`구분\`), since screen readers read it for every cell below`,
    ]);
  });
});

describe('compileNote: Korean emphasis', () => {
  it('closes ** before a Korean particle, even after code or punctuation', () => {
    const { compiled } = compileNote('content/t.md', noteMarkdown('**`ALLOWED_HOSTS`**는 중요하고 **"따옴표"**이다.'));
    expect(blocksToHtml(compiled?.note.body ?? [])).toBe(
      '<p><strong><code>ALLOWED_HOSTS</code></strong>는 중요하고 <strong>"따옴표"</strong>이다.</p>',
    );
  });
});
