import { schedulerSettings } from '../storage/progressSchema.ts';
import type { LogEntry, ProgressStore } from '../storage/progressStore.ts';
import { reviewCard, rollbackCard, type Card, type Grade } from './scheduler.ts';

/** What is needed to undo one answer. */
export interface AnswerRecord {
  entry: LogEntry;
  /** The card after the answer, for ts-fsrs's rollback. */
  after: Card;
}

/**
 * Schedules an answer with FSRS and writes it; resolves only once it is
 * stored, so the next question never shows before the answer is safe. The
 * first answer also asks the browser to keep our storage (Safari and others
 * evict site data otherwise).
 */
export async function answerQuestion(
  store: ProgressStore,
  questionId: string,
  rating: Grade,
  now: Date,
): Promise<AnswerRecord> {
  const state = store.getState();
  const before = state.cards.get(questionId);
  // The learner's desired retention sets this answer's interval; due dates already stored stay.
  const { card, log } = reviewCard(before, rating, now, schedulerSettings(state.settings).requestRetention);
  const entry = await store.recordReview(questionId, card, log);
  if (store.getState().persisted === null) void store.requestPersistence();
  return { entry, after: card };
}

/** Undoes an answer through ts-fsrs's rollback, restoring the card as it was. */
export async function undoAnswer(store: ProgressStore, record: AnswerRecord): Promise<void> {
  await store.undoReview(record.entry, rollbackCard(record.after, record.entry.log));
}
