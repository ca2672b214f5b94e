// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { collectNotes } from '../../../src/node/pipeline/collectNotes.ts';
import { compileNote } from '../../../src/node/pipeline/compileNote.ts';
import { buildSearchIndex } from '../../../src/node/search/buildSearchIndex.ts';
import { withDerivedIds } from '../../../src/shared/search/docIds.ts';
import { noteMarkdown } from '../../fixtures/noteMarkdown.ts';
import { FIXTURE_FILES } from './searchFixtures.ts';

describe('sections of a compiled note', () => {
  it('cut the text at h2 and h3, keeping heading ids, code and tables, without anchor or button text', () => {
    const markdown = noteMarkdown(
      [
        '머리말 문단.',
        '',
        '## 첫째 절',
        '',
        '본문과 `ALLOWED_HOSTS`.',
        '',
        '```bash',
        'chmod 660 /run/uwsgi/mysite.sock',
        '```',
        '',
        '| 키 | 값 |',
        '| --- | --- |',
        '| socket | /run/uwsgi |',
        '',
        ':::tip[알아 두기]',
        '상자 안의 글.',
        ':::',
        '',
        '### 작은 절',
        '',
        '- 하나',
        '- 둘',
        '',
        '#### 더 작은 제목',
        '',
        '끝.',
      ].join('\n'),
    );
    const sections = compileNote('content/sample.md', markdown).compiled?.sections;
    expect(sections).toEqual([
      { depth: 1, heading: '', text: '머리말 문단.' },
      {
        depth: 2,
        id: '첫째-절',
        heading: '첫째 절',
        text: '본문과 ALLOWED_HOSTS. chmod 660 /run/uwsgi/mysite.sock 키 값 socket /run/uwsgi 알아 두기 상자 안의 글.',
      },
      { depth: 3, id: '작은-절', heading: '작은 절', text: '하나 둘 더 작은 제목 끝.' },
    ]);
  });
});

describe('buildSearchIndex', () => {
  const { notes } = collectNotes(FIXTURE_FILES);

  it('files each glossary term under the note that defines it, its definition as the text', () => {
    const entry = {
      id: 'sni',
      term: 'SNI',
      also: ['Server Name Indication'],
      definition: { text: '접속할 호스트 이름을 알리는 확장.', html: '접속할 호스트 이름을 알리는 확장.' },
      definedIn: 'https-ssl',
      usedIn: ['https-ssl'],
    };
    const { data, texts } = buildSearchIndex(notes, [], [entry, { ...entry, id: 'x', definedIn: 'gone' }]);
    const terms = withDerivedIds(data.docs).filter((doc) => doc.kind === 'term');
    expect(terms).toEqual([{ note: 1, kind: 'term', id: 'sni', heading: 'SNI' }]);
    // The download leaves out an id the browser works out from the heading.
    expect(data.docs.find((doc) => doc.kind === 'term')).toEqual({ note: 1, kind: 'term', heading: 'SNI' });
    // The snippet text sits at the term's position among its note's documents.
    const position = withDerivedIds(data.docs)
      .filter((doc) => doc.note === 1)
      .findIndex((doc) => doc.kind === 'term');
    expect(texts[1]?.[position]).toBe('접속할 호스트 이름을 알리는 확장.');
  });

  it('makes one document per section plus one per note opening with its summary', () => {
    const { data, texts } = buildSearchIndex(notes);
    expect(data.notes.map((note) => note.slug)).toEqual(['normalization', 'https-ssl', 'django']);
    expect(withDerivedIds(data.docs)[0]).toEqual({ note: 0 });
    expect(texts[0]?.[0]).toBe('테스트용 요약 도입부에는 표 설계 이야기만 있다.');
    expect(withDerivedIds(data.docs).find((doc) => doc.id === '부분-종속')).toMatchObject({
      note: 0,
      heading: '부분 종속',
      parent: '함수종속성',
    });
    expect(withDerivedIds(data.docs).filter((doc) => doc.kind !== 'quiz')).toHaveLength(3 * 1 + 4 + 3 + 2);
  });

  it('makes one document per quiz question, opening at the question, without answers or explanation', () => {
    const { data, texts } = buildSearchIndex(notes);
    const questions = withDerivedIds(data.docs).filter((doc) => doc.kind === 'quiz');
    expect(questions).toEqual([
      { note: 0, kind: 'quiz', id: 'quiz-fixture-partial', parent: '함수종속성' },
      { note: 0, kind: 'quiz', id: 'quiz-fixture-card', parent: '함수종속성' },
    ]);
    expect(texts[0]?.slice(-2)).toEqual(['부분 종속을 일으키는 열을 고르세요. 수량 · 상품명', '결정자란?']);
  });

  it('keeps the text out of the index: one text list per note, one entry per document', () => {
    const { data, texts } = buildSearchIndex(notes);
    expect(JSON.stringify(data)).not.toContain('이상 현상이 사라진다');
    expect(texts.map((text) => text.length)).toEqual(
      data.notes.map((_, note) => withDerivedIds(data.docs).filter((doc) => doc.note === note).length),
    );
  });

  it('turns the synonyms into query terms', () => {
    const { data } = buildSearchIndex(notes, [['공개 키', '공개키', 'Public Key']]);
    expect(data.synonyms).toEqual([[['공개', '키'], ['공개키'], ['public', 'key']]]);
  });

  it('is deterministic: the same notes give the same JSON', () => {
    expect(JSON.stringify(buildSearchIndex(notes))).toBe(JSON.stringify(buildSearchIndex(notes)));
  });
});
