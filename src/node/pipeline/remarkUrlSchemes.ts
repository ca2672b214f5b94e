import type { Root } from 'mdast';
import { visit } from 'unist-util-visit';
import type { VFile } from 'vfile';
import { reportFatal } from './reportFatal.ts';

/** Schemes a link may use; anything else (`javascript:`, `vbscript:`, `data:`, `file:`) is refused. */
const linkSchemes = new Set(['http', 'https', 'mailto']);
/** Schemes an image may use, besides raster `data:image/…` (no SVG: it can carry script). */
const imageSchemes = new Set(['http', 'https']);
const rasterDataImage = /^data:image\/(?:png|jpeg|gif|webp|avif)[;,]/i;

/**
 * Refuses URLs that run code or open a document of their own in links,
 * link definitions and images, wherever they are, including quiz choices,
 * prompts and explanations (this runs before remarkQuiz turns them into
 * HTML). An allowlist: links may be `http(s):` or `mailto:`; images
 * `http(s):` or a raster `data:image/…`; relative URLs are left to
 * remarkNoteLinks. The page's Content-Security-Policy would stop most of
 * these too, but an author should hear about them at build time, with a
 * place, rather than ship them.
 *
 * The scheme is read the way a browser reads it: tabs and newlines removed
 * anywhere, leading spaces and control characters ignored, case folded, after
 * Markdown has decoded entities (`java&#x09;script:` is `javascript:`).
 */
export function remarkUrlSchemes() {
  return (tree: Root, file: VFile) => {
    visit(tree, (node) => {
      if (node.type !== 'link' && node.type !== 'definition' && node.type !== 'image') return;
      const scheme = schemeOf(node.url);
      if (scheme === undefined) return;
      const isImage = node.type === 'image';
      const allowed = isImage
        ? imageSchemes.has(scheme) || rasterDataImage.test(browserUrl(node.url))
        : linkSchemes.has(scheme);
      if (allowed) return;
      const what = isImage ? 'an image' : node.type === 'definition' ? 'a link definition' : 'a link';
      const expected = isImage
        ? 'an https:// or http:// URL, or a data:image/png, jpeg, gif, webp or avif URL'
        : 'an https://, http:// or mailto: URL';
      reportFatal(
        file,
        `Unsafe URL \`${shorten(node.url)}\` in ${what}: expected ${expected}${danger(scheme, browserUrl(node.url))}`,
        node,
        'url-scheme',
      );
      // Reported: cleared so that no later plugin reports it again as a malformed link.
      node.url = '';
    });
  };
}

/** The URL as a browser parses it: no tabs or newlines, no leading or trailing spaces and control characters. */
function browserUrl(url: string): string {
  // eslint-disable-next-line no-control-regex -- browsers strip exactly these (WHATWG URL parsing)
  return url.replace(/[\t\n\r]/g, '').replace(/^[\u0000-\u0020]+|[\u0000-\u0020]+$/g, '');
}

/** The lowercase scheme, or undefined for a relative URL. */
function schemeOf(url: string): string | undefined {
  return /^([a-z][a-z\d+.-]*):/i.exec(browserUrl(url))?.[1]?.toLowerCase();
}

function danger(scheme: string, url: string): string {
  if (scheme === 'javascript' || scheme === 'vbscript') return ` (a \`${scheme}:\` URL runs code on the page)`;
  if (scheme === 'data')
    return ` (\`${url.slice(0, url.search(/[;,]|$/))}\` can be a page of its own that runs script)`;
  return '';
}

function shorten(url: string): string {
  return url.length > 60 ? `${url.slice(0, 57)}…` : url;
}
