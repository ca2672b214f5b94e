/**
 * The header's due count without the scheduler, zod or idb: a few plain
 * IndexedDB reads, so the badge shows on every page without loading the quiz
 * code. It must agree with `dueQueue` (quiz/session.ts), which the review page
 * uses; a unit test holds the two together.
 */

import { knownAbsent } from '../storage/databaseName.ts';

/** ts-fsrs's `State.New` and `State.Review`. */
export const STATE_NEW = 0;
export const STATE_REVIEW = 2;

export interface CardDue {
  questionId: string;
  /** ISO date. */
  due: string;
  state: number;
  /** ISO date of the last answer, when stored. */
  lastReview?: string;
}

/** A question's latest stored answer: ts-fsrs's rating (1 Again … 4 Easy) and its ISO time. */
export interface LastAnswer {
  rating: number;
  review: string;
}

/** The daily limit of reviews of remembered cards, and how many were done today. */
export interface ReviewAllowance {
  maxReviewsPerDay: number;
  reviewedToday: number;
}

/**
 * Questions due now among `ids`: cards in learning whose date has come,
 * remembered ones up to today's review allowance, plus today's allowance of
 * new ones (as `buildQueue` in quiz/scheduler.ts); `suspended` questions
 * never count.
 */
export function countDue(
  ids: readonly string[],
  cards: readonly CardDue[],
  now: Date,
  newPerDay: number,
  newStartedToday: number,
  reviews: ReviewAllowance = { maxReviewsPerDay: Infinity, reviewedToday: 0 },
  suspended: ReadonlySet<string> = new Set(),
): number {
  const byId = new Map(cards.map((card) => [card.questionId, card]));
  let learning = 0;
  let remembered = 0;
  let fresh = 0;
  for (const id of ids) {
    if (suspended.has(id)) continue;
    const card = byId.get(id);
    if (!card || card.state === STATE_NEW) fresh += 1;
    else if (Date.parse(card.due) <= now.getTime()) {
      if (card.state === STATE_REVIEW) remembered += 1;
      else learning += 1;
    }
  }
  const reviewsLeft = Math.max(0, reviews.maxReviewsPerDay - reviews.reviewedToday);
  return learning + Math.min(remembered, reviewsLeft) + Math.min(fresh, Math.max(0, newPerDay - newStartedToday));
}

/** What `countDue` needs from storage, read in one transaction. */
export interface StoredDueData extends ReviewAllowance {
  cards: CardDue[];
  newPerDay: number;
  newStartedToday: number;
  /** Whether the learner studies term flashcards too (switched on on /glossary/). */
  studyTerms: boolean;
  /** Questions the learner suspended in the question browser (`questionMarks` in `meta`). */
  suspended: Set<string>;
  /** The latest answer of each question asked for (`lastFor`) that has one among the stored answers. */
  last: Map<string, LastAnswer>;
}

// The defaults of storage/progressSchema.ts (`defaultSchedulerSettings`), not imported: zod stays out of the loader.
const DEFAULT_NEW_PER_DAY = 20;
const DEFAULT_MAX_REVIEWS_PER_DAY = 200;
/** Past this many older answers in a row, the rest of the history is older still (imports aside). */
const OLDER_RUN = 200;

const request = <T>(req: IDBRequest<T>): Promise<T> =>
  new Promise((resolve, reject) => {
    req.onsuccess = () => resolve(req.result);
    req.onerror = () => reject(req.error);
  });

/**
 * Reads cards, the daily limit and today's first answers, and the latest
 * answer of each question in `lastFor` (a note's questions). Resolves to null
 * when there is no usable database (never answered, blocked, another shape):
 * the badge then counts every question as new. Never creates the database.
 */
export async function readDueData(
  name: string,
  now: Date,
  lastFor: readonly string[] = [],
): Promise<StoredDueData | null> {
  if (typeof indexedDB === 'undefined' || (await knownAbsent(name))) return null;
  return new Promise((resolve) => {
    let opening: IDBOpenDBRequest;
    try {
      opening = indexedDB.open(name);
    } catch {
      resolve(null);
      return;
    }
    // No database yet: leave it to the progress store to create.
    opening.onupgradeneeded = () => opening.transaction?.abort();
    opening.onerror = () => resolve(null);
    opening.onblocked = () => resolve(null);
    opening.onsuccess = () => {
      const db = opening.result;
      db.onversionchange = () => db.close();
      readFrom(db, now, lastFor).then(
        (data) => {
          db.close();
          resolve(data);
        },
        () => {
          db.close();
          resolve(null);
        },
      );
    };
  });
}

async function readFrom(db: IDBDatabase, now: Date, lastFor: readonly string[]): Promise<StoredDueData | null> {
  const stores = ['cards', 'meta', 'logs'];
  if (!stores.every((store) => db.objectStoreNames.contains(store))) return null;
  // Version 2 keeps per-day totals; a version-1 database (not yet upgraded by the store) has only the answers.
  const hasDays = db.objectStoreNames.contains('days');
  const tx = db.transaction(hasDays ? [...stores, 'days'] : stores, 'readonly');
  const records = (await request(tx.objectStore('cards').getAll())) as {
    questionId?: unknown;
    card?: { due?: unknown; state?: unknown; last_review?: unknown };
  }[];
  const cards: CardDue[] = [];
  for (const record of records) {
    const { questionId, card } = record;
    if (typeof questionId === 'string' && typeof card?.due === 'string' && typeof card.state === 'number')
      cards.push({
        questionId,
        due: card.due,
        state: card.state,
        ...(typeof card.last_review === 'string' ? { lastReview: card.last_review } : {}),
      });
  }
  const last = await lastAnswers(tx.objectStore('logs'), lastFor);
  const settings = (await request(tx.objectStore('meta').get('settings'))) as
    { value?: { newPerDay?: unknown; maxReviewsPerDay?: unknown; studyTerms?: unknown } } | undefined;
  const limit = settings?.value?.newPerDay;
  const newPerDay = typeof limit === 'number' ? limit : DEFAULT_NEW_PER_DAY;
  // storage/questionMarks.ts keeps these under this key, one object keyed by question id.
  const marks = (await request(tx.objectStore('meta').get('questionMarks'))) as { value?: unknown } | undefined;
  const suspended = new Set<string>();
  if (typeof marks?.value === 'object' && marks.value !== null) {
    for (const [id, mark] of Object.entries(marks.value as Record<string, { suspended?: unknown } | null>))
      if (mark?.suspended === true) suspended.add(id);
  }
  const reviewLimit = settings?.value?.maxReviewsPerDay;
  const maxReviewsPerDay = typeof reviewLimit === 'number' ? reviewLimit : DEFAULT_MAX_REVIEWS_PER_DAY;
  let today: { started: number; reviewed: number };
  if (hasDays) {
    const totals = (await request(tx.objectStore('days').get(localDay(now)))) as
      { started?: unknown; reviewed?: unknown } | undefined;
    today = {
      started: typeof totals?.started === 'number' ? totals.started : 0,
      reviewed: typeof totals?.reviewed === 'number' ? totals.reviewed : 0,
    };
  } else {
    today = await countToday(tx.objectStore('logs'), now);
  }
  return {
    cards,
    newPerDay,
    newStartedToday: today.started,
    maxReviewsPerDay,
    reviewedToday: today.reviewed,
    studyTerms: settings?.value?.studyTerms === true,
    suspended,
    last,
  };
}

/**
 * The latest stored answer of each of `ids`: the last one added under its id
 * (answers are added in time order; an import's go to `answerBatches` and are
 * not looked at, so a question answered only there has none).
 */
async function lastAnswers(logs: IDBObjectStore, ids: readonly string[]): Promise<Map<string, LastAnswer>> {
  const last = new Map<string, LastAnswer>();
  if (ids.length === 0 || !logs.indexNames.contains('byQuestion')) return last;
  const index = logs.index('byQuestion');
  await Promise.all(
    ids.map(async (id) => {
      const cursor = await request(index.openCursor(IDBKeyRange.only(id), 'prev'));
      const log = (cursor?.value as { log?: { rating?: unknown; review?: unknown } } | undefined)?.log;
      if (typeof log?.rating === 'number' && typeof log.review === 'string')
        last.set(id, { rating: log.rating, review: log.review });
    }),
  );
  return last;
}

/** YYYY-MM-DD of the local day, as the store keys its day totals (quiz/scheduler.ts `localDay`). */
function localDay(date: Date): string {
  const pad = (value: number) => String(value).padStart(2, '0');
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`;
}

/**
 * First answers and reviews of remembered cards given today (local day),
 * newest first; stops once the history is well past today.
 */
function countToday(logs: IDBObjectStore, now: Date): Promise<{ started: number; reviewed: number }> {
  const startOfDay = new Date(now.getFullYear(), now.getMonth(), now.getDate()).getTime();
  return new Promise((resolve, reject) => {
    const count = { started: 0, reviewed: 0 };
    let olderRun = 0;
    const cursor = logs.openCursor(null, 'prev');
    cursor.onerror = () => reject(cursor.error);
    cursor.onsuccess = () => {
      const current = cursor.result;
      if (!current) return resolve(count);
      const log = (current.value as { log?: { review?: unknown; state?: unknown } }).log;
      const at = typeof log?.review === 'string' ? Date.parse(log.review) : NaN;
      if (at >= startOfDay && at <= now.getTime() + 86_400_000) {
        olderRun = 0;
        if (log?.state === STATE_NEW) count.started += 1;
        if (log?.state === STATE_REVIEW) count.reviewed += 1;
      } else if (++olderRun >= OLDER_RUN) {
        return resolve(count);
      }
      current.continue();
    };
  });
}
