import type { IDBPDatabase } from 'idb';
import type { ProgressDB } from './migrations.ts';

/** What the stats page needs of one answer. */
export interface RecentAnswer {
  questionId: string;
  /** ts-fsrs `Rating` (1 Again … 4 Easy). */
  rating: number;
  /** ts-fsrs `State` of the card before the answer (0 New: a first answer). */
  state: number;
  /** ISO time of the answer. */
  review: string;
}

/** The fields of a stored answer, or null when it is not one (unreadable records are the export's to back up). */
export function recentAnswer(record: unknown): RecentAnswer | null {
  const { questionId, log } = (record ?? {}) as { questionId?: unknown; log?: Record<string, unknown> };
  if (typeof questionId !== 'string' || !log) return null;
  const { rating, state, review } = log;
  if (typeof rating !== 'number' || typeof state !== 'number' || typeof review !== 'string') return null;
  return { questionId, rating, state, review };
}

/**
 * Answers given at or after `from` (an ISO time), answered one by one or
 * imported in batches, through the `byReview` and `byLast` indexes: a window
 * of recent history, so the stats page never reads all 100,000 answers.
 */
export async function readAnswersSince(db: IDBPDatabase<ProgressDB>, from: string): Promise<RecentAnswer[]> {
  const tx = db.transaction(['logs', 'answerBatches'], 'readonly');
  const [single, batches] = await Promise.all([
    tx.objectStore('logs').index('byReview').getAll(IDBKeyRange.lowerBound(from)),
    tx.objectStore('answerBatches').index('byLast').getAll(IDBKeyRange.lowerBound(from)),
  ]);
  const answers: RecentAnswer[] = [];
  for (const record of single) {
    const answer = recentAnswer(record);
    if (answer) answers.push(answer);
  }
  for (const batch of batches as { answers?: unknown }[]) {
    if (!Array.isArray(batch.answers)) continue;
    for (const record of batch.answers) {
      const answer = recentAnswer(record);
      if (answer && answer.review >= from) answers.push(answer);
    }
  }
  return answers;
}
