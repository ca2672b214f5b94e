import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import type { Plugin, ResolvedConfig, ViteDevServer } from 'vite';
import type { SearchData } from '../../shared/search/searchData.ts';
import { NOTES_PLUGIN_NAME, type NotesPluginApi } from '../notesPlugin.ts';
import type { Collection } from '../pipeline/collectNotes.ts';
import { formatMessage } from '../pipeline/formatMessage.ts';
import { buildSearchIndex } from './buildSearchIndex.ts';
import { parseSynonyms } from './parseSynonyms.ts';

export interface SearchPluginOptions {
  /** Folder of the notes, relative to the project root (default `content`). */
  contentDir?: string;
  /** Synonyms file inside `contentDir` (default `search-synonyms.yaml`); a missing file means no synonyms. */
  synonymsFile?: string;
}

/** `import('virtual:search-index')` gives `{ default: SearchData }`, in a chunk of its own. */
const MODULE_ID = 'virtual:search-index';
const RESOLVED_ID = `\0${MODULE_ID}`;

/** Thrown when the synonyms file has errors; lists each with `file:line:col`. */
export class SynonymsError extends Error {
  override name = 'SynonymsError';
  constructor(message: string) {
    super(message);
    this.stack = `${this.name}: ${message}`;
  }
}

/**
 * Serves the search index as a virtual module that the search dialog imports
 * dynamically, so it becomes its own chunk: nothing of it is in the first
 * page's JavaScript, it is fetched the first time search opens, and the
 * service worker can precache it like any other chunk (offline search).
 *
 * The notes come from the notes plugin's compiled collection (compiled once
 * per build), the synonyms from `content/search-synonyms.yaml`.
 */
export function searchPlugin(options: SearchPluginOptions = {}): Plugin {
  let config: ResolvedConfig;
  let contentDir: string;
  let synonymsPath: string;
  let notesApi: NotesPluginApi | undefined;

  const readSynonyms = async (): Promise<string[][]> => {
    if (!existsSync(synonymsPath)) return [];
    const relative = path.relative(config.root, synonymsPath).split(path.sep).join('/');
    const result = parseSynonyms(relative, await readFile(synonymsPath, 'utf8'));
    for (const message of result.messages.filter((m) => !m.fatal)) config.logger.warn(formatMessage(message));
    const errors = result.messages.filter((m) => m.fatal).map(formatMessage);
    if (errors.length > 0) throw new SynonymsError(`${errors.length} synonym error(s):\n${errors.join('\n')}`);
    return result.groups;
  };

  const getCollection = (): Promise<Collection> => {
    if (!notesApi) throw new Error(`searchPlugin needs notesPlugin (${NOTES_PLUGIN_NAME}) in the same Vite config`);
    return notesApi.getCollection();
  };

  return {
    name: 'study-notes:search',

    configResolved(resolved) {
      config = resolved;
      contentDir = path.resolve(config.root, options.contentDir ?? 'content');
      synonymsPath = path.join(contentDir, options.synonymsFile ?? 'search-synonyms.yaml');
      const notes = config.plugins.find((plugin) => plugin.name === NOTES_PLUGIN_NAME);
      notesApi = notes?.api as NotesPluginApi | undefined;
    },

    // Check the synonyms before anything is bundled, like note errors.
    async buildStart() {
      if (config.command === 'build') await readSynonyms();
    },

    configureServer(server: ViteDevServer) {
      server.watcher.add(synonymsPath);
      const onChange = (file: string): void => {
        if (!file.startsWith(contentDir) || !(file.endsWith('.md') || file === synonymsPath)) return;
        for (const environment of Object.values(server.environments)) {
          const module = environment.moduleGraph.getModuleById(RESOLVED_ID);
          if (module) environment.moduleGraph.invalidateModule(module);
        }
        if (file === synonymsPath) server.ws.send({ type: 'full-reload' });
      };
      server.watcher.on('add', onChange);
      server.watcher.on('change', onChange);
      server.watcher.on('unlink', onChange);
    },

    resolveId(id) {
      return id === MODULE_ID ? RESOLVED_ID : undefined;
    },

    async load(id, loadOptions) {
      if (id !== RESOLVED_ID) return undefined;
      // The prerender's server bundle never opens search: skip the work there.
      if (loadOptions?.ssr) return 'export default { index: null, notes: [], docs: [], synonyms: [] };';
      const collection = await getCollection();
      const data: SearchData = buildSearchIndex(collection.failed ? [] : collection.notes, await readSynonyms());
      // JSON.parse of a string is faster to start than the same object as a
      // JavaScript literal (https://v8.dev/blog/cost-of-javascript-2019#json).
      return `export default JSON.parse(${JSON.stringify(JSON.stringify(data))});`;
    },
  };
}
