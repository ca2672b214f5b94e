// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { createTermExpander } from '../../../src/app/search/expandTerms.ts';

const terms = [
  '키',
  '페어',
  '키페어',
  '함수종속성',
  '종속',
  '보안',
  '그룹',
  '가상',
  '환경변수',
  '정규화',
  '정규형',
  '반정규화',
  '성능',
  'nginx',
];
const counts: Record<string, number> = { 정규화: 12, 정규형: 3 };
const expander = createTermExpander(terms, (term) => counts[term] ?? 1);

describe('createTermExpander', () => {
  it('finds a word inside a longer Korean term, never at its start', () => {
    expect(expander.inside('종속성')).toEqual(['함수종속성']);
    expect(expander.inside('정규화')).toEqual(['반정규화']);
    expect(expander.inside('nginx')).toEqual([]);
    expect(expander.inside('성')).toEqual([]); // one syllable would be inside too much
  });

  it('splits a compound typed without its space into two words the notes use', () => {
    expect(expander.split('키페어')).toEqual([['키', '페어']]);
    expect(expander.split('보안그룹')).toEqual([['보안', '그룹']]);
    expect(expander.split('가상환경')).toEqual([['가상', '환경']]); // the start of 환경변수
    expect(expander.split('보안그')).toEqual([]); // one syllable must be a word of its own
    expect(expander.split('종속성')).toEqual([]); // `성` alone is no word here
    expect(expander.split('정규화')).toEqual([]);
  });

  it('joins two typed words the notes write as one', () => {
    expect(expander.joined('키', '페어')).toBe(true);
    expect(expander.joined('함수', '종속')).toBe(true);
    expect(expander.joined('보안', '그룹')).toBe(false);
  });

  it('reads 초성, the commonest word first, exact before longer', () => {
    expect(expander.choseong('ㅈㄱㅎ')).toEqual(['정규화', '정규형']);
    expect(expander.choseong('ㅋㅍ')).toEqual(['키페어']);
    expect(expander.choseong('ㅂㅇ')).toEqual(['보안']);
    expect(expander.choseong('ㅈ')).toEqual([]); // one letter would match half the notes
    expect(expander.choseong('정규')).toEqual([]);
  });
});
