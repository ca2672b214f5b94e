/**
 * The event a question island sends after each answer (`window`), so the
 * plain parts of the page read progress again: the header's due badge and the
 * note's answered marks (islands/dueBadge.ts, islands/noteAnswers.ts). Plain
 * on purpose: the page loader imports it.
 */
export const PROGRESS_EVENT = 'study-notes:progress';

/** What the answer changed; the page shows it even when storage could not keep it. */
export interface AnsweredDetail {
  questionId: string;
  /** ts-fsrs's rating, 1 (Again) to 4 (Easy). */
  rating: number;
  /** ISO dates. */
  review: string;
  due: string;
  /** ts-fsrs's state after the answer. */
  state: number;
  /** Not stored (memory mode): the page cannot read it back from storage. */
  memory: boolean;
}
