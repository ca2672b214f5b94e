import { Rating, reviewCard, type Card, type Grade } from '../../src/app/quiz/scheduler.ts';
import { EXPORT_FORMAT, PROGRESS_SCHEMA_VERSION, type ExportFile } from '../../src/app/storage/progressSchema.ts';
import { serializeCard, serializeLog } from '../../src/app/storage/storedRecords.ts';

const DAY = 24 * 60 * 60 * 1000;

/**
 * A learner's export file: each of `questionIds` first answered on some day
 * of the last `days`, then reviewed by FSRS whenever due until `now`, graded
 * Again about one time in six (deterministic). `firstOnly`: one answer each. Real question ids, so the
 * stats page shows the site's own notes.
 */
export function learnerHistory(
  questionIds: readonly string[],
  now: Date,
  days = 60,
  { firstOnly = false } = {},
): ExportFile {
  const cards: ExportFile['cards'] = [];
  const logs: ExportFile['logs'] = [];
  questionIds.forEach((questionId, index) => {
    let at = new Date(now.getTime() - (days - ((index * 7) % days)) * DAY + (index % 9) * 3_600_000);
    let card: Card | undefined;
    let step = 0;
    // Every third question is reviewed only until ten days ago: some of those are due again (overdue) now.
    // Its first answer is always given (a short history would otherwise leave it unanswered).
    const until = index % 3 === 0 ? now.getTime() - 10 * DAY : now.getTime();
    while (step === 0 || (at.getTime() < until && !firstOnly)) {
      const rating: Grade = (index + step) % 6 === 0 ? Rating.Again : Rating.Good;
      const next = reviewCard(card, rating, at);
      logs.push({ questionId, log: serializeLog(next.log) });
      card = next.card;
      step += 1;
      at = new Date(Math.max(card.due.getTime(), at.getTime() + 60_000) + 3_600_000);
    }
    if (card) cards.push({ questionId, card: serializeCard(card), updatedAt: now.toISOString() });
  });
  return {
    format: EXPORT_FORMAT,
    version: PROGRESS_SCHEMA_VERSION,
    exportedAt: now.toISOString(),
    settings: { newPerDay: 20 },
    cards,
    logs,
  };
}
