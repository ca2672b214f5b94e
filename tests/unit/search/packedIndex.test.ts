// @vitest-environment node
import MiniSearch from 'minisearch';
import { describe, expect, it } from 'vitest';
import { packIndex, packedTerms, unpackIndex } from '../../../src/shared/search/packedIndex.ts';
import { searchIndexOptions, type IndexedSection } from '../../../src/shared/search/searchIndexOptions.ts';

function indexOf(sections: Array<Omit<IndexedSection, 'key'>>) {
  const index = new MiniSearch<IndexedSection>(searchIndexOptions);
  index.addAll(sections.map((section, key) => ({ key, ...section })));
  return index;
}

const sections = [
  { keywords: '정규화 DB', heading: '정규화란', text: '정규화는 정규화를 거듭한다. ALLOWED_HOSTS = [...]' },
  { keywords: '정규화 DB', heading: '', text: '소켓 소켓 소켓 uwsgi_pass' },
  ...Array.from({ length: 60 }, (_, n) => ({ keywords: 'TLS', heading: `절 ${n}`, text: `핸드셰이크 ${n} 번째` })),
];

describe('packIndex', () => {
  it('gives back exactly what MiniSearch serialized', () => {
    const plain = indexOf(sections).toJSON();
    // The terms come back sorted; MiniSearch takes them in any order.
    const sorted = { ...plain, index: [...plain.index].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)) };
    expect(unpackIndex(JSON.parse(JSON.stringify(packIndex(plain))))).toEqual(JSON.parse(JSON.stringify(sorted)));
  });

  it('loads into an index that answers like the original', () => {
    const original = indexOf(sections);
    const loaded = MiniSearch.loadJS<IndexedSection>(unpackIndex(packIndex(original.toJSON())), searchIndexOptions);
    for (const query of ['정규화', '소켓', '핸드셰이크', 'allowed_hosts', '절']) {
      expect(loaded.search(query), query).toEqual(original.search(query));
    }
  });

  it('is smaller than the JSON it replaces, and lists the terms', () => {
    const plain = indexOf(sections).toJSON();
    const packed = packIndex(plain);
    expect(JSON.stringify(packed).length).toBeLessThan(JSON.stringify(plain).length / 2);
    expect(packedTerms(packed)).toEqual(expect.arrayContaining(['정규화', '소켓', 'allowed_hosts', '핸드셰이크']));
  });

  it('writes each term as the prefix it shares with the one before and the rest', () => {
    const plain = indexOf([{ keywords: '', heading: '', text: '넘겨 넘겨준 넘기 abc abd a 7 75 750' }]).toJSON();
    const packed = packIndex(plain);
    expect(packed.terms.split(' ').length).toBe(plain.index.length);
    expect(packed.terms).toMatch(/(^| )[A-Z]\S/);
    expect(packed.terms.length).toBeLessThan(plain.index.map(([term]) => term).join(' ').length);
    expect(packedTerms(packed)).toEqual(plain.index.map(([term]) => term).sort());
  });

  it('refuses a term with a capital letter, which would read as a shared prefix', () => {
    const plain = indexOf([{ keywords: '', heading: '', text: '소켓' }]).toJSON();
    const [, fields] = plain.index[0]!;
    expect(() => packIndex({ ...plain, index: [['Ab', fields]] })).toThrow(/capital letter/);
  });
});
