import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import { mkdir, readdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { Blob, Face } from 'harfbuzzjs';
import subsetFont from 'subset-font';
import type { Plugin, ResolvedConfig } from 'vite';
import { collectCodePoints, toUnicodeRange } from './glyphSet.ts';
import { pageText, proseText } from './pageText.ts';

/** Import this from the app to get the site font's `@font-face`. */
const SITE_FONT_MODULE = 'virtual:site-font.css';
/** Import this from the app for the font file's URL (null on the dev server, which builds no subset). */
const SITE_FONT_URL_MODULE = 'virtual:site-font-url';
const SITE_FONT_URL_ID = '\0virtual:site-font-url';
/** The family name src/app/styles/tokens.css puts first in its font stacks. */
const SITE_FONT_FAMILY = 'Pretendard Site';

export interface SiteFontOptions {
  /** The variable font to subset (TrueType, so its character map can be read). */
  font: string;
  /** Folders and files whose text the pages can show: notes, interface code, index.html. */
  sources: string[];
  /**
   * Where the subset is kept between builds, named by a hash of the font, its
   * options and the glyph set (default `node_modules/.tmp/site-font`). The
   * site's own build keeps it in the repository (`SITE_FONT_CACHE`), so a
   * clean checkout (CI) does not subset again (about ten seconds) until the
   * text's characters change.
   */
  cacheDir?: string;
}

/** The site's committed subset cache; builds of other content (tests, the bench) use the default. */
export const SITE_FONT_CACHE = 'src/node/fonts/subsets';

/**
 * The weights the stylesheets use (400 body, 600–800 labels and headings).
 * Cutting the variable font's axis to this range keeps it variable and makes
 * it about a quarter smaller; a weight outside it is clamped to the nearest.
 */
const WEIGHTS = { min: 400, max: 800 };

/**
 * Everything that can put text on a page: the notes, the pipeline (callout
 * titles, link labels), the interface, and the page template.
 */
export function siteTextSources(contentDir: string): string[] {
  return [contentDir, 'src/node', 'src/app', 'src/shared', 'index.html'];
}

/**
 * OpenType features kept: what browsers apply to Korean and Latin text by
 * default, plus what the stylesheets ask for (`tnum` for tabular numbers,
 * `ss06` on the body). The font's other stylistic sets, fractions and
 * superiors would each bring alternate glyphs along for nothing.
 */
export const KEPT_FEATURES = [
  'ccmp',
  'locl',
  'rvrn',
  'rlig',
  'liga',
  'clig',
  'calt',
  'kern',
  'mark',
  'mkmk',
  'ljmo',
  'vjmo',
  'tjmo',
  'tnum',
  'ss06',
];

/**
 * The font with exactly `codePoints`, the weight axis cut to WEIGHTS, and the
 * kept features; woff2 for the site (`sfnt` lets tests read it back).
 */
export function subsetSiteFont(
  font: Buffer,
  codePoints: readonly number[],
  targetFormat: 'woff2' | 'sfnt' = 'woff2',
): Promise<Buffer> {
  return subsetFont(font, String.fromCodePoint(...codePoints), {
    targetFormat,
    variationAxes: { wght: { min: WEIGHTS.min, max: WEIGHTS.max } },
    keepFeatures: KEPT_FEATURES,
  });
}

const TEXT_FILE = /\.(md|ya?ml|tsx?|css|html)$/;

/**
 * Builds one woff2 with exactly the glyphs the site's text uses.
 *
 * A long Korean note used to pull in about twenty of the full font's
 * frequency-based subsets (over 500 KiB), each discovered only after the CSS
 * and each a separate request. The subset is computed from the sources at
 * build time, cached by its code points (`cacheDir`), and is the
 * first family in the stack once the reader's browser has it (see
 * src/app/dom/siteFont.ts: a first visit paints with the system font and
 * fetches this file only once the page is idle, so it never holds back the
 * first paint or shifts the page); the full font's subsets stay as the
 * fallback for characters no page contains (what a learner types). In dev the module is
 * empty: the fallback alone serves every character, and edits never wait for
 * a re-subset.
 */
export function siteFontPlugin(options: SiteFontOptions): Plugin {
  let config: ResolvedConfig;
  let cssPath: string;
  /** The subset's file, made (or found in the cache) once per build for both modules. */
  let subset: Promise<WrittenSubset> | undefined;
  return {
    name: 'study-notes:site-font',
    configResolved(resolved) {
      config = resolved;
      // A real path (not a \0 id) so Vite resolves the relative url() in the
      // generated CSS to the woff2 written beside it, and hashes it as an asset.
      // Never written: the module's id, beside the woff2 it names.
      cssPath = path.resolve(resolved.root, options.cacheDir ?? 'node_modules/.tmp/site-font', 'site-font.css');
    },
    resolveId(id) {
      if (id === SITE_FONT_MODULE) return cssPath;
      return id === SITE_FONT_URL_MODULE ? SITE_FONT_URL_ID : undefined;
    },
    async load(id) {
      if (id !== cssPath && id !== SITE_FONT_URL_ID) return undefined;
      // Neither the dev server nor the prerender's server build (whose CSS goes nowhere:
      // pages link the client's) makes a subset.
      if (config.command === 'serve' || config.build.ssr) {
        if (id === SITE_FONT_URL_ID) return 'export default null;\n';
        return config.command === 'serve'
          ? '/* dev: the full font’s unicode-range subsets serve every character */\n'
          : '/* server build: pages link the client build’s font */\n';
      }
      subset ??= writeSubset(options, config, path.dirname(cssPath), (file) => this.addWatchFile(file));
      const { fileName, codePoints } = await subset;
      // The same file as the @font-face's url(), so Vite hashes and emits it once.
      if (id === SITE_FONT_URL_ID) {
        return `export { default } from ${JSON.stringify(`${path.join(path.dirname(cssPath), fileName)}?url`)};\n`;
      }
      return [
        '@font-face {',
        `  font-family: '${SITE_FONT_FAMILY}';`,
        '  font-style: normal;',
        // Never swapped in while a page is shown: a page either has the font
        // from its first paint (a later visit, the file cached) or keeps the
        // metric-matched fallback (tokens.css) until the next page load.
        '  font-display: optional;',
        `  font-weight: ${WEIGHTS.min} ${WEIGHTS.max};`,
        `  src: url('./${fileName}') format('woff2-variations');`,
        `  unicode-range: ${toUnicodeRange(codePoints)};`,
        '}',
        '',
      ].join('\n');
    },
  };
}

interface WrittenSubset {
  readonly fileName: string;
  readonly codePoints: readonly number[];
}

/**
 * Collects the characters the site's text uses, and writes the font cut to
 * them into `dir` unless a build already did.
 */
async function writeSubset(
  options: SiteFontOptions,
  config: ResolvedConfig,
  dir: string,
  watch: (file: string) => void,
): Promise<WrittenSubset> {
  const texts: string[] = [];
  const prose: string[] = [];
  for (const source of options.sources) {
    for (const file of await textFiles(path.resolve(config.root, source))) {
      const text = await readFile(file, 'utf8');
      const kept = pageText(file, text);
      texts.push(kept);
      prose.push(proseText(file, kept));
      watch(file);
    }
  }
  const font = await readFile(path.resolve(config.root, options.font));
  const wanted = collectCodePoints(texts);
  const inFont = fontCodePoints(font);
  const codePoints = wanted.filter((point) => inFont.has(point));
  const missing = collectCodePoints(prose).filter((point) => !inFont.has(point) && point > 0x7f);
  if (missing.length > 0) {
    // Not an error: the browser draws them in a system font. But a
    // note's symbol may then look out of place, so say which.
    config.logger.warn(
      `study-notes: the font has no glyph for ${missing.length} character(s) the site uses; they render in a system font: ${missing
        .slice(0, 30)
        .map((point) => `${String.fromCodePoint(point)} (U+${point.toString(16).toUpperCase()})`)
        .join(', ')}`,
    );
  }
  const key = createHash('sha256')
    .update(font)
    .update(JSON.stringify([WEIGHTS, KEPT_FEATURES]))
    .update(Uint32Array.from(codePoints))
    .digest('hex')
    .slice(0, 12);
  const fileName = `pretendard-site-${key}.woff2`;
  const target = path.join(dir, fileName);
  if (!existsSync(target)) {
    const subset = await subsetSiteFont(font, codePoints);
    await mkdir(dir, { recursive: true });
    // Builds may run side by side (tests, bench): write, then rename into place.
    const partial = `${target}.${process.pid}.partial`;
    await writeFile(partial, subset);
    await rename(partial, target);
    // Only the current glyph set's file stays (the folder may be committed).
    for (const name of await readdir(dir)) {
      if (/^pretendard-site-\w+\.woff2$/.test(name) && name !== fileName)
        await rm(path.join(dir, name), { force: true });
    }
    config.logger.info(`study-notes: subset the site font for a new glyph set: ${path.relative(config.root, target)}`);
  }
  return { fileName, codePoints };
}

/** The characters `font` has a glyph for; the unicode-range promises no more than that. */
function fontCodePoints(font: Buffer): Set<number> {
  return new Set(new Face(new Blob(font), 0).collectUnicodes());
}

/** The files under `source` (a folder or one file) whose text may reach a page. */
export async function textFiles(source: string): Promise<string[]> {
  if (TEXT_FILE.test(source) && existsSync(source)) return [source];
  if (!existsSync(source)) return [];
  const entries = await readdir(source, { recursive: true, withFileTypes: true });
  return entries
    .filter((entry) => entry.isFile() && TEXT_FILE.test(entry.name))
    .map((entry) => path.join(entry.parentPath, entry.name))
    .sort();
}
