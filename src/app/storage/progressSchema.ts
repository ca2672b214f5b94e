import * as z from 'zod/mini';

/**
 * The stored shape of quiz progress, version by version. Validated on every
 * load and on import; records that fail go to the backup store, never away.
 * Dates are ISO strings (the same in IndexedDB and in export files) and are
 * revived into ts-fsrs `Date`s by `progressStore.ts`.
 */
export const PROGRESS_SCHEMA_VERSION = 1;
export const EXPORT_FORMAT = 'study-notes-progress';

const isoDate = z.iso.datetime({ offset: true });
const count = z.int().check(z.gte(0));
const state = z.int().check(z.gte(0), z.lte(3));

export const storedCardSchema = z.object({
  due: isoDate,
  stability: z.number(),
  difficulty: z.number(),
  elapsed_days: z.number(),
  scheduled_days: z.number(),
  learning_steps: z.number(),
  reps: count,
  lapses: count,
  state,
  last_review: z.optional(isoDate),
});

export const storedLogSchema = z.object({
  rating: z.int().check(z.gte(0), z.lte(4)),
  state,
  due: isoDate,
  stability: z.number(),
  difficulty: z.number(),
  elapsed_days: z.number(),
  last_elapsed_days: z.number(),
  scheduled_days: z.number(),
  learning_steps: z.number(),
  review: isoDate,
});

export const cardRecordSchema = z.object({
  questionId: z.string().check(z.minLength(1)),
  card: storedCardSchema,
  updatedAt: isoDate,
});

export const logRecordSchema = z.object({
  id: z.optional(z.int()),
  questionId: z.string().check(z.minLength(1)),
  log: storedLogSchema,
});

export const settingsSchema = z.object({
  newPerDay: z.int().check(z.gte(0), z.lte(500)),
});

export const exportFileSchema = z.object({
  format: z.literal(EXPORT_FORMAT),
  version: z.literal(PROGRESS_SCHEMA_VERSION),
  exportedAt: isoDate,
  settings: settingsSchema,
  cards: z.array(cardRecordSchema),
  logs: z.array(logRecordSchema),
});

export type StoredCard = z.infer<typeof storedCardSchema>;
export type StoredLog = z.infer<typeof storedLogSchema>;
export type CardRecord = z.infer<typeof cardRecordSchema>;
export type LogRecord = z.infer<typeof logRecordSchema>;
export type Settings = z.infer<typeof settingsSchema>;
export type ExportFile = z.infer<typeof exportFileSchema>;

export const defaultSettings: Settings = { newPerDay: 20 };

/** The first problems of a failed validation, as short readable lines (`cards.3.card.due: …`). */
export function describeIssues(error: z.core.$ZodError, limit = 5): string[] {
  return error.issues.slice(0, limit).map((issue) => `${issue.path.join('.') || '(파일 전체)'}: ${issue.message}`);
}
