import { readdir } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, inject, it } from 'vitest';
import { nuHtmlErrors } from './nuHtmlChecker.ts';

const distDir = inject('distDir');

describe('valid HTML (W3C Nu Html Checker)', () => {
  it('finds no error in any built page', { timeout: 180_000 }, async () => {
    const pages = (await readdir(distDir, { recursive: true }))
      .filter((file) => file.endsWith('.html'))
      .sort()
      .map((file) => path.join(distDir, file));
    // The home page, 404, review, stats and every note: the check must not pass on no pages.
    expect(pages.map((file) => path.relative(distDir, file))).toEqual(
      expect.arrayContaining(['index.html', '404.html', 'notes/normalization/index.html']),
    );
    const errors = await nuHtmlErrors(pages, distDir);
    expect(errors.join('\n'), `${errors.length} error(s) in ${pages.length} pages`).toBe('');
  });
});
