import { minify, type Plugin } from 'vite';

/**
 * Minifies index.html's inline scripts (`<script>` without attributes) in a
 * build. The theme-and-taps script is written to be read, with a comment for
 * every decision, and is in every page: its comments alone were about 1 KB of
 * each page's gzip. The Content-Security-Policy hashes the script as written
 * to the output (prerenderPlugin.ts reads the built index.html), so the hash
 * matches what is served.
 */
export function minifyInlineScriptsPlugin(): Plugin {
  return {
    name: 'study-notes:minify-inline-scripts',
    apply: 'build',
    transformIndexHtml: {
      order: 'post',
      async handler(html) {
        const scripts = [...html.matchAll(/<script>([\s\S]*?)<\/script>/g)];
        let result = html;
        for (const [whole, code] of scripts) {
          const minified = await minify('index.html.js', code ?? '', { compress: true, mangle: true });
          if (minified.errors.length > 0) {
            throw new Error(
              `index.html's inline script does not parse: ${minified.errors.map((error) => error.message).join('; ')}`,
            );
          }
          result = result.replace(whole, `<script>${minified.code.trim()}</script>`);
        }
        return result;
      },
    },
  };
}
