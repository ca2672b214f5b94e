import type { Element, ElementContent, Root as HastRoot } from 'hast';
import { toHtml } from 'hast-util-to-html';
import { toString as hastToString } from 'hast-util-to-string';
import type { Root as MdastRoot, RootContent } from 'mdast';
import type { Position } from 'unist';
import { toString as mdastToString } from 'mdast-util-to-string';
import nginx from 'highlight.js/lib/languages/nginx';
import { common } from 'lowlight';
import rehypeAutolinkHeadings from 'rehype-autolink-headings';
import rehypeHighlight from 'rehype-highlight';
import rehypeSlug from 'rehype-slug';
import remarkCjkFriendly from 'remark-cjk-friendly';
import remarkDirective from 'remark-directive';
import remarkFrontmatter from 'remark-frontmatter';
import remarkGfm from 'remark-gfm';
import remarkParse from 'remark-parse';
import remarkRehype from 'remark-rehype';
import { unified } from 'unified';
import { VFile } from 'vfile';
import type { VFileMessage } from 'vfile-message';
import { stepAnchor } from '../../shared/diagram.ts';
import type { Note, NoteBlock, OutlineItem } from '../../shared/note.ts';
import type { QuizQuestion } from '../../shared/quiz.ts';
import { codeLanguageAliases } from './codeLanguages.ts';
import type { Frontmatter } from './frontmatterSchema.ts';
import { parseFrontmatter } from './parseFrontmatter.ts';
import { renderInline } from './inlineMarkdown.ts';
import { readingMinutes } from './readingMinutes.ts';
import { rehypeCodeBlocks } from './rehypeCodeBlocks.ts';
import { rehypeOutline } from './rehypeOutline.ts';
import { rehypeSections, type NoteSection } from './rehypeSections.ts';
import { rehypeBreakLongCode } from './rehypeBreakLongCode.ts';
import { rehypeKeepJoined } from './rehypeKeepJoined.ts';
import { rehypeTableRegions } from './rehypeTableRegions.ts';
import { remarkCallouts } from './remarkCallouts.ts';
import { isDeepSection, remarkDeep } from './remarkDeep.ts';
import { remarkDirectiveFences } from './remarkDirectiveFences.ts';
import { DIAGRAM_LANGUAGE, remarkDiagrams } from './remarkDiagrams.ts';
import { remarkNoteLinks, type NoteLink } from './remarkNoteLinks.ts';
import { remarkQuiz } from './remarkQuiz.ts';
import { remarkRawHtml } from './remarkRawHtml.ts';
import { remarkUrlSchemes } from './remarkUrlSchemes.ts';
import { remarkTermMarkers } from './remarkTermMarkers.ts';
import { rehypeTermLinks } from './rehypeTermLinks.ts';
import { collectGlossary, type GlossaryIndex } from './collectGlossary.ts';
import { termsOf, type DefinedTerm } from './noteTerms.ts';
import { reportFatal } from './reportFatal.ts';
import { EMBED_TAG, splitBlocks } from './splitBlocks.ts';

export interface CompileOptions {
  /** Base path the site is served under, starting and ending with `/` (default `/`). */
  base?: string;
  /**
   * Every term of the site (from `collectGlossary`), so prose links any
   * note's terms. Without it, the note links only the terms it defines.
   */
  glossary?: GlossaryIndex;
}

/** A compiled note plus what only the build needs (search text, links to check). */
export interface CompiledNote {
  /** The Markdown file, as given to `compileNote` (`content/uwsgi.md`), for messages. */
  path: string;
  note: Note;
  /** Plain text of the body, for search. */
  text: string;
  /** The body cut at its h2/h3 headings, for section-level search results. */
  sections: NoteSection[];
  /** Links to other notes, checked by `collectNotes` once all notes are known. */
  links: NoteLink[];
  /** Every element id in the body, for checking `note.md#id` links into this note. */
  ids: Set<string>;
  /** The note's questions, in order (also inside `note.body`). */
  questions: QuizQuestion[];
  /**
   * The size of each top-level block of the body as delivered (HTML, or JSON
   * for a quiz or diagram) with its place, so a note too large to keep
   * offline can say where its bulk is.
   */
  blockSizes: BlockSize[];
  /** Where each question's id is written, for messages about ids used in two notes. */
  questionIdPlaces: Map<string, Position | undefined>;
  /** The terms the note defines in its front matter, with where each is written. */
  definedTerms: DefinedTerm[];
  /** Ids of the glossary terms its prose links, in order of first link. */
  linkedTerms: string[];
}

export interface BlockSize {
  place?: Position;
  bytes: number;
}

export interface CompileResult {
  /** Present only when no message is fatal. */
  compiled?: CompiledNote;
  /** Warnings and errors, each with the file path and a position. */
  messages: VFileMessage[];
}

const slugPattern = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

/**
 * Compiles one note from Markdown text to a `Note`.
 *
 * Pure: no file system, clock or global state, so tests call it on strings.
 * `path` is only used for the slug (the file name) and in messages, e.g.
 * `content/uwsgi.md:12:3: Unknown directive …`.
 */
export function compileNote(path: string, text: string, options: CompileOptions = {}): CompileResult {
  const file = new VFile({ path, value: text });
  const slug = slugFromPath(path);
  if (!slugPattern.test(slug)) {
    reportFatal(
      file,
      `Invalid note file name \`${slug}.md\`: expected lowercase letters, digits and single hyphens (e.g. \`nginx-wsgi.md\`), because the name is the note's URL`,
      { line: 1, column: 1 },
      'note-slug',
    );
  }

  const links: NoteLink[] = [];
  const questions: QuizQuestion[] = [];
  const questionIdPlaces = new Map<string, Position | undefined>();
  // Interactive blocks collected by embed plugins, in placeholder order.
  const embeds: NoteBlock[] = [];
  const addEmbed = (block: NoteBlock): number => embeds.push(block) - 1;
  let outline: OutlineItem[] = [];
  let sections: NoteSection[] = [];
  let ids = new Set<string>();
  const diagramIds: string[] = [];
  let frontmatter: Frontmatter | undefined;
  let definedTerms: DefinedTerm[] = [];
  let linkedTerms: string[] = [];
  // Filled by the front-matter step, read by the linking step (plugins run in order).
  let glossary: GlossaryIndex | undefined = options.glossary;

  const processor = unified()
    .use(remarkParse)
    .use(remarkFrontmatter, ['yaml'])
    .use(remarkGfm)
    // Lets `**굵게**는` close before Korean particles (CommonMark's flanking rules assume spaces).
    .use(remarkCjkFriendly)
    .use(remarkDirective)
    .use(remarkDirectiveFences)
    // Before remarkQuiz turns quiz prompts, choices and explanations into HTML strings.
    .use(remarkUrlSchemes)
    .use(remarkRawHtml)
    .use(() => (tree: MdastRoot, vfile: VFile) => {
      const parsed = parseFrontmatter(tree, vfile);
      frontmatter = parsed?.data;
      definedTerms = parsed ? termsOf(parsed) : [];
      if (!glossary) {
        const own = collectGlossary([{ path, slug, terms: definedTerms }]);
        for (const message of own.messages) reportFatal(vfile, message.reason, message.place ?? undefined, 'glossary');
        glossary = own.index;
      }
    })
    // Before remarkQuiz, which renders quiz text itself, and remarkCallouts, which rejects unknown text directives.
    .use(remarkTermMarkers)
    .use(remarkNoteLinks, { base: options.base ?? '/', collect: (link) => links.push(link) })
    .use(remarkQuiz, {
      noteSlug: slug,
      addEmbed,
      collect: (question, idPlace) => {
        questions.push(question);
        questionIdPlaces.set(question.id, idPlace);
      },
    })
    // Diagram figures and their step anchors are link targets too (`note.md#tls13-handshake-step-3`).
    .use(remarkDiagrams, {
      addEmbed,
      collect: (diagram) => diagramIds.push(diagram.id, ...diagram.steps.map((_, i) => stepAnchor(diagram.id, i + 1))),
    })
    // After quizzes and diagrams (they may sit inside a deep section), before callouts reject unknown boxes.
    .use(remarkDeep)
    .use(remarkCallouts)
    .use(remarkRehype)
    .use(rehypeSlug)
    .use(rehypeSections, {
      collect: (collected) => {
        sections = collected;
      },
    })
    .use(() => (tree: HastRoot, vfile: VFile) => {
      if (!glossary) return;
      rehypeTermLinks({ glossary, base: options.base ?? '/', collect: (ids) => (linkedTerms = ids) })(tree, vfile);
    })
    .use(rehypeAutolinkHeadings, {
      behavior: 'after',
      group: (heading: Element): Element => ({
        type: 'element',
        tagName: 'div',
        properties: { className: ['heading-wrapper', `level-${heading.tagName}`] },
        children: [],
      }),
      properties: { className: ['heading-anchor'] },
      content: (heading: Element): ElementContent[] => [
        {
          type: 'element',
          tagName: 'span',
          properties: { ariaHidden: 'true' },
          children: [{ type: 'text', value: '#' }],
        },
        {
          type: 'element',
          tagName: 'span',
          properties: { className: ['sr-only'] },
          children: [{ type: 'text', value: `“${hastToString(heading)}” 절 링크` }],
        },
      ],
    })
    .use(rehypeHighlight, {
      languages: { ...common, nginx },
      aliases: codeLanguageAliases,
      plainText: ['text', 'console'],
    })
    .use(rehypeCodeBlocks)
    .use(rehypeTableRegions)
    .use(rehypeKeepJoined)
    .use(rehypeBreakLongCode)
    .use(rehypeOutline, {
      collect: (items, allIds) => {
        outline = items;
        ids = new Set([...allIds, ...diagramIds]);
      },
    });

  let body: NoteBlock[] = [];
  let plainText = '';
  let readingText = '';
  let deepText = '';
  let blockSizes: BlockSize[] = [];
  try {
    const tree = processor.parse(file);
    // Front matter and diagram sources (YAML) are data, not reading text;
    // questions are searchable but are not part of reading time.
    const content = tree.children.filter(
      (node) => node.type !== 'yaml' && !(node.type === 'code' && node.lang === DIAGRAM_LANGUAGE),
    );
    plainText = mdastToString({ ...tree, children: content }, { includeHtml: false });
    // Reading time is the main path's; "심화" sections are timed apart, as a learner may skip them.
    const isQuiz = (node: RootContent) => node.type === 'containerDirective' && node.name === 'quiz';
    const isDiagram = (node: RootContent) => node.type === 'code' && node.lang === DIAGRAM_LANGUAGE;
    readingText = mdastToString(
      { ...tree, children: content.filter((node) => !isQuiz(node) && !isDeepSection(node)) },
      { includeHtml: false },
    );
    deepText = content
      .filter(isDeepSection)
      .map((node) =>
        'children' in node
          ? mdastToString(
              { type: 'root', children: node.children.filter((child) => !isQuiz(child) && !isDiagram(child)) },
              { includeHtml: false },
            )
          : '',
      )
      .join('\n');
    const hast = processor.runSync(tree, file) as HastRoot;
    blockSizes = measureBlocks(hast, embeds);
    body = splitBlocks(hast, embeds);
  } catch (error) {
    // A plugin bug, not an author mistake: still report it against the file.
    reportFatal(
      file,
      `Could not compile note: ${error instanceof Error ? error.message : String(error)}`,
      undefined,
      'internal',
    );
  }

  const messages = [...file.messages];
  if (messages.some((message) => message.fatal) || !frontmatter) return { messages };

  const note: Note = {
    slug,
    title: frontmatter.title,
    summary: frontmatter.summary,
    order: frontmatter.order,
    tags: frontmatter.tags,
    updated: frontmatter.updated,
    readingMinutes: readingMinutes(readingText),
    deepMinutes: deepText.trim() ? readingMinutes(deepText) : 0,
    prerequisites: frontmatter.prerequisites,
    ...(frontmatter.pathReason ? { pathReason: frontmatter.pathReason } : {}),
    questionIds: questions.map((question) => question.id),
    goals: frontmatter.goals.map(renderInline),
    sources: frontmatter.sources,
    body,
    outline,
    terms: definedTerms.map(({ id, term, also, definition }) => ({ id, term, also, definition })),
  };
  return {
    compiled: {
      path,
      note,
      text: plainText,
      sections,
      links,
      ids,
      questions,
      questionIdPlaces,
      blockSizes,
      definedTerms,
      linkedTerms,
    },
    messages,
  };
}

/** Bytes of each top-level block, placed at its source (an embed counts as the JSON it ships as). */
function measureBlocks(tree: HastRoot, embeds: readonly NoteBlock[]): BlockSize[] {
  const placeOf = (node: HastRoot['children'][number]): Position | undefined =>
    node.position ?? ('children' in node ? node.children.map(placeOf).find(Boolean) : undefined);
  const measure = (nodes: HastRoot['children']): BlockSize[] =>
    nodes.flatMap((node) => {
      if (node.type !== 'element') return [];
      // A deep section holds embeds of its own: measure its parts, each at its place.
      if (node.tagName === 'details') {
        const body = node.children.find((child) => child.type === 'element' && child.tagName === 'div');
        if (body && 'children' in body) return measure(body.children);
      }
      const embed = node.tagName === EMBED_TAG ? embeds[Number(node.properties.dataIndex)] : undefined;
      const bytes = Buffer.byteLength(embed ? JSON.stringify(embed) : toHtml(node));
      const place = placeOf(node);
      return [place ? { place, bytes } : { bytes }];
    });
  return measure(tree.children);
}

/** `content/nginx-wsgi.md` → `nginx-wsgi`. */
export function slugFromPath(path: string): string {
  const name = path.split(/[\\/]/).pop() ?? path;
  return name.replace(/\.md$/i, '');
}
