// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { transpositions, type SectionHit } from '../../../src/app/search/searchSections.ts';
import { fixtureSearch } from './searchFixtures.ts';

const search = fixtureSearch();
/** `note#heading` of each hit, for readable expectations. */
const places = (query: string, options = {}) => search.search(query, options).hits.map(place);
const place = (hit: SectionHit) => `${hit.pathname.split('/')[2]}#${hit.headingId ?? ''}`;
const marked = (parts: { text: string; mark: boolean }[] | undefined) =>
  (parts ?? []).filter((part) => part.mark).map((part) => part.text);

describe('ranking: Korean', () => {
  it('finds a word with any particle attached, the section named for it first', () => {
    for (const query of ['정규화', '정규화를', '정규화는', '정규화의']) {
      const hits = places(query);
      expect(hits[0], query).toBe('normalization#정규화란-무엇인가');
      expect(hits, query).toContain('normalization#부분-종속'); // "정규화하지"
    }
  });

  it('finds partial words by their beginning', () => {
    expect(places('정규')[0]).toBe('normalization#정규화란-무엇인가');
    expect(places('핸드')).toContain('https-ssl#tls-13-핸드셰이크');
  });

  it('finds the end of a compound word, ranked below whole-word matches', () => {
    expect(places('종속성')).toEqual(['normalization#함수종속성']);
    const hits = places('정규화');
    expect(hits.indexOf('normalization#반정규화')).toBeGreaterThan(0);
  });

  it('ranks a heading match above a passing mention', () => {
    const hits = places('소켓');
    expect(hits[0]).toBe('django#uwsgi-소켓');
  });

  it('treats loan-word spellings in the synonym list as the same word', () => {
    expect(places('핸드쉐이크')).toEqual(expect.arrayContaining(['https-ssl#tls-13-핸드셰이크', 'https-ssl#인증서']));
    expect(places('핸드셰이크')).toEqual(expect.arrayContaining(['https-ssl#인증서']));
    expect(places('씨큐어')).toEqual(['https-ssl#시큐어-쿠키']);
    expect(places('handshake')[0]).toBe('https-ssl#tls-13-핸드셰이크');
  });

  it('matches a spaced synonym phrase against the joined word', () => {
    expect(places('공개키')).toEqual(['https-ssl#인증서']);
  });
});

describe('ranking: English and config keys', () => {
  it('matches config keys in any case, the section about them first', () => {
    for (const query of ['ALLOWED_HOSTS', 'allowed_hosts', 'Allowed_Hosts']) {
      expect(places(query)[0], query).toBe('django#allowed_hosts-설정');
    }
    expect(places('uwsgi_pass')).toEqual(['django#uwsgi-소켓']);
    expect(places('chmod-socket')).toEqual(['django#uwsgi-소켓']);
    expect(places('allowed hosts')[0]).toBe('django#allowed_hosts-설정');
  });

  it('forgives one typo in a longer word', () => {
    expect(places('uwsgi_pas')).toEqual(['django#uwsgi-소켓']);
  });

  it('forgives two letters typed the wrong way round, and marks the word as spelled', () => {
    expect(places('ngnix')).toEqual(['django#uwsgi-소켓']);
    expect(places('ngnix 소켓')).toEqual(['django#uwsgi-소켓']);
    const [hit] = search.search('ngnix').hits;
    expect(marked(hit?.snippet)).toContain('nginx');
    // Short words are not swapped: `tsl` is not TLS.
    expect(transpositions('tsl')).toEqual([]);
    expect(transpositions('ngnix')).toEqual(['gnnix', 'nngix', 'nginx', 'ngnxi']);
  });

  it('finds notes by title and tags', () => {
    expect(places('Django')).toContain('django#');
    expect(places('DB')[0]?.startsWith('normalization#')).toBe(true);
  });

  it('needs every word, and says so when it falls back to any word', () => {
    expect(search.search('nginx 소켓').matched).toBe('all');
    expect(places('nginx 소켓')).toEqual(['django#uwsgi-소켓']);
    const fallback = search.search('nginx 핸드셰이크');
    expect(fallback.matched).toBe('some');
    expect(fallback.hits.map(place)).toEqual(
      expect.arrayContaining(['django#uwsgi-소켓', 'https-ssl#tls-13-핸드셰이크']),
    );
  });
});

describe('results', () => {
  it('give the note title, the heading, its h2 for an h3, and a link to the heading', () => {
    const [hit] = search.search('부분 종속').hits;
    expect(hit).toMatchObject({
      pathname: '/notes/normalization/',
      hash: `#${encodeURIComponent('부분-종속')}`,
      headingId: '부분-종속',
      parent: '함수종속성',
    });
    expect(hit?.noteTitle.map((part) => part.text).join('')).toBe('데이터베이스 정규화');
    expect(marked(hit?.heading)).toEqual(['부분', '종속']);
  });

  it('mark only the typed part of a word in the snippet', () => {
    const [hit] = search.search('정규').hits;
    expect(marked(hit?.snippet)).toEqual(['정규', '정규']);
    expect(marked(search.search('ALLOWED_HOSTS').hits[0]?.snippet)[0]).toBe('ALLOWED_HOSTS');
  });

  it('include quiz questions, which open at the question', () => {
    const [hit] = search.search('일으키는 열').hits;
    expect(hit).toMatchObject({
      quiz: true,
      pathname: '/notes/normalization/',
      hash: '#quiz-fixture-partial',
      headingId: 'quiz-fixture-partial',
      parent: '함수종속성',
    });
    expect(marked(hit?.snippet)).toEqual(['일으키', '열']);
    // Answers and explanations are not searchable: a snippet must not give them away.
    expect(search.search('비밀해설').total).toBe(0);
    expect(search.search('뒷면낱말').total).toBe(0);
  });

  it('offer the opening of a note (before its first heading) without a fragment', () => {
    const hits = search.search('도입부').hits;
    expect(hits.map(place)).toEqual(['normalization#']);
    expect(hits[0]?.hash).toBe('');
  });

  it('respect the limit and report the total', () => {
    const outcome = search.search('노트 정규화 소켓 핸드셰이크', { limit: 2 });
    expect(outcome.hits.length).toBeLessThanOrEqual(2);
    expect(outcome.total).toBeGreaterThanOrEqual(outcome.hits.length);
  });
});

describe('bad input', () => {
  it('returns "nothing to search for" for empty, blank and punctuation-only queries', () => {
    for (const query of ['', '    ', '!!!', '???', '.*', '— … ·']) {
      expect(search.search(query), JSON.stringify(query)).toEqual({
        hits: [],
        total: 0,
        matched: 'none',
        empty: true,
        waitingFor: [],
      });
    }
  });

  it('returns quickly for a 10,000-character query', () => {
    for (const query of ['가'.repeat(10_000), 'a'.repeat(10_000), '정규화 '.repeat(2_500), '(x+x+)+y'.repeat(1_250)]) {
      const started = performance.now();
      const outcome = search.search(query);
      expect(performance.now() - started, query.slice(0, 10)).toBeLessThan(250);
      expect(outcome.empty).toBe(false);
    }
  });

  it('treats regular-expression characters as text', () => {
    for (const query of ['.*', '[a-z]+', '(', '\\', '^$', 'ALLOWED_HOSTS.*', '*정규화*']) {
      expect(() => search.search(query), query).not.toThrow();
    }
    expect(places('*정규화*')[0]).toBe('normalization#정규화란-무엇인가');
  });

  it('searches mixed scripts, ignoring emoji and symbols', () => {
    expect(places('😀 정규화 →')).toEqual(places('정규화'));
    expect(places('Django의 ALLOWED_HOSTS에')[0]).toBe('django#allowed_hosts-설정');
    expect(search.search('漢字 정규화').matched).toBe('some');
  });

  it('keeps results steady while Korean is being composed', () => {
    expect(places('정규ㅎ', { composing: true })[0]).toBe('normalization#정규화란-무엇인가');
    // "섭" is on its way to "서버": the results already show 서버.
    expect(places('섭', { composing: true })).toContain('https-ssl#인증서');
  });
});

describe('Korean spacing and 초성', () => {
  it('finds a compound written with a space when typed without one, and the reverse', () => {
    // The fixture writes `공개 키` in 인증서 and `함수종속성` as one word.
    expect(places('함수 종속성')[0]).toBe('normalization#함수종속성');
    expect(places('반 정규화')[0]).toBe('normalization#반정규화');
    expect(places('이상현상')[0]).toBe('normalization#정규화란-무엇인가');
  });

  it('finds words by their initial consonants, marking the word found', () => {
    const outcome = search.search('ㅈㄱㅎ');
    expect(outcome.hits.map(place)[0]).toBe('normalization#정규화란-무엇인가');
    expect(marked(outcome.hits[0]?.heading)).toEqual(['정규화']);
    expect(places('ㅎㄷㅅㅇㅋ')[0]).toBe('https-ssl#tls-13-핸드셰이크');
    // While the input method composes, a run of consonants is a 초성 search, not a half-made syllable.
    expect(places('ㅎㄷㅅㅇㅋ', { composing: true })[0]).toBe('https-ssl#tls-13-핸드셰이크');
  });
});

describe('every result, and one note only', () => {
  it('gives the hits past the first page when asked for more, in the same order', () => {
    const first = search.search('정규화', { limit: 3 });
    const all = search.search('정규화', { limit: 100 });
    expect(first.total).toBe(all.total);
    expect(all.hits).toHaveLength(all.total);
    expect(all.hits.slice(0, 3).map(place)).toEqual(first.hits.map(place));
  });

  it('limits the search to one note', () => {
    // Every fixture note's opening has the summary `테스트용 요약`.
    const everywhere = places('요약');
    expect(new Set(everywhere.map((hit) => hit.split('#')[0])).size).toBe(3);
    const inOne = search.search('요약', { note: 'https-ssl' });
    expect(inOne.hits.map(place)).toEqual(['https-ssl#']);
    expect(inOne.total).toBe(1);
    expect(search.search('요약', { note: 'no-such-note' }).total).toBe(0);
  });
});

describe('snippet text, fetched per note', () => {
  it("gives hits without a snippet until their note's text arrives, fetching each note once", async () => {
    const { fixtureSearch: make, fixtureSearchData } = await import('./searchFixtures.ts');
    const { texts } = fixtureSearchData();
    const fetched: number[] = [];
    const lazy = make(undefined, (note) => {
      fetched.push(note);
      return Promise.resolve(texts[note] ?? []);
    });
    const before = lazy.search('정규화');
    expect(before.hits[0]?.snippet).toBeUndefined();
    expect(before.waitingFor).toEqual(['normalization']);
    await Promise.all([lazy.loadText(before.waitingFor), lazy.loadText(before.waitingFor)]);
    const after = lazy.search('정규화');
    expect(after.waitingFor).toEqual([]);
    expect(marked(after.hits[0]?.snippet)).toContain('정규화');
    expect(fetched).toEqual([0]);
  });

  it('tries again after a failed fetch', async () => {
    const { fixtureSearch: make, fixtureSearchData } = await import('./searchFixtures.ts');
    const { texts } = fixtureSearchData();
    let online = false;
    const lazy = make(undefined, (note) =>
      online ? Promise.resolve(texts[note] ?? []) : Promise.reject(new Error('offline')),
    );
    await expect(lazy.loadText(['normalization'])).rejects.toThrow('offline');
    online = true;
    await lazy.loadText(['normalization']);
    expect(lazy.search('정규화').hits[0]?.snippet).toBeDefined();
  });
});
