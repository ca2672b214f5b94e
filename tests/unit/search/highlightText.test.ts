import { describe, expect, it } from 'vitest';
import { highlightText, type TextPart } from '../../../src/app/search/highlightText.ts';

const show = (parts: TextPart[]) => parts.map((part) => (part.mark ? `[${part.text}]` : part.text)).join('');

describe('highlightText', () => {
  it('marks the typed part of each matching word, not the particle', () => {
    const parts = highlightText('정규화를 하면 정규화된 표가 된다', {
      matched: new Set(['정규화']),
      queryTerms: ['정규화'],
    });
    expect(show(parts)).toBe('[정규화]를 하면 [정규화]된 표가 된다');
  });

  it('marks a prefix the way it was typed, and config keys in their own case', () => {
    expect(
      show(highlightText('정규형과 정규화', { matched: new Set(['정규형', '정규화']), queryTerms: ['정규'] })),
    ).toBe('[정규]형과 [정규]화');
    expect(
      show(
        highlightText('ALLOWED_HOSTS에 넣는다', { matched: new Set(['allowed_hosts']), queryTerms: ['allowed_hosts'] }),
      ),
    ).toBe('[ALLOWED_HOSTS]에 넣는다');
  });

  it('marks the whole word for a typo or a synonym that is not inside it', () => {
    expect(
      show(highlightText('uwsgi_pass 지시어', { matched: new Set(['uwsgi_pass']), queryTerms: ['uwsgi_pqss'] })),
    ).toBe('[uwsgi_pass] 지시어');
    expect(show(highlightText('TLS handshake', { matched: new Set(['handshake']), queryTerms: ['핸드셰이크'] }))).toBe(
      'TLS [handshake]',
    );
  });

  it('marks the inner part of a compound found inside it', () => {
    expect(show(highlightText('함수종속성은', { matched: new Set(['함수종속성']), queryTerms: ['종속성'] }))).toBe(
      '함수[종속성]은',
    );
  });

  it('cuts a snippet around the first match, at spaces, with ellipses', () => {
    const text = `${'앞 문장이 길게 이어진다. '.repeat(20)}여기서 소켓을 연다. ${'뒤 문장도 길다. '.repeat(20)}`;
    const snippet = show(highlightText(text, { matched: new Set(['소켓']), queryTerms: ['소켓'], maxLength: 80 }));
    expect(snippet.startsWith('…')).toBe(true);
    expect(snippet.endsWith('…')).toBe(true);
    expect(snippet).toContain('[소켓]을 연다.');
    expect(snippet.length).toBeLessThanOrEqual(80 + 4);
    expect(snippet).not.toMatch(/^…\S*이어진다\.$/);
  });

  it('shows the beginning when only the title or heading matched', () => {
    const text = '첫 문장. '.repeat(100);
    const snippet = highlightText(text, { matched: new Set(['없음']), queryTerms: ['없음'], maxLength: 40 });
    expect(show(snippet).startsWith('첫 문장.')).toBe(true);
    expect(snippet.some((part) => part.mark)).toBe(false);
  });

  it('returns short text whole', () => {
    expect(highlightText('짧다', { matched: new Set(), queryTerms: [], maxLength: 100 })).toEqual([
      { text: '짧다', mark: false },
    ]);
    expect(highlightText('', { matched: new Set(), queryTerms: [] })).toEqual([]);
  });
});
