import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import type { Plugin, ResolvedConfig, ViteDevServer } from 'vite';
import { NOTES_PLUGIN_NAME, type NotesPluginApi } from '../notesPlugin.ts';
import type { Collection } from '../pipeline/collectNotes.ts';
import { formatMessage } from '../pipeline/formatMessage.ts';
import { buildSearchIndex, type BuiltSearch } from './buildSearchIndex.ts';
import { parseSynonyms } from './parseSynonyms.ts';

export interface SearchPluginOptions {
  /** Folder of the notes, relative to the project root (default `content`). */
  contentDir?: string;
  /** Synonyms file inside `contentDir` (default `search-synonyms.yaml`); a missing file means no synonyms. */
  synonymsFile?: string;
}

/**
 * `import('virtual:search-index')` gives `{ default: SearchData, texts }`, in a
 * chunk of its own; `texts[n]()` imports note n's `SearchText`, one chunk per
 * note (`virtual:search-text-<slug>`, a name that says what the chunk is).
 */
const MODULE_ID = 'virtual:search-index';
const RESOLVED_ID = `\0${MODULE_ID}`;
const TEXT_PREFIX = 'virtual:search-text-';
const RESOLVED_TEXT_PREFIX = `\0${TEXT_PREFIX}`;

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

  // The index module and every note's text module come from one build of the
  // index; a change to the notes or synonyms (dev server) starts a new one.
  let built: { collection: Collection; synonyms: string; promise: Promise<BuiltSearch> } | undefined;
  const getBuilt = async (): Promise<BuiltSearch> => {
    const collection = await getCollection();
    const synonyms = existsSync(synonymsPath) ? await readFile(synonymsPath, 'utf8') : '';
    if (built?.collection !== collection || built.synonyms !== synonyms) {
      const promise = readSynonyms().then((groups) =>
        buildSearchIndex(
          collection.failed ? [] : collection.notes,
          groups,
          collection.failed ? [] : collection.glossary,
        ),
      );
      built = { collection, synonyms, promise };
    }
    return built.promise;
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
          for (const module of environment.moduleGraph.idToModuleMap.values()) {
            if (module.id === RESOLVED_ID || module.id?.startsWith(RESOLVED_TEXT_PREFIX)) {
              environment.moduleGraph.invalidateModule(module);
            }
          }
        }
        if (file === synonymsPath) server.ws.send({ type: 'full-reload' });
      };
      server.watcher.on('add', onChange);
      server.watcher.on('change', onChange);
      server.watcher.on('unlink', onChange);
    },

    resolveId(id) {
      if (id === MODULE_ID) return RESOLVED_ID;
      if (id.startsWith(TEXT_PREFIX)) return `\0${id}`;
      return undefined;
    },

    async load(id, loadOptions) {
      if (id !== RESOLVED_ID && !id.startsWith(RESOLVED_TEXT_PREFIX)) return undefined;
      // The prerender's server bundle never opens search: skip the work there.
      if (loadOptions?.ssr) {
        return id === RESOLVED_ID
          ? 'export default { index: null, notes: [], docs: [], synonyms: [] }; export const texts = [];'
          : 'export default [];';
      }
      const built = await getBuilt();
      if (id !== RESOLVED_ID) {
        const slug = id.slice(RESOLVED_TEXT_PREFIX.length);
        const note = built.data.notes.findIndex((entry) => entry.slug === slug);
        return jsonModule(built.texts[note] ?? []);
      }
      // One dynamic import per note, written out so the bundler makes each a chunk.
      const texts = built.data.notes
        .map(({ slug }) => `() => import(${JSON.stringify(TEXT_PREFIX + slug)}).then((module) => module.default)`)
        .join(',\n');
      return `${jsonModule(built.data)}\nexport const texts = [\n${texts}\n];`;
    },
  };
}

/**
 * JSON.parse of a string is faster to start than the same object as a
 * JavaScript literal (https://v8.dev/blog/cost-of-javascript-2019#json).
 */
function jsonModule(value: unknown): string {
  return `export default JSON.parse(${JSON.stringify(JSON.stringify(value))});`;
}
