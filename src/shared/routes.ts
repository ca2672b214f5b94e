/** App-relative paths (without the base path); the router adds the base. */
export const notePath = (slug: string): string => `/notes/${slug}/`;

/** The glossary page; a term's entry is `glossaryPath()#<term id>`. */
export const glossaryPath = (): string => '/glossary/';

/**
 * A tag's URL segment: the tag as written, lower case, spaces as `-`
 * (`Let's Encrypt` → `let's-encrypt`, `데이터베이스` stays). Two tags that
 * differ only in case or spacing share a page.
 */
export const tagSlug = (tag: string): string => tag.trim().toLowerCase().replace(/\s+/g, '-');

/** The page listing the notes with `tag`, percent-encoded like every other link (`/tags/%EB%B0%B0%ED%8F%AC/`). */
export const tagPath = (tag: string): string => `/tags/${encodeURIComponent(tagSlug(tag))}/`;

/** Every tag of the notes, once each (case and spacing aside), in the order they first appear. */
export function allTags(notes: readonly { tags: readonly string[] }[]): string[] {
  const tags = new Map<string, string>();
  for (const note of notes) for (const tag of note.tags) if (!tags.has(tagSlug(tag))) tags.set(tagSlug(tag), tag);
  return [...tags.values()];
}
