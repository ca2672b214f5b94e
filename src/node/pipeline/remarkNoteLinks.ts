import type { Root } from 'mdast';
import type { Position } from 'unist';
import { visit } from 'unist-util-visit';
import type { VFile } from 'vfile';
import { notePath } from '../../shared/routes.ts';
import { reportFatal } from './reportFatal.ts';

/** A link from one note to another, checked once every note is compiled. */
export interface NoteLink {
  /** Slug of the note linked to (file name without `.md`). */
  slug: string;
  /** Heading id after `#`, decoded, or undefined for the top of the note. */
  fragment?: string;
  position?: Position;
}

export interface RemarkNoteLinksOptions {
  /** Base path the site is served under, ending in `/` (default `/`). */
  base?: string;
  /** Receives every note-to-note link, to be checked against the other notes. */
  collect: (link: NoteLink) => void;
}

const externalUrl = /^[a-z][a-z\d+.-]*:/i;
const noteFile = /^(?:\.\/)?([^/#?]+)\.md(?:#(.*))?$/;

/**
 * Rewrites links to other notes, written as relative file links so they also
 * work on GitHub (`[TLS](https-ssl.md#tls-13)`), into site URLs under the base
 * path (`/study-notes/notes/https-ssl/#tls-13`), and hands each one to
 * `collect` so the caller can check that the note and heading exist.
 *
 * Same-page `#fragment` links are left alone (checked after slugging);
 * absolute `/paths` and relative links to anything but a note are errors,
 * because they would break under a base path.
 */
export function remarkNoteLinks(options: RemarkNoteLinksOptions) {
  const base = options.base ?? '/';
  return (tree: Root, file: VFile) => {
    visit(tree, (node) => {
      if (node.type !== 'link' && node.type !== 'definition') return;
      const url = node.url;
      if (url === '' || externalUrl.test(url) || url.startsWith('#')) return;

      const match = noteFile.exec(url);
      if (!match) {
        reportFatal(
          file,
          `Unexpected link \`${url}\`: expected a full URL (https://…), a heading on this page (#id), or another note as \`slug.md\` or \`slug.md#heading-id\``,
          node,
          'link-form',
        );
        return;
      }
      const slug = match[1] as string;
      const fragment = match[2] ? safeDecode(match[2]) : undefined;
      const link: NoteLink = { slug };
      if (fragment) link.fragment = fragment;
      if (node.position) link.position = node.position;
      options.collect(link);
      node.url = `${base}${notePath(slug).slice(1)}${fragment ? `#${encodeURIComponent(fragment)}` : ''}`;
    });
  };
}

function safeDecode(value: string): string {
  try {
    return decodeURIComponent(value);
  } catch {
    return value;
  }
}
