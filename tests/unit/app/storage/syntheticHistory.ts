import { Rating, reviewCard, State } from '../../../../src/app/quiz/scheduler.ts';
import { EXPORT_FORMAT, PROGRESS_SCHEMA_VERSION, type ExportFile } from '../../../../src/app/storage/progressSchema.ts';
import { serializeCard } from '../../../../src/app/storage/storedRecords.ts';

const DAY = 24 * 60 * 60 * 1000;

/**
 * A valid export file with `answers` answers to `questions` questions, spread
 * evenly over the `days` days before `end` (a mix of first answers, reviews
 * and Again), for tests and `npm run bench`. `prefix` names the questions.
 */
export function syntheticHistory(
  answers: number,
  { questions = 500, days = 365, end = new Date('2026-11-25T09:00:00Z'), prefix = 'q' } = {},
): ExportFile {
  const start = end.getTime() - days * DAY;
  const step = (days * DAY) / Math.max(1, answers);
  const logs: ExportFile['logs'] = [];
  for (let i = 0; i < answers; i++) {
    const at = new Date(start + Math.floor(i * step)).toISOString();
    const first = i < questions;
    logs.push({
      questionId: `${prefix}-${i % questions}`,
      log: {
        rating: i % 7 === 0 ? Rating.Again : Rating.Good,
        state: first ? State.New : State.Review,
        due: at,
        stability: first ? 0 : 3 + (i % 40),
        difficulty: first ? 0 : 4 + (i % 5),
        elapsed_days: first ? 0 : 3,
        last_elapsed_days: first ? 0 : 2,
        scheduled_days: first ? 0 : 5,
        learning_steps: 0,
        review: at,
      },
    });
  }
  const cards: ExportFile['cards'] = [];
  for (let q = 0; q < Math.min(questions, answers); q++) {
    const card = reviewCard(undefined, Rating.Good, new Date(end.getTime() - ((q % 20) + 1) * DAY)).card;
    cards.push({ questionId: `${prefix}-${q}`, card: serializeCard(card), updatedAt: end.toISOString() });
  }
  return {
    format: EXPORT_FORMAT,
    version: PROGRESS_SCHEMA_VERSION,
    exportedAt: end.toISOString(),
    settings: { newPerDay: 20 },
    cards,
    logs,
  };
}
