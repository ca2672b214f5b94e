import { describe, expect, it } from 'vitest';
import { MAX_QUERY_TERMS, parseQuery } from '../../../src/shared/search/parseQuery.ts';
import { toSynonymGroups } from '../../../src/shared/search/synonymTerms.ts';

const synonyms = toSynonymGroups([
  ['핸드셰이크', '핸드쉐이크', 'handshake'],
  ['공개키', '공개 키', 'public key'],
]);
const alternatives = (raw: string, options = {}) =>
  parseQuery(raw, { synonyms, ...options }).clauses.map((clause) => clause.alternatives);

describe('parseQuery', () => {
  it('makes one clause per word, Korean cut to its stem and Latin in lower case', () => {
    expect(alternatives('정규화를 ALLOWED_HOSTS')).toEqual([[['정규화']], [['allowed_hosts']]]);
  });

  it('adds a synonym group to the word that names one of its words', () => {
    expect(alternatives('핸드쉐이크를')).toEqual([[['핸드쉐이크'], ['핸드셰이크'], ['handshake']]]);
    expect(alternatives('Handshake')).toEqual([[['handshake'], ['핸드셰이크'], ['핸드쉐이크']]]);
  });

  it('expands the word still being typed when it starts a synonym', () => {
    expect(alternatives('핸드쉐')).toEqual([[['핸드쉐'], ['핸드셰이크'], ['핸드쉐이크'], ['handshake']]]);
    // Two Latin letters are too little to guess from.
    expect(alternatives('ha')).toEqual([[['ha']]]);
    // Only the last word is still being typed.
    expect(alternatives('핸드쉐 소켓')).toEqual([[['핸드쉐']], [['소켓']]]);
  });

  it('matches a spaced phrase as one clause', () => {
    expect(alternatives('공개 키')).toEqual([[['공개', '키'], ['공개키'], ['public', 'key']]]);
    expect(alternatives('public key 교환')).toEqual([[['public', 'key'], ['공개키'], ['공개', '키']], [['교환']]]);
  });

  it('lists every term to highlight, longest first', () => {
    expect(parseQuery('핸드셰이크 TLS', { synonyms }).terms).toEqual(['handshake', '핸드셰이크', '핸드쉐이크', 'tls']);
  });

  it('drops a half-typed consonant while composing and tries the syllable without its final consonant', () => {
    expect(alternatives('정규ㅎ', { composing: true })).toEqual([[['정규']]]);
    expect(alternatives('섭', { composing: true })).toEqual([[['섭'], ['서']]]);
    expect(alternatives('섭')).toEqual([[['섭']]]);
  });

  it('returns no clauses for empty, blank or punctuation-only input', () => {
    for (const raw of ['', '   ', '!!!', '.*+?^${}()|[]\\', '—…·', 'ㅋ'.slice(0, 0)]) {
      expect(parseQuery(raw).clauses, JSON.stringify(raw)).toEqual([]);
    }
  });

  it('treats regular-expression characters as plain text', () => {
    expect(alternatives('(a+)+$ uwsgi_pass.*')).toEqual([[['a']], [['uwsgi_pass']]]);
  });

  it('caps very long input: a pasted page becomes a few words, quickly', () => {
    const started = performance.now();
    const parsed = parseQuery('정규화 핸드셰이크 소켓 '.repeat(1000) + 'x'.repeat(10_000));
    expect(performance.now() - started).toBeLessThan(200);
    expect(parsed.clauses.length).toBeLessThanOrEqual(MAX_QUERY_TERMS);
    expect(parseQuery('a b c d e f g h i j k l m n o p').clauses).toHaveLength(MAX_QUERY_TERMS);
  });

  it('ignores a repeated word', () => {
    expect(alternatives('소켓 소켓을 소켓')).toEqual([[['소켓']]]);
  });

  it('handles mixed scripts in one query', () => {
    expect(alternatives('nginx와 uWSGI 소켓 漢字')).toEqual([[['nginx']], [['uwsgi']], [['소켓']], [['漢字']]]);
  });
});
