import { describe, expect, it } from 'vitest';
import { collectCodePoints, toUnicodeRange } from '../../../../src/node/fonts/glyphSet.ts';

const has = (points: number[], char: string) => points.includes(char.codePointAt(0) as number);

describe('collectCodePoints', () => {
  it('keeps each character of the texts once, sorted, with printable ASCII always in', () => {
    const points = collectCodePoints(['정규화를 정규화는', 'TLS 1.3']);
    expect(points).toEqual([...new Set(points)].sort((a, b) => a - b));
    for (const char of '정규화를는') expect(has(points, char), char).toBe(true);
    for (const char of '~{|}`') expect(has(points, char), char).toBe(true);
    expect(has(points, '핸')).toBe(false);
  });

  it('includes the words the browser writes into dates and times', () => {
    const points = collectCodePoints([]);
    const written = new Date(2026, 10, 25, 15, 4).toLocaleString('ko-KR');
    for (const char of written) expect(has(points, char), `${char} in ${written}`).toBe(true);
    // A no-break space is usually written as an escape (`'\u00a0'`, `&nbsp;`), never as itself.
    expect(has(points, '\u00a0')).toBe(true);
  });

  it('composes decomposed Hangul and leaves out control and format characters', () => {
    const decomposed = '\u1100\u1161'; // ᄀ + ᅡ, which NFC makes 가
    const points = collectCodePoints([decomposed, 'a\u200bb\n\t\u0007']);
    expect(has(points, '가')).toBe(true);
    expect(has(points, '\u1100')).toBe(false);
    for (const control of ['\u200b', '\n', '\t', '\u0007']) expect(has(points, control)).toBe(false);
  });
});

describe('toUnicodeRange', () => {
  it('merges runs and lists single code points', () => {
    expect(toUnicodeRange([0x20, 0x21, 0x22, 0x41, 0xac00, 0xac01, 0xb294])).toBe('U+20-22, U+41, U+AC00-AC01, U+B294');
  });

  it('says nothing for no code points', () => {
    expect(toUnicodeRange([])).toBe('');
  });

  it('covers exactly the code points it was given', () => {
    const points = collectCodePoints(['데이터베이스 정규화 — 1NF, 2NF, 3NF']);
    const covered = toUnicodeRange(points)
      .split(', ')
      .flatMap((part) => {
        const [from, to = from] = part
          .slice(2)
          .split('-')
          .map((value) => Number.parseInt(value, 16));
        return Array.from({ length: (to as number) - (from as number) + 1 }, (_, index) => (from as number) + index);
      });
    expect(covered).toEqual(points);
  });
});
