import * as z from 'zod/mini';
import { DIFFICULTY, STABILITY, validMemory } from './cardBounds.ts';
import { questionMarksSchema } from './questionMarks.ts';

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

/** Answers stored together by an import (`answerBatches`, version 2). */
export const answerBatchSchema = z.object({
  id: z.optional(z.int()),
  first: isoDate,
  last: isoDate,
  answers: z.array(logRecordSchema),
});

/** Desired retention (ts-fsrs `request_retention`) the learner may choose: higher means more reviews. */
export const RETENTION_RANGE = { min: 0.7, max: 0.97 } as const;
export const MAX_REVIEWS_LIMIT = 9999;

/**
 * Scheduler settings. Fields after `newPerDay` came later: they are optional
 * (older databases and export files lack them) and read through
 * `schedulerSettings`, which fills in the defaults.
 */
export const settingsSchema = z.object({
  newPerDay: z.int().check(z.gte(0), z.lte(500)),
  /** Reviews of remembered questions per day; learning steps are never held back. */
  maxReviewsPerDay: z.optional(z.int().check(z.gte(0), z.lte(MAX_REVIEWS_LIMIT))),
  /** ts-fsrs `request_retention` for answers from now on. */
  requestRetention: z.optional(z.number().check(z.gte(RETENTION_RANGE.min), z.lte(RETENTION_RANGE.max))),
  /** New questions in the notes' order, or mixed across notes. */
  newOrder: z.optional(z.enum(['note', 'mixed'])),
  /**
   * Glossary terms join the review queue as flashcards (`term:<id>`), when
   * the learner switches them on (on /glossary/). Optional, off when absent:
   * files and stores from before it still read.
   */
  studyTerms: z.optional(z.boolean()),
});

export const exportFileSchema = z.object({
  format: z.literal(EXPORT_FORMAT),
  version: z.literal(PROGRESS_SCHEMA_VERSION),
  exportedAt: isoDate,
  settings: settingsSchema,
  cards: z.array(cardRecordSchema),
  logs: z.array(logRecordSchema),
  /** Where the learner is in each note (readingPlaces.ts); files from before it have none. */
  readingPlaces: z.optional(
    z.record(z.string(), z.object({ section: z.string(), title: z.string(), finished: z.boolean(), at: isoDate })),
  ),
  /** Suspended, flagged and reset questions; files from before the question browser lack it. */
  questionMarks: z.optional(questionMarksSchema),
});

const DAY = 24 * 60 * 60 * 1000;
/** No answer of this app can be older (it did not exist); older dates are a broken file. */
const EARLIEST = Date.UTC(2000, 0, 1);
/** The longest interval ts-fsrs schedules (S_MAX days), for due dates. */
const LONGEST = STABILITY.max * DAY;

/**
 * What an import file may hold, read at `now`: the stored shape with bounds.
 * Times that already happened (answers, last reviews, export) lie between
 * 2000 and `now` + 1 day (a clock a little fast is forgiven; the card is
 * clamped when stored); due dates no further than ts-fsrs's longest
 * interval; stability and difficulty within ts-fsrs's ranges. A file outside
 * them would leave cards that can never be answered.
 */
export function importFileSchema(now: Date) {
  const latest = now.getTime() + DAY;
  const between = (from: number, to: number, error: string) =>
    isoDate.check(
      z.refine((value) => {
        const time = Date.parse(value);
        return time >= from && time <= to;
      }, error),
    );
  const past = between(
    EARLIEST,
    latest,
    `2000년 1월 1일부터 지금(${new Date(latest).toISOString().slice(0, 10)})까지의 시각이어야 합니다. 파일을 만든 기기의 시계가 틀렸을 수 있습니다`,
  );
  const due = between(EARLIEST, latest + LONGEST, '2000년 1월 1일부터 100년 안의 시각이어야 합니다');
  const stability = z.number().check(z.gte(0), z.lte(STABILITY.max));
  const difficulty = z.number().check(z.gte(0), z.lte(DIFFICULTY.max));
  const card = z
    .object({
      ...storedCardSchema.shape,
      due,
      stability,
      difficulty,
      elapsed_days: z.number().check(z.gte(0)),
      scheduled_days: z.number().check(z.gte(0)),
      learning_steps: count,
      last_review: z.optional(past),
    })
    .check(
      z.refine(
        validMemory,
        `시작한 문제의 안정도는 ${STABILITY.min}–${STABILITY.max}, 난이도는 ${DIFFICULTY.min}–${DIFFICULTY.max} 사이여야 합니다`,
      ),
    );
  const log = z.object({ ...storedLogSchema.shape, due, stability, difficulty, review: past });
  return z.object({
    ...exportFileSchema.shape,
    exportedAt: past,
    cards: z.array(z.object({ ...cardRecordSchema.shape, card, updatedAt: past })),
    logs: z.array(z.object({ ...logRecordSchema.shape, log })),
  });
}

export type StoredCard = z.infer<typeof storedCardSchema>;
export type StoredLog = z.infer<typeof storedLogSchema>;
export type CardRecord = z.infer<typeof cardRecordSchema>;
export type LogRecord = z.infer<typeof logRecordSchema>;
export type Settings = z.infer<typeof settingsSchema>;
export type ExportFile = z.infer<typeof exportFileSchema>;

export const defaultSettings: Settings = { newPerDay: 20 };

/** Every scheduler setting, with the defaults for those never set (Anki's 200 reviews, FSRS's 0.9). */
export type SchedulerSettings = Required<Omit<Settings, 'studyTerms'>>;

export const defaultSchedulerSettings: SchedulerSettings = {
  newPerDay: 20,
  maxReviewsPerDay: 200,
  requestRetention: 0.9,
  newOrder: 'note',
};

export function schedulerSettings(settings: Settings): SchedulerSettings {
  return {
    newPerDay: settings.newPerDay,
    maxReviewsPerDay: settings.maxReviewsPerDay ?? defaultSchedulerSettings.maxReviewsPerDay,
    requestRetention: settings.requestRetention ?? defaultSchedulerSettings.requestRetention,
    newOrder: settings.newOrder ?? defaultSchedulerSettings.newOrder,
  };
}

/** Korean names of the types a stored value can have, with the particle each takes. */
const typeNames: Record<string, { name: string; must: string }> = {
  number: { name: '숫자', must: '숫자여야' },
  int: { name: '정수', must: '정수여야' },
  string: { name: '문자열', must: '문자열이어야' },
  array: { name: '목록', must: '목록이어야' },
  object: { name: '객체', must: '객체여야' },
  boolean: { name: '참/거짓', must: '참/거짓 값이어야' },
  null: { name: 'null', must: 'null이어야' },
};

/** One validation problem in Korean (zod's messages are English), saying what was expected. */
function koreanIssue(issue: z.core.$ZodIssue): string {
  switch (issue.code) {
    case 'invalid_type': {
      const input = (issue as { input?: unknown }).input;
      const must = typeNames[issue.expected]?.must ?? `${issue.expected} 형식이어야`;
      if (input === undefined) return `값이 없습니다. ${must} 합니다`;
      const received = Array.isArray(input) ? 'array' : input === null ? 'null' : typeof input;
      return `${must} 하는데 ${typeNames[received]?.name ?? received}입니다`;
    }
    case 'too_small':
      return issue.origin === 'string'
        ? '비어 있으면 안 됩니다'
        : `${String(issue.minimum)} ${issue.inclusive ? '이상' : '초과'}이어야 합니다`;
    case 'too_big':
      return `${String(issue.maximum)} ${issue.inclusive ? '이하' : '미만'}여야 합니다`;
    case 'invalid_format':
      return issue.format === 'datetime'
        ? 'ISO 날짜·시각(예: 2026-11-25T09:00:00.000Z)이어야 합니다'
        : `형식이 올바르지 않습니다 (${issue.format})`;
    case 'invalid_value':
      return `${issue.values.map((value) => JSON.stringify(value)).join(' 또는 ')}이어야 합니다`;
    case 'not_multiple_of':
      return '정수여야 합니다';
    case 'custom':
      return issue.message;
    default:
      return '올바르지 않은 값입니다';
  }
}

/**
 * The first problems of a failed validation, as short Korean lines
 * (`cards.3.card.due: …`), and how many more there are. Parse with
 * `{ reportInput: true }` so a missing value reads as missing.
 */
export function describeIssues(error: z.core.$ZodError, limit = 5): string[] {
  const lines = error.issues
    .slice(0, limit)
    .map((issue) => `${issue.path.join('.') || '(파일 전체)'}: ${koreanIssue(issue)}`);
  if (error.issues.length > limit) lines.push(`그 밖에 ${error.issues.length - limit}개 문제가 더 있습니다.`);
  return lines;
}
