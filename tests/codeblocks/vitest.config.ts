import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

// The code-block checker: every fenced code block in content/*.md is checked with the real tool
// (shellcheck, py_compile, uwsgi, systemd-analyze, nginx -t, sqlite3). Run with
// `vitest run --config tests/codeblocks/vitest.config.ts`; the tools come from
// tests/codeblocks/apt-packages.txt.
export default defineConfig({
  root: fileURLToPath(new URL('../..', import.meta.url)),
  test: {
    include: ['tests/codeblocks/**/*.test.ts'],
    environment: 'node',
    testTimeout: 60_000,
    hookTimeout: 120_000,
  },
});
