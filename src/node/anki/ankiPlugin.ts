import type { Plugin, ResolvedConfig } from 'vite';
import { noteDeckPath, SITE_DECK_PATH } from '../../shared/ankiDecks.ts';
import { SITE_DESCRIPTION, SITE_NAME } from '../../shared/pageHead.ts';
import { notePath } from '../../shared/routes.ts';
import { NOTES_PLUGIN_NAME, type NotesPluginApi } from '../notesPlugin.ts';
import type { CompiledNote } from '../pipeline/compileNote.ts';
import { dateSeconds } from './ankiIds.ts';
import { questionToAnki } from './questionToAnki.ts';
import { writeApkg, type ApkgDeck } from './writeApkg.ts';

export interface AnkiPluginOptions {
  /**
   * Public URL of the site including the base path. With it, links on the
   * cards' backs open the site from Anki; without it they are paths under
   * the base (`/study-notes/notes/…`), which is all the build knows.
   */
  siteUrl?: string | undefined;
}

/**
 * Emits Anki decks with the client build: `anki/notes/<slug>.apkg` per note
 * and `anki/study-notes.apkg` for the whole site (paths in
 * src/shared/ankiDecks.ts). They are ordinary build assets, so the service
 * worker precaches them like the pages that link to them.
 */
export function ankiPlugin(options: AnkiPluginOptions = {}): Plugin {
  let config: ResolvedConfig;
  return {
    name: 'study-notes:anki',
    apply: 'build',
    configResolved(resolved) {
      config = resolved;
    },
    async generateBundle() {
      if (config.build.ssr) return;
      const api = config.plugins.find((plugin) => plugin.name === NOTES_PLUGIN_NAME)?.api as NotesPluginApi | undefined;
      if (!api) throw new Error(`ankiPlugin needs notesPlugin (${NOTES_PLUGIN_NAME}) in the same Vite config`);
      const collection = await api.getCollection();
      if (collection.failed) return;
      const siteRoot = options.siteUrl ? options.siteUrl.replace(/\/?$/, '/') : config.base;
      const decks = collection.notes.map((compiled) => ankiDeck(compiled, siteRoot, config.base));
      for (const deck of decks) {
        this.emitFile({
          type: 'asset',
          fileName: noteDeckPath(deck.key).slice(1),
          source: await writeApkg({ rootName: SITE_NAME, rootDescription: SITE_DESCRIPTION, decks: [deck] }),
        });
      }
      this.emitFile({
        type: 'asset',
        fileName: SITE_DECK_PATH.slice(1),
        source: await writeApkg({ rootName: SITE_NAME, rootDescription: SITE_DESCRIPTION, decks }),
      });
    },
  };
}

/**
 * One note's questions as a subdeck. `siteRoot` is the public URL or the base
 * path, ending in `/`; links inside question HTML that start with the base are
 * moved under it.
 */
export function ankiDeck({ note, questions }: CompiledNote, siteRoot: string, base: string): ApkgDeck {
  const pageUrl = `${siteRoot}${notePath(note.slug).slice(1)}`;
  const rewriteHref = (href: string) => (href.startsWith(base) ? siteRoot + href.slice(base.length) : href);
  return {
    key: note.slug,
    name: note.title,
    description: note.summary,
    modSeconds: dateSeconds(note.updated),
    notes: questions.map((question) =>
      questionToAnki(question, { note: { slug: note.slug, title: note.title }, pageUrl, rewriteHref }),
    ),
  };
}
