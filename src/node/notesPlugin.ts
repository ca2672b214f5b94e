import { createHash } from 'node:crypto';
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import type { VFileMessage } from 'vfile-message';
import type { Plugin, ResolvedConfig, ViteDevServer } from 'vite';
import { groupGlossary, termCardId } from '../shared/glossary.ts';
import { flatBlocks } from '../shared/note.ts';
import { collectNotes, toMeta, type Collection, type SourceFile } from './pipeline/collectNotes.ts';
import { formatMessage } from './pipeline/formatMessage.ts';
import { MAX_PRECACHE_FILE_BYTES, noteSizeProblems, type NoteFile } from './pwa/noteSizeLimit.ts';

export interface NotesPluginOptions {
  /** Folder of Markdown notes, relative to the project root (default `content`). */
  contentDir?: string;
  /**
   * The service worker's per-file precache limit (default
   * `MAX_PRECACHE_FILE_BYTES`): a note whose data chunk is larger fails the
   * build with the note's file and place.
   */
  maxFileBytes?: number;
}

/** The module the app imports: `notes` (metadata) and `loadNote(slug)`. */
const INDEX_ID = 'virtual:study-notes';
/** One module per note: `virtual:study-notes/note/<slug>`, each its own chunk. */
const NOTE_PREFIX = 'virtual:study-notes/note/';
/** Every question of every note, for the review page (its own lazy chunk). */
const QUESTIONS_ID = 'virtual:study-notes/questions';
/**
 * What a note page's islands need, and nothing of its prose (which the
 * prerendered HTML already holds): `virtual:study-notes/islands` lists every
 * question id (for the due badge) and loads, per note, a chunk of its
 * questions (`…/quizzes/<slug>`) and one of its diagrams (`…/diagrams/<slug>`),
 * each keyed by id.
 */
const ISLANDS_ID = 'virtual:study-notes/islands';
const QUIZZES_PREFIX = 'virtual:study-notes/quizzes/';
const DIAGRAMS_PREFIX = 'virtual:study-notes/diagrams/';
/**
 * The site's glossary, for /glossary/ and the review page's term cards (its
 * own chunk): every term in the page's order, grouped, with note titles.
 */
const GLOSSARY_ID = 'virtual:study-notes/glossary';
/** Each note's question ids by slug, for the home page's progress bars (its own chunk). */
const NOTE_QUESTIONS_ID = 'virtual:study-notes/note-questions';

/**
 * What other build plugins (search index, prerendering) can ask of this one:
 * `config.plugins.find((p) => p.name === NOTES_PLUGIN_NAME)?.api`.
 */
export interface NotesPluginApi {
  /** The compiled notes, shared with the virtual modules (compiled once per build or content change). */
  getCollection: () => Promise<Collection>;
}

export const NOTES_PLUGIN_NAME = 'study-notes:notes';

/** Thrown when content has errors; the message lists every one with its place. */
export class ContentError extends Error {
  override name = 'ContentError';
  constructor(message: string) {
    super(message);
    // The author needs the file:line list, not our plugin's stack frames.
    this.stack = `${this.name}: ${message}`;
  }

  /** One error listing every fatal message, one `file:line:col: error: …` line each. */
  static of(messages: readonly VFileMessage[]): ContentError {
    const errors = messages.filter((m) => m.fatal).map(formatMessage);
    return new ContentError(`${errors.length} content error(s):\n${errors.join('\n')}`);
  }
}

/**
 * The last compiled collection in this process, keyed by the notes' text and
 * the base path. The prerender's nested server build (prerenderPlugin.ts)
 * loads vite.config.ts again, so it has a plugin instance of its own, from a
 * module instance of its own (Vite bundles the config file each time): a
 * module variable would not reach it, a global symbol does. It then reuses
 * the client build's notes instead of compiling every one again (seconds).
 * One entry only: a process that builds other content (tests, the bench)
 * replaces it.
 */
const COMPILED = Symbol.for('study-notes:compiled-notes');
type CompiledCache = { key: string; collection: Promise<Collection> };

function compiledOnce(files: SourceFile[], base: string): Promise<Collection> {
  const hash = createHash('sha256').update(base);
  for (const file of [...files].sort((a, b) => a.path.localeCompare(b.path)))
    hash.update(`\0${file.path}\0${file.text}`);
  const key = hash.digest('hex');
  const global = globalThis as { [COMPILED]?: CompiledCache };
  const cached = global[COMPILED];
  if (cached?.key === key) return cached.collection;
  const collection = Promise.resolve().then(() => collectNotes(files, { base }));
  global[COMPILED] = { key, collection };
  return collection;
}

/**
 * Reads `content/*.md`, runs the pipeline, and serves the results as virtual
 * modules. Only serialized data reaches the browser, never unified or
 * highlight.js. In a build, a content error stops everything before a file is
 * written (and `npm run build` publishes only a complete build, see
 * buildSite.ts); in dev it shows in Vite's error overlay.
 */
export function notesPlugin(options: NotesPluginOptions = {}): Plugin<NotesPluginApi> {
  let config: ResolvedConfig;
  let contentDir: string;
  let collection: Promise<Collection> | undefined;

  const load = async (): Promise<Collection> => {
    const names = (await readdir(contentDir)).filter((name) => name.endsWith('.md') && name !== 'README.md');
    const files = await Promise.all(
      names.map(async (name) => ({
        path: path.relative(config.root, path.join(contentDir, name)).split(path.sep).join('/'),
        text: await readFile(path.join(contentDir, name), 'utf8'),
      })),
    );
    return compiledOnce(files, config.base);
  };

  // One compile per build (and per content change in dev), shared by every
  // virtual module that asks for it.
  const getCollection = (): Promise<Collection> => (collection ??= load());

  const report = (result: Collection): void => {
    for (const message of result.messages.filter((m) => !m.fatal)) config.logger.warn(formatMessage(message));
    if (result.failed) throw ContentError.of(result.messages);
  };

  return {
    name: NOTES_PLUGIN_NAME,
    enforce: 'pre',
    api: { getCollection },

    configResolved(resolved) {
      config = resolved;
      contentDir = path.resolve(config.root, options.contentDir ?? 'content');
    },

    async buildStart() {
      if (config.command !== 'build') return;
      collection = undefined;
      report(await getCollection());
    },

    // Here, before any file is written: vite-plugin-pwa checks sizes in
    // `closeBundle`, which Vite runs even after a failure, and its error
    // (naming only the output file) would replace this one.
    async generateBundle(_output, bundle) {
      if (config.command !== 'build' || config.build.ssr) return;
      const result = await getCollection();
      const files: NoteFile[] = [];
      for (const output of Object.values(bundle)) {
        const id = output.type === 'chunk' ? output.facadeModuleId : null;
        if (output.type !== 'chunk' || !id?.startsWith(`\0${NOTE_PREFIX}`)) continue;
        files.push({
          slug: id.slice(`\0${NOTE_PREFIX}`.length),
          file: output.fileName,
          bytes: Buffer.byteLength(output.code),
        });
      }
      const problems = noteSizeProblems(files, result.notes, options.maxFileBytes ?? MAX_PRECACHE_FILE_BYTES);
      if (problems.length > 0) throw ContentError.of(problems);
    },

    configureServer(server: ViteDevServer) {
      server.watcher.add(contentDir);
      const onChange = (file: string): void => {
        if (!file.startsWith(contentDir) || !file.endsWith('.md')) return;
        collection = undefined;
        const graph = server.environments.client.moduleGraph;
        for (const module of graph.idToModuleMap.values()) {
          if (module.id?.startsWith(`\0${INDEX_ID}`)) graph.invalidateModule(module);
        }
        server.ws.send({ type: 'full-reload' });
      };
      server.watcher.on('add', onChange);
      server.watcher.on('change', onChange);
      server.watcher.on('unlink', onChange);
    },

    resolveId(id) {
      if (
        id === INDEX_ID ||
        id === QUESTIONS_ID ||
        id === ISLANDS_ID ||
        id === GLOSSARY_ID ||
        id === NOTE_QUESTIONS_ID ||
        id.startsWith(NOTE_PREFIX) ||
        id.startsWith(QUIZZES_PREFIX) ||
        id.startsWith(DIAGRAMS_PREFIX)
      )
        return `\0${id}`;
      return undefined;
    },

    async load(id) {
      if (!id.startsWith(`\0${INDEX_ID}`)) return undefined;
      const result = await getCollection();
      report(result);

      if (id === `\0${INDEX_ID}`) {
        const metas = result.notes.map(toMeta);
        const loaders = result.notes
          .map(
            ({ note }) => `  ${JSON.stringify(note.slug)}: () => import(${JSON.stringify(NOTE_PREFIX + note.slug)}),`,
          )
          .join('\n');
        return [
          `export const notes = ${JSON.stringify(metas)};`,
          `const loaders = {\n${loaders}\n};`,
          'export function loadNote(slug) {',
          '  const load = Object.hasOwn(loaders, slug) ? loaders[slug] : undefined;',
          '  return load ? load().then((module) => module.default) : Promise.resolve(undefined);',
          '}',
        ].join('\n');
      }

      if (id === `\0${QUESTIONS_ID}`) {
        const questions = result.notes.flatMap(({ questions: list }) => list);
        const titles = Object.fromEntries(result.notes.map(({ note }) => [note.slug, note.title]));
        return `export const questions = ${JSON.stringify(questions)};\nexport const noteTitles = ${JSON.stringify(titles)};`;
      }

      if (id === `\0${GLOSSARY_ID}`) {
        const titles = Object.fromEntries(result.notes.map(({ note }) => [note.slug, note.title]));
        return `export const glossaryGroups = ${JSON.stringify(groupGlossary(result.glossary))};\nexport const noteTitles = ${JSON.stringify(titles)};`;
      }

      if (id === `\0${NOTE_QUESTIONS_ID}`)
        return `export const questionIdsByNote = ${JSON.stringify(Object.fromEntries(result.notes.map(({ note }) => [note.slug, note.questionIds])))};`;

      if (id === `\0${ISLANDS_ID}`) {
        const loaders = (prefix: string) =>
          result.notes
            .map(({ note }) => `  ${JSON.stringify(note.slug)}: () => import(${JSON.stringify(prefix + note.slug)}),`)
            .join('\n');
        return [
          `export const questionIds = ${JSON.stringify(result.notes.flatMap(({ note }) => note.questionIds))};`,
          `export const termCardIds = ${JSON.stringify(result.glossary.map((entry) => termCardId(entry.id)))};`,
          `const quizzes = {\n${loaders(QUIZZES_PREFIX)}\n};`,
          `const diagrams = {\n${loaders(DIAGRAMS_PREFIX)}\n};`,
          'const pick = (table, slug) => (Object.hasOwn(table, slug) ? table[slug]().then((module) => module.default) : Promise.resolve({}));',
          'export const loadQuizzes = (slug) => pick(quizzes, slug);',
          'export const loadDiagrams = (slug) => pick(diagrams, slug);',
        ].join('\n');
      }

      for (const [prefix, kind] of [
        [QUIZZES_PREFIX, 'quiz'],
        [DIAGRAMS_PREFIX, 'diagram'],
      ] as const) {
        if (!id.startsWith(`\0${prefix}`)) continue;
        const wanted = id.slice(`\0${prefix}`.length);
        const found = result.notes.find(({ note }) => note.slug === wanted);
        if (!found) throw new ContentError(`No note with slug \`${wanted}\``);
        const byId: Record<string, unknown> = {};
        for (const block of flatBlocks(found.note.body)) {
          if (block.kind === 'quiz' && kind === 'quiz') byId[block.question.id] = block.question;
          if (block.kind === 'diagram' && kind === 'diagram') byId[block.diagram.id] = block.diagram;
        }
        return `export default ${JSON.stringify(byId)};`;
      }

      const slug = id.slice(`\0${NOTE_PREFIX}`.length);
      const compiled = result.notes.find(({ note }) => note.slug === slug);
      if (!compiled) throw new ContentError(`No note with slug \`${slug}\``);
      return `export default ${JSON.stringify(compiled.note)};`;
    },
  };
}
