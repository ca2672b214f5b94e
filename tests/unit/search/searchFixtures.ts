import { collectNotes } from '../../../src/node/pipeline/collectNotes.ts';
import { buildSearchIndex } from '../../../src/node/search/buildSearchIndex.ts';
import { createSectionSearch, type LoadText, type SectionSearch } from '../../../src/app/search/searchSections.ts';
import type { BuiltSearch } from '../../../src/node/search/buildSearchIndex.ts';
import { noteMarkdown } from '../../fixtures/noteMarkdown.ts';

/** Three small notes whose sections each test one way of finding a word. */
export const FIXTURE_FILES = [
  {
    path: 'content/normalization.md',
    text: noteMarkdown(
      [
        '도입부에는 표 설계 이야기만 있다.',
        '',
        '## 정규화란 무엇인가',
        '',
        '정규화는 중복을 없애는 작업이다. 정규화를 하면 이상 현상이 사라진다.',
        '',
        '## 함수종속성',
        '',
        '함수종속성은 열 사이의 관계다.',
        '',
        '### 부분 종속',
        '',
        '키의 일부에만 종속되는 경우다. 정규화하지 않은 표에서 자주 본다.',
        '',
        ':::quiz{#fixture-partial}',
        '부분 종속을 일으키는 열을 고르세요.',
        '',
        '- [ ] 수량',
        '- [x] 상품명',
        '',
        '---',
        '설명에만 있는 낱말: 비밀해설.',
        ':::',
        '',
        ':::quiz{#fixture-card}',
        '결정자란?',
        '',
        '?',
        '',
        '다른 열을 정하는 열. 뒷면낱말.',
        ':::',
        '',
        '## 반정규화',
        '',
        '읽기 성능 때문에 일부러 중복을 두는 것을 반정규화라 한다.',
      ].join('\n'),
      { title: '데이터베이스 정규화', order: '1', tags: '[DB]' },
    ),
  },
  {
    path: 'content/https-ssl.md',
    text: noteMarkdown(
      [
        '## TLS 1.3 핸드셰이크',
        '',
        '클라이언트가 먼저 공개값을 보낸다. 핸드셰이크가 끝나면 대칭키로 암호화한다.',
        '',
        '## 인증서',
        '',
        '서버는 인증서로 공개 키를 증명한다. 핸드쉐이크라고 잘못 쓰는 사람도 있다.',
        '',
        '## 시큐어 쿠키',
        '',
        'Secure 속성이 붙은 쿠키는 HTTPS에서만 보낸다.',
      ].join('\n'),
      { title: 'HTTPS와 TLS', order: '2', tags: '[보안]' },
    ),
  },
  {
    path: 'content/django.md',
    text: noteMarkdown(
      [
        '## ALLOWED_HOSTS 설정',
        '',
        '`ALLOWED_HOSTS`에 도메인을 넣지 않으면 Django가 400을 돌려준다.',
        '',
        '```python',
        "ALLOWED_HOSTS = ['example.com']",
        '```',
        '',
        '## uWSGI 소켓',
        '',
        'nginx는 `uwsgi_pass`로 소켓에 요청을 넘긴다. `chmod-socket = 660`으로 권한을 준다.',
        '',
        '```ini',
        'chmod-socket = 660',
        '```',
      ].join('\n'),
      { title: 'Django 배포', order: '3', tags: '[Django]' },
    ),
  },
];

export const FIXTURE_SYNONYMS = [
  ['핸드셰이크', '핸드쉐이크', 'handshake'],
  ['시큐어', '씨큐어', 'secure'],
  ['공개키', '공개 키', 'public key'],
];

/** The fixture notes compiled and indexed the way the build does it. */
export function fixtureSearchData(synonyms: string[][] = FIXTURE_SYNONYMS): BuiltSearch {
  const collection = collectNotes(FIXTURE_FILES);
  if (collection.failed) throw new Error(collection.messages.map(String).join('\n'));
  // Through JSON, as the browser receives it.
  return JSON.parse(JSON.stringify(buildSearchIndex(collection.notes, synonyms))) as BuiltSearch;
}

/**
 * The fixture search with every note's text already loaded, or, with
 * `loadText`, with texts that arrive when that function says.
 */
export function fixtureSearch(synonyms?: string[][], loadText?: LoadText): SectionSearch {
  const { data, texts } = fixtureSearchData(synonyms);
  const search = createSectionSearch(data, loadText ?? ((note) => texts[note] ?? []));
  if (!loadText) void search.loadText(data.notes.map((note) => note.slug));
  return search;
}
