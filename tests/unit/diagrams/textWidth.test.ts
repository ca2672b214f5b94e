import { describe, expect, it } from 'vitest';
import { textWidth, wrapText } from '../../../src/node/diagrams/textWidth.ts';

describe('textWidth (Pretendard metrics)', () => {
  it('measures Hangul syllables at 1770/2048 em', () => {
    expect(textWidth('가나다', { size: 16 })).toBeCloseTo((3 * 1770 * 16) / 2048);
  });

  it('measures Latin text per glyph, wider in semibold', () => {
    expect(textWidth('i', { size: 2048 })).toBe(446);
    expect(textWidth('W', { size: 2048 })).toBe(1874);
    expect(textWidth('ClientHello', { size: 14, weight: 600 })).toBeGreaterThan(textWidth('ClientHello', { size: 14 }));
  });

  it('counts unknown characters as a whole em, so boxes err on the large side', () => {
    expect(textWidth('漢', { size: 10 })).toBe(10);
  });
});

describe('wrapText', () => {
  const font = { size: 14 };

  it('breaks between words to fit the width', () => {
    const lines = wrapText('양쪽이 공유 비밀에서 핸드셰이크 키를 파생한다', font, 150);
    expect(lines.length).toBeGreaterThan(1);
    for (const line of lines) expect(textWidth(line, font)).toBeLessThanOrEqual(150);
    expect(lines.join(' ')).toBe('양쪽이 공유 비밀에서 핸드셰이크 키를 파생한다');
  });

  it('keeps a word longer than the width whole, and honours explicit line breaks', () => {
    expect(wrapText('supported_versions_and_key_share', font, 50)).toEqual(['supported_versions_and_key_share']);
    expect(wrapText('첫 줄\n둘째 줄', font, 500)).toEqual(['첫 줄', '둘째 줄']);
  });
});
