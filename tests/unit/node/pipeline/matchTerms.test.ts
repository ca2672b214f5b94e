import { describe, expect, it } from 'vitest';
import { createTermMatcher, isParticleTail } from '../../../../src/node/pipeline/matchTerms.ts';

const matcher = createTermMatcher([
  { id: 'join', forms: ['조인', 'JOIN'] },
  { id: 'trigger', forms: ['트리거'] },
  { id: 'normalization', forms: ['정규화'] },
  { id: 'trivial', forms: ['자명한 종속'] },
  { id: 'dependency', forms: ['종속'] },
  { id: 'vhost', forms: ['가상 호스트'] },
  { id: 'mac', forms: ['MAC'] },
  { id: 'sni', forms: ['SNI'] },
  { id: 'default-server', forms: ['default_server'] },
  { id: 'ecdhe', forms: ['(EC)DHE', 'ECDHE'] },
]);

/** The words found, as written in the text. */
const found = (text: string) => matcher.matchAll(text).map((match) => text.slice(match.start, match.end));

describe('matchTerms: Korean', () => {
  it('counts a term followed by particles', () => {
    expect(found('두 테이블을 조인을 써서 합친다')).toEqual(['조인']);
    expect(found('트리거는 자동으로 돈다')).toEqual(['트리거']);
    expect(found('정규화에서는 중복을 줄인다')).toEqual(['정규화']);
    expect(found('가상 호스트로 나눈다')).toEqual(['가상 호스트']);
    expect(found('조인과 트리거의 차이')).toEqual(['조인', '트리거']);
    expect(found('트리거라는 기능')).toEqual(['트리거']);
  });

  it('counts a term made a verb with 하다 or 되다', () => {
    expect(found('주문번호로 조인하면 복원된다')).toEqual(['조인']);
    expect(found('정규화된 테이블')).toEqual(['정규화']);
  });

  it('counts a term at the end of a sentence or before punctuation', () => {
    expect(found('이것이 조인.')).toEqual(['조인']);
    expect(found('(조인)과 "트리거"')).toEqual(['조인', '트리거']);
  });

  it('does not count a term inside a longer word', () => {
    expect(found('비정규화와 반정규화')).toEqual([]);
    expect(found('조인트 벤처')).toEqual([]);
    expect(found('트리거링')).toEqual([]);
  });

  it('prefers the longer term where two start at the same place', () => {
    expect(found('자명한 종속은 늘 성립한다. 종속이 무엇인가')).toEqual(['자명한 종속', '종속']);
  });

  it('finds a Korean compound written without its space, and across a line break', () => {
    expect(found('가상호스트를 쓴다')).toEqual(['가상호스트']);
    expect(found('자명한\n종속')).toEqual(['자명한\n종속']);
  });
});

describe('matchTerms: acronyms and identifiers', () => {
  it('counts a whole acronym, with or without a Korean particle', () => {
    expect(found('MAC은 메시지 인증 코드다')).toEqual(['MAC']);
    expect(found('SNI를 보고 고른다')).toEqual(['SNI']);
    expect(found('(EC)DHE로 키를 합의한다')).toEqual(['(EC)DHE']);
  });

  it('does not count an acronym inside a longer token', () => {
    expect(found('HMAC과 MACs')).toEqual([]);
    expect(found('ssl_SNI_name, SNI2, xSNI')).toEqual([]);
    expect(found('HMAC-SHA256, MAC-then-encrypt, mac.example.com')).toEqual([]);
    expect(found('ECDHE_RSA')).toEqual([]);
  });

  it('matches case as written (other spellings go in `also`)', () => {
    expect(found('mac과 Mac')).toEqual([]);
    expect(found('JOIN 절')).toEqual(['JOIN']);
    expect(found('join 절')).toEqual([]);
  });

  it('counts an identifier term as a whole token only', () => {
    expect(found('listen 80 default_server; 로')).toEqual(['default_server']);
    expect(found('is_default_server')).toEqual([]);
  });
});

describe('isParticleTail', () => {
  it('accepts chains of particles and copula endings', () => {
    for (const tail of ['', '을', '는', '에서는', '으로의', '만을', '이라는', '와의', '하면', '된']) {
      expect(isParticleTail(tail), tail).toBe(true);
    }
  });

  it('rejects the rest of a longer word', () => {
    for (const tail of ['트', '링', '보드', '스키마']) expect(isParticleTail(tail), tail).toBe(false);
  });
});
