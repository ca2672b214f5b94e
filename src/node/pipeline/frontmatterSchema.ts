import { z } from 'zod';

const isoDate = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, 'expected a date written as YYYY-MM-DD')
  .refine(isCalendarDate, 'expected a real calendar date');

/** `Date` rolls 2026-02-30 over to March, so compare the parts back. */
function isCalendarDate(value: string): boolean {
  const [year, month, day] = value.split('-').map(Number) as [number, number, number];
  const date = new Date(Date.UTC(year, month - 1, day));
  return date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
}

/** Term ids: letters (any script), digits and `_`, joined by single hyphens; never a `:` (card ids are `term:<id>`). */
export const termIdPattern = /^[\p{L}\p{N}_]+(?:-[\p{L}\p{N}_]+)*$/u;

/**
 * The front matter of a note, field by field. Validated once at the edge
 * (in `parseFrontmatter`), trusted everywhere after that.
 */
export const frontmatterSchema = z.strictObject({
  /** Page title, shown as the note's only `<h1>`. */
  title: z.string().trim().min(1, 'expected a non-empty title'),
  /** One sentence for the home page, the sidebar tooltip and search results. */
  summary: z.string().trim().min(1, 'expected a one-sentence summary').max(200, 'expected at most 200 characters'),
  /** Position in the sidebar and for previous/next links (1 comes first). */
  order: z.number().int('expected a whole number').positive('expected a number from 1 up'),
  /** Topics, shown under the title. */
  tags: z.array(z.string().trim().min(1)).default([]),
  /** Date of the last content change, YYYY-MM-DD. */
  updated: isoDate,
  /** "What you will learn": shown above the body. */
  goals: z.array(z.string().trim().min(1)).max(7, 'expected at most 7 goals').default([]),
  /** Slugs of the notes a learner should read first (file names without `.md`); checked against the notes. */
  prerequisites: z.array(z.string().trim().min(1)).default([]),
  /** One sentence on why the note sits where it does in the learning path (home page). */
  pathReason: z.string().trim().min(1).max(200, 'expected at most 200 characters').optional(),
  /** Books and pages the note is based on. */
  sources: z
    .array(
      z.strictObject({
        title: z.string().trim().min(1),
        url: z.url({ protocol: /^https?$/, message: 'expected an http(s) URL' }).optional(),
      }),
    )
    .default([]),
  /**
   * Terms this note teaches, for the glossary: each links from its first use
   * in any note's prose, is listed on /glossary/ and can be studied as a
   * flashcard. Written as the last field.
   */
  terms: z
    .array(
      z.strictObject({
        /** The headword as readers see it (`조인`, `AEAD`, `default_server`). */
        term: z.string().trim().min(1, 'expected the term as readers see it'),
        /** Other spellings that are the same term (`[JOIN, join]`); matched as written (case counts). */
        also: z.array(z.string().trim().min(1, 'expected a spelling, not an empty string')).default([]),
        /** One or two sentences of inline Markdown. */
        definition: z
          .string()
          .trim()
          .min(1, 'expected a definition of one or two sentences')
          .max(400, 'expected at most 400 characters (one or two sentences)'),
        /**
         * The id kept in links (`/glossary/#id`) and in the learner's
         * flashcard progress (`term:id`); by default made from the headword.
         * Set it when renaming a term, to keep both.
         */
        id: z
          .string()
          .regex(termIdPattern, 'expected letters, digits, `_` and single hyphens, as in `자명한-종속`')
          .optional(),
      }),
    )
    .default([]),
});

export type Frontmatter = z.output<typeof frontmatterSchema>;
