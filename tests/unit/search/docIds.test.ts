// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { headingSlug, withDerivedIds, withoutDerivedIds } from '../../../src/shared/search/docIds.ts';
import type { SearchDoc } from '../../../src/shared/search/searchData.ts';

const docs: SearchDoc[] = [
  { note: 0 },
  { note: 0, id: '정규화란-무엇이고-왜-하는가', heading: '정규화란 무엇이고 왜 하는가' },
  { note: 0, id: '핵심-용어-키와-함수-종속성', heading: '핵심 용어: 키와 함수 종속성' },
  { note: 0, id: '실습-1', heading: '실습' },
  { note: 1, kind: 'quiz', id: 'quiz-tls-01', parent: 'TLS 1.3' },
  { note: 1, kind: 'term', id: 'secret_key', heading: 'SECRET_KEY' },
  { note: 1, kind: 'term', id: 'ecdhe', heading: '(EC)DHE' },
  { note: 1, kind: 'term', id: 'dh', heading: 'Diffie–Hellman' },
];

describe('document ids in the search download', () => {
  it('slugs a heading as the notes do', () => {
    expect(headingSlug('ALLOWED_HOSTS와 SECRET_KEY')).toBe('allowed_hosts와-secret_key');
    expect(headingSlug('TLS 1.3 핸드셰이크')).toBe('tls-13-핸드셰이크');
  });

  it('leaves out only the ids the browser can work out, and gets every one back', () => {
    const written = withoutDerivedIds(docs);
    expect(written.filter((doc) => doc.id !== undefined).map((doc) => doc.id)).toEqual(['실습-1', 'quiz-tls-01', 'dh']);
    expect(withDerivedIds(JSON.parse(JSON.stringify(written)) as SearchDoc[])).toEqual(docs);
  });
});
