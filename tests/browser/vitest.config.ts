import { defineConfig } from 'vitest/config';

// Browser tests: build the site under /study-notes/ once, serve it like
// GitHub Pages, and drive Debian's Chromium through playwright-core.
export default defineConfig({
  test: {
    include: ['tests/browser/**/*.test.ts'],
    environment: 'node',
    globalSetup: ['tests/browser/globalSetup.ts'],
    testTimeout: 30_000,
    hookTimeout: 120_000,
    fileParallelism: false,
  },
});
