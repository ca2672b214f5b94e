/** App-relative paths (without the base path); the router adds the base. */
export const notePath = (slug: string): string => `/notes/${slug}/`;

/**
 * A tag's URL segment: the tag as written, lower case, spaces as `-`
 * (`Let's Encrypt` → `let's-encrypt`, `데이터베이스` stays). Two tags that
 * differ only in case or spacing share a page.
 */
export const tagSlug = (tag: string): string => tag.trim().toLowerCase().replace(/\s+/g, '-');

/** The page listing the notes with `tag`, percent-encoded like every other link (`/tags/%EB%B0%B0%ED%8F%AC/`). */
export const tagPath = (tag: string): string => `/tags/${encodeURIComponent(tagSlug(tag))}/`;
