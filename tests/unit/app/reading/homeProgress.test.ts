// @vitest-environment jsdom
import { describe, expect, it } from 'vitest';
import { readingStart, showReadingStart, stageCounts } from '../../../../src/app/reading/homeProgress.ts';
import type { ReadingPlaces } from '../../../../src/app/storage/readingPlaces.ts';

const notes = [
  { slug: 'normalization', title: '데이터베이스 정규화' },
  { slug: 'https-ssl', title: 'HTTPS와 TLS' },
  { slug: 'ec2', title: 'EC2 서버' },
];
const place = (section: string, finished: boolean, at: string) => ({ section, title: `${section} 제목`, finished, at });

describe('the home page’s first button', () => {
  it('starts a new reader at the first note', () => {
    expect(readingStart(notes, {})).toEqual({ kind: 'first', slug: 'normalization' });
  });

  it('resumes the most recently read unfinished note at its section', () => {
    const places: ReadingPlaces = {
      normalization: place('1nf', false, '2026-12-01T10:00:00Z'),
      ec2: place('보안-그룹', false, '2026-12-02T10:00:00Z'),
      'https-ssl': place('정리', true, '2026-12-03T10:00:00Z'),
    };
    expect(readingStart(notes, places)).toEqual({
      kind: 'resume',
      slug: 'ec2',
      title: 'EC2 서버',
      section: '보안-그룹',
      sectionTitle: '보안-그룹 제목',
    });
  });

  it('offers the next unread note once the notes opened are finished, and the first again when all are', () => {
    expect(readingStart(notes, { normalization: place('끝', true, '2026-12-01T10:00:00Z') })).toEqual({
      kind: 'next',
      slug: 'https-ssl',
      title: 'HTTPS와 TLS',
    });
    const all = Object.fromEntries(notes.map((note) => [note.slug, place('끝', true, '2026-12-01T10:00:00Z')]));
    expect(readingStart(notes, all)).toEqual({ kind: 'again', slug: 'normalization' });
  });

  it('ignores a place stored for a note the site no longer has', () => {
    expect(readingStart(notes, { gone: place('x', false, '2026-12-01T10:00:00Z') })).toEqual({
      kind: 'next',
      slug: 'normalization',
      title: '데이터베이스 정규화',
    });
  });

  it('points the prerendered link at the note and section, with both names', () => {
    const link = document.createElement('a');
    link.className = 'button-primary';
    link.textContent = '첫 노트부터 읽기';
    showReadingStart(link, {
      kind: 'resume',
      slug: 'ec2',
      title: 'EC2 서버',
      section: '보안 그룹',
      sectionTitle: '보안 그룹',
    });
    expect(link.getAttribute('href')).toBe(`/notes/ec2/#${encodeURIComponent('보안 그룹')}`);
    expect(link.className).toBe('button-primary reading-start');
    expect([...link.children].map((child) => child.textContent)).toEqual(['이어 읽기', 'EC2 서버 · 보안 그룹']);
    showReadingStart(link, { kind: 'again', slug: 'normalization' });
    expect(link.className).toBe('button-primary');
    expect(link.textContent).toBe('첫 노트부터 다시 읽기');
    expect(link.getAttribute('href')).toBe('/notes/normalization/');
  });
});

describe('a note card’s progress', () => {
  it('counts questions never answered as new, and the rest by their stored state', () => {
    const cards = [
      { questionId: 'a', due: '2026-12-01T00:00:00Z', state: 0 },
      { questionId: 'b', due: '2026-12-01T00:00:00Z', state: 1 },
      { questionId: 'c', due: '2026-12-01T00:00:00Z', state: 2 },
      { questionId: 'd', due: '2026-12-01T00:00:00Z', state: 3 },
      { questionId: 'elsewhere', due: '2026-12-01T00:00:00Z', state: 2 },
    ];
    expect(stageCounts(['a', 'b', 'c', 'd', 'e'], cards)).toEqual({ new: 2, learning: 2, remembered: 1 });
  });
});
