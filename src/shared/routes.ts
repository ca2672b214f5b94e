/** App-relative paths (without the base path); the router adds the base. */
export const notePath = (slug: string): string => `/notes/${slug}/`;

/** The glossary page; a term's entry is `glossaryPath()#<term id>`. */
export const glossaryPath = (): string => '/glossary/';
