/** App-relative paths (without the base path); the router adds the base. */
export const notePath = (slug: string): string => `/notes/${slug}/`;
