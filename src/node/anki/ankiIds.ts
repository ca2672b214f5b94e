import { createHash } from 'node:crypto';

/**
 * Ids and checksums as Anki expects them. Anki matches an imported note to
 * one it already has by GUID, and its note types and decks by id, so every
 * id here is derived from a stable name (a question id, a note slug), never
 * from the clock: importing a rebuilt deck updates cards instead of adding
 * copies.
 */

/**
 * A positive integer id below 2^53 (exact in JavaScript and in SQLite's
 * INTEGER) from the SHA-1 of `name`, above 10^12 so it never collides with
 * Anki's built-in ids (the "Default" deck and deck options are 1).
 */
export function stableId(name: string): number {
  const digest = createHash('sha1').update(name, 'utf8').digest();
  // 48 bits of the digest, shifted above 2^40 (~1.1 × 10^12): still < 2^53.
  const value = digest.readUIntBE(0, 6);
  return 2 ** 40 + value;
}

// Anki's own GUID alphabet (base91 without the characters that need quoting).
const GUID_ALPHABET = 'abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789!#$%&()*+,-./:;<=>?@[]^_`{|}~';

/**
 * The note's GUID, from the question id alone: rewording a question keeps
 * it, so Anki updates the note it already has. 64 bits of SHA-256, written
 * in Anki's base-91 alphabet like the GUIDs Anki makes itself.
 */
export function guidFor(questionId: string): string {
  let value = createHash('sha256').update(`study-notes:question:${questionId}`, 'utf8').digest().readBigUInt64BE(0);
  let guid = '';
  const base = BigInt(GUID_ALPHABET.length);
  do {
    guid = GUID_ALPHABET[Number(value % base)] + guid;
    value /= base;
  } while (value > 0n);
  return guid;
}

const NAMED_ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: ' ' };

/**
 * A field as Anki sees it when it sorts and checks duplicates
 * (`strip_html_preserving_media_filenames` in Anki's rslib/src/text.rs):
 * an image becomes its file name, comments and tags go, entities are decoded
 * (`&nbsp;` as a plain space). Nothing is trimmed.
 */
export function stripHtmlForAnki(html: string): string {
  const withImages = html.replace(/<img[^>]*?\ssrc=["']?([^"'\s>]+)["']?[^>]*>/gi, ' $1 ');
  const withoutTags = withImages.replace(/<!--[\s\S]*?-->|<[^>]*>/g, '');
  return withoutTags.replace(/&(#x[0-9a-f]+|#[0-9]+|[a-z]+);/gi, (entity, name: string) => {
    if (name.startsWith('#x') || name.startsWith('#X')) return String.fromCodePoint(Number.parseInt(name.slice(2), 16));
    if (name.startsWith('#')) return String.fromCodePoint(Number.parseInt(name.slice(1), 10));
    return NAMED_ENTITIES[name.toLowerCase()] ?? entity;
  });
}

/**
 * Anki's duplicate check (`field_checksum`): the first 8 hex digits of the
 * SHA-1 of the stripped first field, as an unsigned 32-bit integer.
 */
export function fieldChecksum(strippedField: string): number {
  return Number.parseInt(createHash('sha1').update(strippedField, 'utf8').digest('hex').slice(0, 8), 16);
}

/** Seconds since the epoch at 00:00 UTC of a `YYYY-MM-DD` date (a note's `updated:`). */
export function dateSeconds(isoDate: string): number {
  const time = Date.parse(`${isoDate}T00:00:00Z`);
  if (Number.isNaN(time)) throw new Error(`Expected a YYYY-MM-DD date, got \`${isoDate}\``);
  return time / 1000;
}
