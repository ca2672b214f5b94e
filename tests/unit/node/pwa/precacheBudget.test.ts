import { describe, expect, it } from 'vitest';
import { fitPrecache } from '../../../../src/node/pwa/precacheBudget.ts';

const entries = [
  { url: 'index.html', size: 20, revision: 'a' },
  { url: 'assets/start-x.js', size: 30, revision: null },
  { url: 'assets/uwsgi-x.js', size: 10, revision: null },
  { url: 'notes/uwsgi/index.html', size: 40, revision: 'b' },
  { url: 'notes/ec2/index.html', size: 40, revision: 'c' },
  { url: 'review/index.html', size: 10, revision: 'd' },
];

describe('fitPrecache', () => {
  it('keeps everything within the budget, so every note reads offline after one visit', () => {
    expect(fitPrecache(entries, 150)).toEqual({ manifest: entries, warnings: [] });
  });

  it('past the budget leaves out only the note pages, and says so', () => {
    const { manifest, warnings } = fitPrecache(entries, 100);
    expect(manifest.map((entry) => entry.url)).toEqual([
      'index.html',
      'assets/start-x.js',
      'assets/uwsgi-x.js',
      'review/index.html',
    ]);
    expect(warnings).toHaveLength(1);
    expect(warnings[0]).toMatch(/2 note pages are cached when visited instead/);
  });
});
