/**
 * Questions written in notes as `:::quiz{#id}` blocks, compiled at build time.
 * All Markdown inside a question is already HTML here (trusted, from our own
 * pipeline). Progress is keyed by `id` alone, never by text, so editing the
 * wording keeps a learner's history.
 */

export type QuestionType = 'single' | 'multiple' | 'truefalse' | 'cloze' | 'flashcard' | 'order' | 'match';

interface QuestionBase {
  /** Stable id from the source (`:::quiz{#db-2nf-01}`). */
  id: string;
  /** Slug of the note the question belongs to. */
  noteSlug: string;
  /** The section the question tests: the heading above it. */
  section: { id: string; title: string } | null;
  /** The question itself (HTML); for cloze, any instructions above the gapped text. */
  prompt: string;
  /** Shown after answering (HTML); may be empty. */
  explanation: string;
}

export interface ChoiceQuestion extends QuestionBase {
  type: 'single' | 'multiple' | 'truefalse';
  choices: { html: string; correct: boolean }[];
}

export type ClozePart = { kind: 'html'; html: string } | { kind: 'gap'; answers: string[] };

export interface ClozeQuestion extends QuestionBase {
  type: 'cloze';
  /** Paragraphs with gaps; each is inline HTML runs and gaps, in order. */
  paragraphs: ClozePart[][];
}

export interface FlashcardQuestion extends QuestionBase {
  type: 'flashcard';
  /** The back of the card (HTML); the front is `prompt`. */
  back: string;
}

export interface OrderQuestion extends QuestionBase {
  type: 'order';
  /** Items in the correct order. */
  items: string[];
}

export interface MatchQuestion extends QuestionBase {
  type: 'match';
  pairs: { term: string; meaning: string }[];
}

export type QuizQuestion = ChoiceQuestion | ClozeQuestion | FlashcardQuestion | OrderQuestion | MatchQuestion;

/** Korean labels for question types, for the review page and stats. */
/**
 * The URL fragment of a question inside its note (`#quiz-db-2nf-01`), so a
 * search result or a shared link opens at the question itself. Question ids
 * are lowercase ASCII words joined by hyphens; heading ids keep the heading's
 * Korean text, so the prefix keeps the two apart.
 */
export function quizAnchorId(questionId: string): string {
  return `quiz-${questionId}`;
}

export const questionTypeLabels: Record<QuestionType, string> = {
  single: '하나 고르기',
  multiple: '모두 고르기',
  truefalse: '참/거짓',
  cloze: '빈칸 채우기',
  flashcard: '플래시카드',
  order: '순서 맞추기',
  match: '짝 맞추기',
};

/**
 * How a typed cloze answer is compared: Unicode NFC, trimmed, inner spaces
 * collapsed, case folded. "  ALLOWED_hosts " matches "allowed_hosts".
 */
export function normalizeAnswer(value: string): string {
  return value.normalize('NFC').trim().replace(/\s+/g, ' ').toLocaleLowerCase('ko-KR');
}

/** True when `typed` matches one of the accepted answers of a gap. */
export function isAcceptedAnswer(typed: string, answers: readonly string[]): boolean {
  const normalized = normalizeAnswer(typed);
  return normalized !== '' && answers.some((answer) => normalizeAnswer(answer) === normalized);
}

/**
 * A shuffle that is the same on the server and in the browser (seeded by the
 * question id), so prerendered ordering and matching questions hydrate
 * without a mismatch, and never returns the items already in order.
 */
export function seededShuffle<T>(items: readonly T[], seed: string): T[] {
  let state = 2166136261;
  for (const char of seed) state = Math.imul(state ^ char.charCodeAt(0), 16777619) >>> 0;
  const random = () => {
    state = (Math.imul(state, 1664525) + 1013904223) >>> 0;
    return state / 2 ** 32;
  };
  const result = [...items];
  for (let i = result.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [result[i], result[j]] = [result[j] as T, result[i] as T];
  }
  if (result.length > 1 && result.every((item, index) => item === items[index])) result.push(result.shift() as T);
  return result;
}
