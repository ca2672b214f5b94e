import react from '@vitejs/plugin-react';
import { VitePWA } from 'vite-plugin-pwa';
import { defineConfig } from 'vitest/config';
import { SITE_FONT_CACHE, siteFontPlugin, siteTextSources } from './src/node/fonts/siteFontPlugin.ts';
import { ankiPlugin } from './src/node/anki/ankiPlugin.ts';
import { minifyInlineScriptsPlugin } from './src/node/minifyInlineScriptsPlugin.ts';
import { notesPlugin } from './src/node/notesPlugin.ts';
import { prerenderPlugin, SSR_BUILD_ENV } from './src/node/prerenderPlugin.ts';
import { editUrlBase } from './src/node/editLinks.ts';
import { pagesPreviewPlugin } from './src/node/preview/pagesPreviewPlugin.ts';
import { MAX_PRECACHE_FILE_BYTES } from './src/node/pwa/noteSizeLimit.ts';
import { fitPrecache } from './src/node/pwa/precacheBudget.ts';
import { manifestLinkPlugin } from './src/node/pwa/manifestLinkPlugin.ts';
import { searchPlugin } from './src/node/search/searchPlugin.ts';
import { SITE_DESCRIPTION, SITE_NAME } from './src/shared/pageHead.ts';

/** `BASE_PATH=/study-notes/` for GitHub Pages project sites; always starts and ends with `/`. */
function basePath(value: string | undefined): string {
  const trimmed = (value ?? '/').trim().replace(/^\/*/, '/').replace(/\/*$/, '/');
  return trimmed === '//' ? '/' : trimmed;
}

const base = basePath(process.env.BASE_PATH);
/** Above this, note pages are cached when visited rather than on the first visit (src/node/pwa). */
const PRECACHE_BUDGET_BYTES = 25 * 1024 * 1024;
const serverBuild = Boolean(process.env[SSR_BUILD_ENV]);

export default defineConfig({
  base,
  define: {
    'import.meta.env.STUDY_NOTES_EDIT_URL': JSON.stringify(
      editUrlBase(process.env, process.env.CONTENT_DIR ?? 'content') ?? '',
    ),
  },
  plugins: [
    notesPlugin({ contentDir: process.env.CONTENT_DIR ?? 'content', maxFileBytes: MAX_PRECACHE_FILE_BYTES }),
    searchPlugin({ contentDir: process.env.CONTENT_DIR ?? 'content' }),
    siteFontPlugin({
      font: 'node_modules/pretendard/dist/public/variable/PretendardVariable.ttf',
      sources: siteTextSources(process.env.CONTENT_DIR ?? 'content'),
      // The site's own subset is committed; other content's stays in node_modules.
      ...(process.env.CONTENT_DIR ? {} : { cacheDir: SITE_FONT_CACHE }),
    }),
    ankiPlugin({ siteUrl: process.env.SITE_URL }),
    react(),
    minifyInlineScriptsPlugin(),
    prerenderPlugin({ siteUrl: process.env.SITE_URL, maxFileBytes: MAX_PRECACHE_FILE_BYTES }),
    pagesPreviewPlugin(),
    // The nested server build for prerendering needs no service worker.
    !serverBuild &&
      VitePWA({
        registerType: 'prompt',
        injectRegister: false,
        manifest: {
          name: SITE_NAME,
          short_name: SITE_NAME,
          description: SITE_DESCRIPTION,
          lang: 'ko',
          start_url: base,
          scope: base,
          display: 'standalone',
          background_color: '#ffffff',
          theme_color: '#2450c4',
          icons: [
            { src: 'icons/icon-192.png', sizes: '192x192', type: 'image/png' },
            { src: 'icons/icon-512.png', sizes: '512x512', type: 'image/png' },
            { src: 'icons/icon-maskable-512.png', sizes: '512x512', type: 'image/png', purpose: 'maskable' },
          ],
        },
        // The worker is ours (src/worker/sw.ts), built by Vite: generating one made
        // workbox bundle its runtime with Rollup, Babel and Terser on every build,
        // a quarter of the build's time.
        strategies: 'injectManifest',
        srcDir: 'src/worker',
        filename: 'sw.ts',
        injectManifest: {
          // One classic script, as the page registers it (virtual:pwa-register).
          rollupFormat: 'iife',
          // Every page, note chunk, Anki deck and the site font: after one visit
          // the whole site reads offline, including notes not opened yet.
          globPatterns: ['**/*.{html,js,css,woff2,svg,png,webmanifest,apkg}'],
          // The full font's subsets only draw characters no page contains
          // (what a learner types): cached when first needed, not up front.
          globIgnores: ['**/PretendardVariable.subset.*'],
          manifestTransforms: [(entries) => fitPrecache(entries, PRECACHE_BUDGET_BYTES)],
          // A note over it fails the build earlier, with its place (notesPlugin, prerenderPlugin).
          maximumFileSizeToCacheInBytes: MAX_PRECACHE_FILE_BYTES,
        },
      }),
    // After VitePWA: its manifest link is added by the page once the worker registers.
    !serverBuild && manifestLinkPlugin(),
  ],
  build: {
    target: 'es2022',
    rolldownOptions: {
      // The "slowest callbacks" notice blames whichever plugin waits longest
      // (the prerender, the service worker), not work anyone can act on; the
      // bench times the build instead.
      checks: { bundlerTimings: false },
      output: {
        // The app's small shared modules (components, hooks, shared helpers, the
        // JSX runtime) in one chunk: left to themselves they become a dozen tiny
        // files, each one more request after the first paint.
        codeSplitting: {
          groups: [
            // What the entry needs before the page has painted, apart from the
            // loader (below), which it fetches once the page has painted.
            {
              name: 'boot',
              test: /([\\/]src[\\/]app[\\/]dom[\\/](afterLoadIdle|siteFont)\.ts|preload-helper)/,
              priority: 3,
            },
            // What a note page runs once it has painted (islands/pageLoader.ts and
            // the DOM helpers it shares with the app), in one small file of its
            // own: never together with React.
            {
              name: 'loader',
              test: /[\\/]src[\\/]app[\\/](islands[\\/](pageLoader|islandWaking|linkIntent|searchStandIn|dueBadge|dueCount|earlyInput|tableOfContents|notePages)|dom[\\/]|isPlainClick|search[\\/]opensSearch|storage[\\/](databaseName|readingPlaces|dueCountCache)|pwa[\\/](serviceWorkerMessages|linkManifest))/,
              priority: 2,
            },
            {
              name: 'shell',
              test: /[\\/](src[\\/](app[\\/](components|hooks|head)|shared)[\\/]|node_modules[\\/]react[\\/]jsx-runtime)/,
              minShareCount: 2,
            },
          ],
        },
      },
    },
  },
  test: {
    include: ['tests/unit/**/*.test.{ts,tsx}'],
    environment: 'jsdom',
    setupFiles: ['tests/unit/setup.ts'],
  },
});
