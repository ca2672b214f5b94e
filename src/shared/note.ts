import type { Diagram } from './diagram.ts';
import type { NoteTerm } from './glossary.ts';
import type { QuizQuestion } from './quiz.ts';

/**
 * Data shapes shared by the build-time pipeline and the browser app.
 * The pipeline produces them; the app only reads them.
 */

/** A source the note is based on: a book (no URL) or a page. */
export interface NoteSource {
  title: string;
  url?: string;
}

/** A heading in the note's "on this page" table of contents. */
export interface OutlineItem {
  depth: 2 | 3;
  /** The heading's `id`, made by rehype-slug (github-slugger rules). */
  id: string;
  text: string;
}

/** What the home page and the sidebar need: small, shipped for every note. */
export interface NoteMeta {
  slug: string;
  title: string;
  summary: string;
  order: number;
  tags: string[];
  /** ISO date (YYYY-MM-DD) of the last content update. */
  updated: string;
  /** Minutes to read the main path (the text outside "심화" sections). */
  readingMinutes: number;
  /** Minutes to read the "심화" sections, which a learner may skip (absent or 0 when the note has none). */
  deepMinutes?: number;
  /** Slugs of the notes to read before this one (front matter `prerequisites`), in the order given; absent when none. */
  prerequisites?: string[];
  /** One sentence on why the note comes at this point of the learning path (front matter `pathReason`). */
  pathReason?: string;
  /** Ids of the note's questions, for due counts and progress without loading the questions. */
  questionIds: string[];
}

/**
 * One piece of a note's body, in reading order. HTML runs are prerendered,
 * trusted markup from our own pipeline; interactive kinds (quizzes, diagrams)
 * are added to this union by their features and rendered as components.
 */
export type NoteBlock =
  | { kind: 'html'; html: string }
  | { kind: 'quiz'; question: QuizQuestion }
  | { kind: 'diagram'; diagram: Diagram }
  | DeepBlock;

/**
 * A "심화" section (`:::deep[title]`): material a learner may skip, folded
 * into a `<details>`. Its own blocks may hold quizzes and diagrams.
 */
export interface DeepBlock {
  kind: 'deep';
  /** The `<details>` element's id. */
  id: string;
  /** The `<summary>`'s inner HTML (label, title, reading time). */
  summaryHtml: string;
  /** Reading time of this section alone. */
  minutes: number;
  blocks: NoteBlock[];
}

/** Every block of a body in reading order, with the blocks of "심화" sections in place of the sections. */
export function flatBlocks(blocks: readonly NoteBlock[]): Exclude<NoteBlock, DeepBlock>[] {
  return blocks.flatMap((block) => (block.kind === 'deep' ? flatBlocks(block.blocks) : [block]));
}

/** One goal from the front matter, written as a line of Markdown. */
export interface NoteGoal {
  text: string;
  html: string;
}

/** A whole note as one lazily loaded chunk delivers it to the page. */
export interface Note extends NoteMeta {
  /** What the reader will learn; `html` may hold code spans, emphasis and strong. */
  goals: NoteGoal[];
  sources: NoteSource[];
  /** The body: prerendered HTML runs and interactive blocks, in order. */
  body: NoteBlock[];
  outline: OutlineItem[];
  /** Terms this note defines (its `terms:` front matter), for the glossary. */
  terms: NoteTerm[];
}
