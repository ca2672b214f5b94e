import GithubSlugger from 'github-slugger';
import { toHtml } from 'hast-util-to-html';
import type { List, ListItem, Paragraph, PhrasingContent, Root, RootContent } from 'mdast';
import type { ContainerDirective } from 'mdast-util-directive';
import { toHast } from 'mdast-util-to-hast';
import { toString } from 'mdast-util-to-string';
import type { Node, Position } from 'unist';
import { visit } from 'unist-util-visit';
import type { VFile } from 'vfile';
import type { NoteBlock } from '../../shared/note.ts';
import type { ClozePart, QuestionType, QuizQuestion } from '../../shared/quiz.ts';
import { isDeepSection } from './remarkDeep.ts';
import { reportFatal } from './reportFatal.ts';

export interface RemarkQuizOptions {
  /** Slug of the note being compiled. */
  noteSlug: string;
  /** Stores an interactive block and returns its index for the placeholder. */
  addEmbed: (block: NoteBlock) => number;
  /**
   * Receives every compiled question (for the review page) and where its id is
   * written (for the check that ids are unique across notes).
   */
  collect: (question: QuizQuestion, idPlace: Position | undefined) => void;
}

const idPattern = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
const types: readonly QuestionType[] = ['single', 'multiple', 'truefalse', 'cloze', 'flashcard', 'order', 'match'];
const gapPattern = /==([^=]+?)==/g;
const trueWords = new Set(['참', 'O', 'o', '맞다', '예']);
const falseWords = new Set(['거짓', 'X', 'x', '틀리다', '아니오']);

/**
 * Compiles `:::quiz{#id}` containers into questions.
 *
 * The body is plain Markdown, in conventions authors know from Obsidian's
 * spaced-repetition plugin and quizdown:
 * - a GFM task list is a choice question (`- [x]` marks correct answers: one
 *   → single, several → multiple; the items 참/거짓 → true/false);
 * - a line holding only `?` splits a flashcard's front from its back;
 * - `==answer==` (or `==answer|variant==`) is a cloze gap;
 * - `type=order` with a list in the correct order; `type=match` with
 *   `term :: meaning` items;
 * - everything after a `---` line is the explanation shown after answering.
 *
 * Each question links to the h2 section it sits in.
 * The container becomes a placeholder the page renders as a component.
 */
export function remarkQuiz(options: RemarkQuizOptions) {
  return (tree: Root, file: VFile) => {
    const sectionOf = headingSections(tree);
    const seen = new Map<string, Position | undefined>();

    visit(tree, 'containerDirective', (node, index, parent) => {
      const directive = node as ContainerDirective;
      if (directive.name !== 'quiz' || index === undefined || !parent) return;
      if (parent.type !== 'root' && !isDeepSection(parent)) {
        reportFatal(
          file,
          'Unexpected `:::quiz` inside another block: expected it at the top level of the note (or directly inside a `:::deep` section)',
          directive,
          'quiz-nesting',
        );
        return;
      }
      const question = compileQuestion(directive, file, options.noteSlug, sectionOf(directive));
      if (!question) {
        // Already reported; drop it so no other plugin reports it again.
        parent.children.splice(index, 1);
        return index;
      }
      const idPlace = quizIdPlace(directive, file, question.id);
      if (seen.has(question.id)) {
        const first = seen.get(question.id)?.start;
        reportFatal(
          file,
          `Duplicate question id \`${question.id}\`: ${first ? `line ${first.line} already uses it` : 'already used in this note'}; expected every \`:::quiz{#id}\` to be unique`,
          idPlace,
          'quiz-id',
        );
        parent.children.splice(index, 1);
        return index;
      }
      seen.set(question.id, idPlace);
      options.collect(question, idPlace);
      const embedIndex = options.addEmbed({ kind: 'quiz', question });
      const placeholder = {
        type: 'quizEmbed',
        data: { hName: 'study-notes-embed', hProperties: { dataIndex: String(embedIndex) } },
        // Kept so a message about the note's size can point at its largest blocks.
        position: directive.position,
      };
      parent.children.splice(index, 1, placeholder as unknown as RootContent);
    });
  };
}

/**
 * Where the id is written on the opening line (`#ec2-keys` in
 * `:::quiz{#ec2-keys}`, or the value of `id=`), so a message about the id
 * points at it; the whole block when it cannot be found.
 */
function quizIdPlace(directive: ContainerDirective, file: VFile, id: string): Position | undefined {
  const start = directive.position?.start;
  if (!start) return undefined;
  const line = String(file.value).split(/\r?\n|\r/)[start.line - 1] ?? '';
  const match = new RegExp(`(#|\\bid=["']?)(${id})(?![\\w-])`).exec(line.slice(start.column - 1));
  if (!match) return directive.position;
  const column = start.column + match.index + (match[1] === '#' ? 0 : (match[1]?.length ?? 0));
  const length = id.length + (match[1] === '#' ? 1 : 0);
  return { start: { line: start.line, column }, end: { line: start.line, column: column + length } };
}

function compileQuestion(
  directive: ContainerDirective,
  file: VFile,
  noteSlug: string,
  section: QuizQuestion['section'],
): QuizQuestion | undefined {
  const attributes = directive.attributes ?? {};
  const id = attributes.id ?? '';
  if (!id) {
    reportFatal(
      file,
      'Missing question id: expected `:::quiz{#some-id}` so progress survives edits to the wording',
      directive,
      'quiz-id',
    );
    return undefined;
  }
  if (!idPattern.test(id)) {
    reportFatal(
      file,
      `Invalid question id \`${id}\`: expected lowercase letters, digits and hyphens`,
      directive,
      'quiz-id',
    );
    return undefined;
  }
  const fail = (reason: string, place: Node = directive) => {
    reportFatal(file, `Question \`${id}\`: ${reason}`, place, 'quiz-body');
    return undefined;
  };

  const children = directive.children as RootContent[];
  const breakIndex = children.findIndex((child) => child.type === 'thematicBreak');
  const body = breakIndex === -1 ? children : children.slice(0, breakIndex);
  const explanation = breakIndex === -1 ? '' : html(children.slice(breakIndex + 1));
  if (body.length === 0) return fail('expected a question before `---`');
  if (body.some((child) => child.type === 'heading')) return fail('unexpected heading inside a question');

  const explicit = attributes.type;
  if (explicit !== undefined && !types.includes(explicit as QuestionType)) {
    return fail(`unknown type \`${explicit}\`: expected one of ${types.join(', ')}`);
  }
  const base = { id, noteSlug, section, explanation };
  const listIndex = body.findIndex((child) => child.type === 'list');
  const list = listIndex === -1 ? undefined : (body[listIndex] as List);
  const before = listIndex === -1 ? body : body.slice(0, listIndex);
  const after = listIndex === -1 ? [] : body.slice(listIndex + 1);

  if (explicit === 'order' || explicit === 'match') {
    if (!list || list.children.length < 2) return fail(`expected a list of at least two items for type=${explicit}`);
    if (after.length > 0) return fail('expected nothing between the list and `---`', after[0]);
    if (explicit === 'order') {
      return { ...base, type: 'order', prompt: html(before), items: list.children.map(itemHtml) };
    }
    const pairs: { term: string; meaning: string }[] = [];
    for (const item of list.children) {
      const pair = splitPair(item);
      if (!pair) return fail('expected each item written as `term :: meaning`', item);
      pairs.push(pair);
    }
    return { ...base, type: 'match', prompt: html(before), pairs };
  }

  const isTaskList = list?.children.some((item) => item.checked !== null && item.checked !== undefined) ?? false;
  if (list && isTaskList) {
    if (list.children.some((item) => item.checked === null || item.checked === undefined)) {
      return fail('expected every choice to start with `[ ]` or `[x]`', list);
    }
    const correct = list.children.filter((item) => item.checked).length;
    if (correct === 0) return fail('expected at least one correct choice marked `[x]`', list);
    const labels = list.children.map((item) => toString(item).trim());
    const isTrueFalse =
      labels.length === 2 &&
      labels.some((label) => trueWords.has(label)) &&
      labels.some((label) => falseWords.has(label));
    const type: QuestionType =
      explicit === 'truefalse' || (explicit === undefined && isTrueFalse)
        ? 'truefalse'
        : explicit === 'multiple' || (explicit === undefined && correct > 1)
          ? 'multiple'
          : 'single';
    if (type !== 'multiple' && correct > 1) return fail(`expected exactly one \`[x]\` for type=${type}`, list);
    if (after.length > 0) return fail('expected nothing between the choices and `---`', after[0]);
    return {
      ...base,
      type,
      prompt: html(before),
      choices: list.children.map((item) => ({ html: itemHtml(item), correct: Boolean(item.checked) })),
    };
  }

  const splitAt = body.findIndex((child) => child.type === 'paragraph' && toString(child).trim() === '?');
  if (explicit === 'flashcard' || (explicit === undefined && splitAt !== -1)) {
    if (splitAt === -1) return fail('expected a line with only `?` between the front and the back');
    const back = body.slice(splitAt + 1);
    if (back.length === 0) return fail('expected the back of the card after `?`');
    return { ...base, type: 'flashcard', prompt: html(body.slice(0, splitAt)), back: html(back) };
  }

  if (explicit === 'cloze' || explicit === undefined) {
    const paragraphs: ClozePart[][] = [];
    const instructions: RootContent[] = [];
    for (const child of body) {
      if (child.type === 'paragraph' && toString(child).includes('==')) {
        const parts = clozeParts(child);
        if (typeof parts === 'string') return fail(parts, child);
        paragraphs.push(parts);
      } else if (paragraphs.length === 0) {
        instructions.push(child);
      } else {
        return fail('expected gapped paragraphs to come last', child);
      }
    }
    if (paragraphs.length === 0) {
      return fail(
        'cannot tell the question type: expected a task list (`- [x]`), a `?` line, `==gaps==`, or `type=order`/`type=match`',
      );
    }
    return { ...base, type: 'cloze', prompt: html(instructions), paragraphs };
  }
  return fail(`expected a task list of choices for type=${explicit}`);
}

/** Splits a paragraph into inline HTML runs and `==gap==` answers. */
function clozeParts(paragraph: Paragraph): ClozePart[] | string {
  const parts: ClozePart[] = [];
  let run: PhrasingContent[] = [];
  const flush = () => {
    if (run.length > 0) parts.push({ kind: 'html', html: inlineHtml(run) });
    run = [];
  };
  for (const node of paragraph.children) {
    if (node.type !== 'text') {
      if (toString(node).includes('==')) return 'expected `==gaps==` in plain text, not inside emphasis, links or code';
      run.push(node);
      continue;
    }
    let last = 0;
    for (const match of node.value.matchAll(gapPattern)) {
      const start = match.index;
      if (start > last) run.push({ type: 'text', value: node.value.slice(last, start) });
      flush();
      const answers = (match[1] ?? '')
        .split('|')
        .map((answer) => answer.trim())
        .filter(Boolean);
      if (answers.length === 0) return 'expected an answer inside `==…==`';
      parts.push({ kind: 'gap', answers });
      last = start + match[0].length;
    }
    if (last < node.value.length) run.push({ type: 'text', value: node.value.slice(last) });
  }
  flush();
  if (!parts.some((part) => part.kind === 'gap')) return 'expected `==answer==` gaps';
  return parts;
}

/** `term :: meaning` → both sides as HTML. */
function splitPair(item: ListItem): { term: string; meaning: string } | undefined {
  const [paragraph] = item.children;
  if (!paragraph || paragraph.type !== 'paragraph' || item.children.length !== 1) return undefined;
  const rendered = inlineHtml(paragraph.children);
  const at = rendered.indexOf(' :: ');
  if (at === -1 || rendered.indexOf(' :: ', at + 4) !== -1) return undefined;
  const term = rendered.slice(0, at).trim();
  const meaning = rendered.slice(at + 4).trim();
  return term && meaning ? { term, meaning } : undefined;
}

/**
 * Maps each node to the h2 section it sits in, with the id rehype-slug
 * will give that heading (same github-slugger, same document order).
 */
function headingSections(tree: Root): (node: Node) => QuizQuestion['section'] {
  const slugger = new GithubSlugger();
  const marks: { offset: number; section: { id: string; title: string } | null }[] = [];
  visit(tree, 'heading', (heading) => {
    const title = toString(heading).trim();
    const id = slugger.slug(title);
    // Questions close an h2 section (after its h3 subsections), so they link to the h2.
    if (heading.depth === 2 && heading.position) {
      marks.push({ offset: heading.position.start.offset ?? 0, section: { id, title } });
    }
  });
  return (node) => {
    const offset = node.position?.start.offset ?? 0;
    let section: QuizQuestion['section'] = null;
    for (const mark of marks) if (mark.offset < offset) section = mark.section;
    return section;
  };
}

/** A list item as HTML: a lone paragraph renders as its inline content, like a tight list. */
function itemHtml(item: ListItem): string {
  const [first] = item.children;
  if (item.children.length === 1 && first?.type === 'paragraph') return inlineHtml(first.children);
  return html(item.children);
}

/** Inline Markdown → HTML, keeping the spaces at both ends (they sit next to gaps). */
function inlineHtml(nodes: PhrasingContent[]): string {
  const rendered = toHtml(toHast({ type: 'paragraph', children: nodes }));
  return rendered.slice('<p>'.length, -'</p>'.length);
}

/** Markdown nodes → HTML, without the page-level plugins (no slugs, no highlighting). */
function html(nodes: readonly (RootContent | PhrasingContent)[]): string {
  if (nodes.length === 0) return '';
  const hast = toHast({ type: 'root', children: nodes as RootContent[] } as Root);
  return toHtml(hast).trim();
}
