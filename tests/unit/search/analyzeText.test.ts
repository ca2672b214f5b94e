import { describe, expect, it } from 'vitest';
import { analyzeText, indexTerms, queryTermOf } from '../../../src/shared/search/analyzeText.ts';
import { koreanStem } from '../../../src/shared/search/koreanEndings.ts';

describe('koreanStem', () => {
  it('cuts the particles a Korean reader expects to be ignored', () => {
    const cases: Record<string, string> = {
      정규화를: '정규화',
      정규화는: '정규화',
      정규화의: '정규화',
      정규화에서: '정규화',
      정규화까지: '정규화',
      정규화부터: '정규화',
      정규화처럼: '정규화',
      소켓으로: '소켓',
      소켓과: '소켓',
      서버에서는: '서버',
      서버들이: '서버',
      키에서: '키',
    };
    for (const [word, stem] of Object.entries(cases)) expect(koreanStem(word), word).toBe(stem);
  });

  it('cuts the endings that make a noun a predicate', () => {
    expect(koreanStem('정규화하면')).toBe('정규화');
    expect(koreanStem('정규화된')).toBe('정규화');
    expect(koreanStem('정규화한다')).toBe('정규화');
    expect(koreanStem('소켓인가')).toBe('소켓');
  });

  it('keeps short words whose last syllable only looks like a particle', () => {
    for (const word of ['나이', '사이', '정도', '결과', '역할', '포함', '정의'])
      expect(koreanStem(word), word).toBe(word);
  });

  it('leaves words that are not all Hangul alone', () => {
    expect(koreanStem('nginx')).toBe('nginx');
    expect(koreanStem('ㅋㅋ')).toBe('ㅋㅋ');
  });
});

describe('analyzeText', () => {
  it('indexes the stem of each Korean word', () => {
    expect(indexTerms('정규화를 하면 이상 현상이 사라진다')).toEqual(['정규화', '하면', '이상', '현상', '사라진다']);
  });

  it('keeps config keys and file names whole, in lower case, plus their parts', () => {
    expect(indexTerms('ALLOWED_HOSTS')).toEqual(['allowed_hosts', 'allowed', 'hosts']);
    expect(indexTerms('uwsgi_pass')).toEqual(['uwsgi_pass', 'uwsgi', 'pass']);
    expect(indexTerms('settings.py')).toEqual(['settings.py', 'settings', 'py']);
    expect(indexTerms('TLS1.3')).toEqual(['tls1.3', 'tls', '1.3']);
    expect(indexTerms('127.0.0.1')).toEqual(['127.0.0.1']);
    expect(indexTerms('__init__')).toEqual(['__init__', 'init']);
  });

  it('splits hyphenated keys into words, as a reader types them', () => {
    expect(indexTerms('chmod-socket = 660')).toEqual(['chmod', 'socket', '660']);
  });

  it('drops a particle that hangs on a Latin word or a quote', () => {
    expect(indexTerms('ALLOWED_HOSTS에 넣고 nginx가 “소켓”을 연다')).toEqual([
      'allowed_hosts',
      'allowed',
      'hosts',
      '넣고',
      'nginx',
      '소켓',
      '연다',
    ]);
  });

  it('folds full-width letters, case and Latin accents', () => {
    expect(indexTerms('ＡＬＬＯＷＥＤ Café')).toEqual(['allowed', 'cafe']);
  });

  it('handles other scripts and symbols without throwing', () => {
    expect(indexTerms('漢字 テスト 😀 ½ ← → ∑')).toEqual(expect.arrayContaining(['漢字', 'テスト']));
    expect(indexTerms('!!! ... ---')).toEqual([]);
    expect(indexTerms('')).toEqual([]);
  });

  it('reports where each word is, for highlighting', () => {
    const [first, second] = analyzeText('  (정규화는) ALLOWED_HOSTS,');
    expect(first).toMatchObject({ start: 3, end: 7, folded: '정규화는', terms: ['정규화'] });
    expect(second).toMatchObject({ start: 9, end: 22, folded: 'allowed_hosts' });
  });

  it('cuts absurdly long words to a term a person could type', () => {
    const [token] = analyzeText('a'.repeat(5000));
    expect(token?.terms[0]).toHaveLength(40);
  });

  it('stays fast on long text (the segmenter is slow on long strings)', () => {
    const text = '정규화는 테이블을 규칙에 맞는 ALLOWED_HOSTS 형태로 바꾸고, (settings.py의) 값을 본다. '.repeat(3000);
    const started = performance.now();
    expect(analyzeText(text).length).toBe(33000);
    expect(performance.now() - started).toBeLessThan(2000);
  });

  it('stays fast on a long run without spaces', () => {
    const text = 'https://example.com/' + 'a1_b2.'.repeat(20_000);
    const started = performance.now();
    expect(analyzeText(text).length).toBeGreaterThan(0);
    expect(performance.now() - started).toBeLessThan(2000);
  });

  it('turns a query word into the one term it stands for', () => {
    const [korean, latin, particle] = analyzeText('정규화를 ALLOWED_HOSTS에');
    expect(korean && queryTermOf(korean)).toBe('정규화');
    expect(latin && queryTermOf(latin)).toBe('allowed_hosts');
    expect(particle && queryTermOf(particle)).toBeUndefined();
  });
});
