import '@testing-library/jest-dom/vitest';
import { cleanup } from '@testing-library/react';
import { afterEach, beforeEach, vi } from 'vitest';
import { resetThemeStoreForTests } from '../../src/app/theme/useTheme.ts';

// jsdom has no media queries or scrolling; the app only needs them to exist.
beforeEach(() => {
  if (typeof window === 'undefined') return; // node-environment test files
  vi.stubGlobal(
    'matchMedia',
    vi.fn((query: string) => ({
      matches: false,
      media: query,
      onchange: null,
      addEventListener: vi.fn(),
      removeEventListener: vi.fn(),
      addListener: vi.fn(),
      removeListener: vi.fn(),
      dispatchEvent: vi.fn(),
    })),
  );
  window.scrollTo = vi.fn() as unknown as typeof window.scrollTo;
});

afterEach(() => {
  vi.unstubAllGlobals();
  if (typeof window === 'undefined') return;
  cleanup();
  localStorage.clear();
  resetThemeStoreForTests();
  delete document.documentElement.dataset.theme;
});
