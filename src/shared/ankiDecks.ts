/**
 * Where the built Anki decks are (src/node/anki writes them), app-relative
 * like `notePath`: the page adds the base path. Note decks sit in a folder of
 * their own so no slug can take the whole-site deck's name.
 */
export const noteDeckPath = (slug: string): string => `/anki/notes/${slug}.apkg`;
export const SITE_DECK_PATH = '/anki/study-notes.apkg';

/** The name a deck is saved under (Anki shows the deck's own name after import). */
export const noteDeckFileName = (slug: string): string => `study-notes-${slug}.apkg`;
export const SITE_DECK_FILE_NAME = 'study-notes.apkg';
