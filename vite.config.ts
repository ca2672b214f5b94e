import react from '@vitejs/plugin-react';
import { defineConfig } from 'vitest/config';
import { notesPlugin } from './src/build/notesPlugin.ts';

/** `BASE_PATH=/study-notes/` for GitHub Pages project sites; always starts and ends with `/`. */
function basePath(value: string | undefined): string {
  const trimmed = (value ?? '/').trim().replace(/^\/*/, '/').replace(/\/*$/, '/');
  return trimmed === '//' ? '/' : trimmed;
}

export default defineConfig({
  base: basePath(process.env.BASE_PATH),
  plugins: [notesPlugin({ contentDir: process.env.CONTENT_DIR ?? 'content' }), react()],
  build: {
    target: 'es2022',
  },
  test: {
    include: ['tests/unit/**/*.test.{ts,tsx}'],
    environment: 'jsdom',
    setupFiles: ['tests/unit/setup.ts'],
  },
});
