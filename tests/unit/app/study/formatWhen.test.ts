import { describe, expect, it } from 'vitest';
import { formatWhen } from '../../../../src/app/study/formatWhen.ts';

describe('formatWhen', () => {
  const now = new Date('2026-11-25T09:00:00Z');

  it('gives month, day and time to the minute, without the year of this year', () => {
    expect(formatWhen(new Date('2026-11-07T01:36:59Z'), now, 'Asia/Seoul')).toBe('11. 7. 10:36');
    expect(formatWhen(new Date('2026-12-19T14:05:00Z'), now, 'Asia/Seoul')).toBe('12. 19. 23:05');
  });

  it('adds the year when it is another year, in the reader’s time zone', () => {
    // New Year's Day in Seoul, still last year in UTC.
    expect(formatWhen(new Date('2025-12-31T16:00:00Z'), now, 'Asia/Seoul')).toBe('1. 1. 01:00');
    expect(formatWhen(new Date('2025-12-31T16:00:00Z'), now, 'UTC')).toBe('2025. 12. 31. 16:00');
  });
});
