import * as z from 'zod/mini';

/**
 * What a learner set on a question by hand in the question browser: suspended
 * (never comes up), flagged (for later) and the times its schedule was reset
 * (Anki's Forget). Kept in the `meta` store under `META_KEY`, one object keyed
 * by question id, so no IndexedDB migration is needed; export files carry it
 * as the optional `questionMarks` field (older files simply lack it).
 */
export const QUESTION_MARKS_META_KEY = 'questionMarks';

const isoDate = z.iso.datetime({ offset: true });

export const questionMarkSchema = z.object({
  suspended: z.optional(z.boolean()),
  flagged: z.optional(z.boolean()),
  /** Every reset, oldest first (ISO): the history shows them between the answers. */
  resets: z.optional(z.array(isoDate)),
  /** When the learner last changed this question's marks; import keeps the later copy. */
  updatedAt: isoDate,
});

export const questionMarksSchema = z.record(z.string().check(z.minLength(1)), questionMarkSchema);

export type QuestionMark = z.infer<typeof questionMarkSchema>;
export type QuestionMarks = ReadonlyMap<string, QuestionMark>;

/**
 * The marks stored in `meta` (an object keyed by question id). An entry that
 * does not read as a mark is skipped rather than failing every other one.
 */
export function readQuestionMarks(value: unknown): Map<string, QuestionMark> {
  const marks = new Map<string, QuestionMark>();
  if (typeof value !== 'object' || value === null) return marks;
  for (const [id, entry] of Object.entries(value)) {
    const parsed = questionMarkSchema.safeParse(entry);
    if (id && parsed.success) marks.set(id, parsed.data);
  }
  return marks;
}

/**
 * The marks as stored and exported: a plain object. Cleared marks stay (with
 * their time), so a merge with an older file does not bring them back.
 */
export function storedQuestionMarks(marks: QuestionMarks): Record<string, QuestionMark> {
  return Object.fromEntries(marks);
}

export interface MarkPatch {
  suspended?: boolean;
  flagged?: boolean;
  /** Adds a reset at this time. */
  resetAt?: Date;
}

/** `marks` with `patch` applied to each of `ids` at `now` (a new map). */
export function withMarks(
  marks: QuestionMarks,
  ids: readonly string[],
  patch: MarkPatch,
  now: Date,
): Map<string, QuestionMark> {
  const next = new Map(marks);
  for (const id of ids) {
    const current = next.get(id);
    const mark: QuestionMark = { ...current, updatedAt: now.toISOString() };
    if (patch.suspended !== undefined) mark.suspended = patch.suspended;
    if (patch.flagged !== undefined) mark.flagged = patch.flagged;
    if (patch.resetAt) mark.resets = [...(current?.resets ?? []), patch.resetAt.toISOString()];
    if (!mark.suspended) delete mark.suspended;
    if (!mark.flagged) delete mark.flagged;
    next.set(id, mark);
  }
  return next;
}

/**
 * Merges an imported file's marks into ours: per question, the copy changed
 * last wins; resets from both are kept (each once).
 */
export function mergeQuestionMarks(here: QuestionMarks, file: QuestionMarks): Map<string, QuestionMark> {
  const merged = new Map(here);
  for (const [id, theirs] of file) {
    const ours = merged.get(id);
    if (!ours) {
      merged.set(id, theirs);
      continue;
    }
    const newer = Date.parse(theirs.updatedAt) > Date.parse(ours.updatedAt) ? theirs : ours;
    const resets = [...new Set([...(ours.resets ?? []), ...(theirs.resets ?? [])])].sort();
    merged.set(id, { ...newer, ...(resets.length > 0 ? { resets } : {}) });
  }
  return merged;
}

/** Ids of suspended questions. */
export function suspendedIds(marks: QuestionMarks): Set<string> {
  const ids = new Set<string>();
  for (const [id, mark] of marks) if (mark.suspended) ids.add(id);
  return ids;
}
