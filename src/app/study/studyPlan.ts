import type { QuestionType, QuizQuestion } from '../../shared/quiz.ts';
import { State, type Card } from '../quiz/scheduler.ts';
import { dueQueue } from '../quiz/session.ts';
import type { AnswerSummary, ProgressState } from '../storage/progressStore.ts';

/**
 * What a review session studies, as Anki's custom study and Quizlet's test
 * offer it, read from and written to the review page's URL so a session can
 * be linked, reloaded and retried:
 *
 * - `due` (default): the due queue with the daily limit of new questions;
 * - `all`: every question in scope (one note, or one section of it);
 * - `wrong`: the ones answered wrong (graded Again) in the last `days` days;
 * - `ahead`: started questions falling due within the next `days` days;
 * - `new`: up to `count` questions never answered;
 * - `flagged`: the questions flagged in the question browser;
 * - `test`: `count` questions mixed across types, scored at the end;
 * - `retry`: the given questions (the ones missed in a session).
 *
 * `note` and `section` narrow any of them. Suspended questions never come up.
 */
export type StudyKind = 'due' | 'all' | 'wrong' | 'ahead' | 'new' | 'flagged' | 'test' | 'retry';

export interface StudyPlan {
  kind: StudyKind;
  /** Days back (`wrong`) or ahead (`ahead`). */
  days: number;
  /** How many questions (`new`, `test`). */
  count: number;
  /** Only this note (slug), and within it only this section (heading id). */
  note: string | null;
  section: string | null;
  /** The questions of a `retry`. */
  ids: readonly string[];
  /** Whether answers are stored and reschedule the questions (always, except a test or retry taken as practice). */
  record: boolean;
}

const KINDS: readonly StudyKind[] = ['due', 'all', 'wrong', 'ahead', 'new', 'flagged', 'test', 'retry'];
/** Kinds whose answers can be left out of the schedule; the rest always count, as Anki's filtered decks do. */
const PRACTICE_KINDS: readonly StudyKind[] = ['test', 'retry'];

export const DEFAULTS = { days: 7, aheadDays: 3, count: 20 } as const;
const LIMITS = { days: 365, count: 500 } as const;

/** A positive whole number from `value`, at most `max`, else `fallback`. */
function whole(value: string | null, fallback: number, max: number): number {
  const number = value === null ? NaN : Number(value);
  return Number.isInteger(number) && number > 0 ? Math.min(number, max) : fallback;
}

/**
 * The plan in a review URL's query. Unknown kinds fall back to the due queue,
 * out-of-range numbers to their defaults; `note` and `section` are kept only
 * when such a note (and heading) exists.
 */
export function parseStudyPlan(
  params: URLSearchParams,
  notes: ReadonlySet<string>,
  sectionsOf: (note: string) => ReadonlySet<string>,
): StudyPlan {
  const kindParam = params.get('study');
  const kind = KINDS.includes(kindParam as StudyKind) ? (kindParam as StudyKind) : 'due';
  const noteParam = params.get('note');
  const note = noteParam && notes.has(noteParam) ? noteParam : null;
  const sectionParam = params.get('section');
  const section = note && sectionParam && sectionsOf(note).has(sectionParam) ? sectionParam : null;
  const record = PRACTICE_KINDS.includes(kind) ? params.get('record') === '1' : true;
  return {
    kind,
    days: whole(params.get('days'), kind === 'ahead' ? DEFAULTS.aheadDays : DEFAULTS.days, LIMITS.days),
    count: whole(params.get('count'), DEFAULTS.count, LIMITS.count),
    note,
    section,
    ids: kind === 'retry' ? (params.get('ids') ?? '').split(',').filter(Boolean) : [],
    record,
  };
}

/** The review page's query for `plan` (the inverse of `parseStudyPlan`), with a leading `?` unless empty. */
export function studySearch(plan: Partial<StudyPlan> & { kind: StudyKind }): string {
  const params = new URLSearchParams();
  if (plan.kind !== 'due') params.set('study', plan.kind);
  if (plan.note) params.set('note', plan.note);
  if (plan.note && plan.section) params.set('section', plan.section);
  if ((plan.kind === 'wrong' || plan.kind === 'ahead') && plan.days) params.set('days', String(plan.days));
  if ((plan.kind === 'new' || plan.kind === 'test') && plan.count) params.set('count', String(plan.count));
  if (plan.kind === 'retry' && plan.ids) params.set('ids', plan.ids.join(','));
  if (PRACTICE_KINDS.includes(plan.kind) && plan.record) params.set('record', '1');
  const query = params.toString();
  return query ? `?${query}` : '';
}

const DAY = 24 * 60 * 60 * 1000;

/** Questions within the plan's note and section. */
export function inScope(questions: readonly QuizQuestion[], plan: Pick<StudyPlan, 'note' | 'section'>): QuizQuestion[] {
  return questions.filter(
    (question) =>
      (!plan.note || question.noteSlug === plan.note) && (!plan.section || question.section?.id === plan.section),
  );
}

const isNew = (card: Card | undefined) => !card || card.state === State.New;

/**
 * The session's questions (ids, in the order they come up) for `plan` over
 * the site's `questions` at `now`. `summary` (last wrong answers) is needed
 * for `wrong`; `random` shuffles a test (Math.random by default).
 */
export function buildStudyQueue(
  plan: StudyPlan,
  questions: readonly QuizQuestion[],
  progress: ProgressState,
  now: Date,
  summary: ReadonlyMap<string, AnswerSummary> | null,
  random: () => number = Math.random,
): string[] {
  const scoped = inScope(questions, plan).filter((question) => !progress.marks.get(question.id)?.suspended);
  const ids = scoped.map((question) => question.id);
  const card = (id: string) => progress.cards.get(id);
  switch (plan.kind) {
    case 'due':
      return dueQueue(ids, progress, now);
    case 'all':
      return ids;
    case 'wrong': {
      const since = now.getTime() - plan.days * DAY;
      return ids.filter((id) => (summary?.get(id)?.lastWrongAt ?? -Infinity) >= since);
    }
    case 'ahead': {
      const until = now.getTime() + plan.days * DAY;
      return ids
        .filter((id) => !isNew(card(id)) && card(id)!.due.getTime() <= until)
        .sort((a, b) => card(a)!.due.getTime() - card(b)!.due.getTime());
    }
    case 'new':
      return ids.filter((id) => isNew(card(id))).slice(0, plan.count);
    case 'flagged':
      return ids.filter((id) => progress.marks.get(id)?.flagged);
    case 'test':
      return mixedTest(scoped, plan.count, random);
    case 'retry': {
      const wanted = new Set(plan.ids);
      return ids.filter((id) => wanted.has(id));
    }
  }
}

/**
 * `count` questions shuffled and dealt round the question types in turn, so
 * a short test still mixes choices, gaps, flashcards, orders and matches.
 */
export function mixedTest(questions: readonly QuizQuestion[], count: number, random: () => number): string[] {
  const byType = new Map<QuestionType, string[]>();
  for (const question of shuffle(questions, random)) {
    const list = byType.get(question.type) ?? [];
    list.push(question.id);
    byType.set(question.type, list);
  }
  const piles = shuffle([...byType.values()], random);
  const picked: string[] = [];
  while (picked.length < count && piles.some((pile) => pile.length > 0)) {
    for (const pile of piles) {
      const id = pile.shift();
      if (id !== undefined && picked.length < count) picked.push(id);
    }
  }
  return shuffle(picked, random);
}

function shuffle<T>(items: readonly T[], random: () => number): T[] {
  const out = [...items];
  for (let index = out.length - 1; index > 0; index--) {
    const other = Math.floor(random() * (index + 1));
    [out[index], out[other]] = [out[other] as T, out[index] as T];
  }
  return out;
}

/**
 * The questions that may join a running session's end when they fall due:
 * any (`allIds`), in the due queue; in a chosen plan only its own (`queue`),
 * and only when its answers are recorded, since practice moves no due date.
 */
export function returningIds(plan: StudyPlan, allIds: readonly string[], queue: readonly string[] | null): string[] {
  if (plan.kind === 'due') return [...allIds];
  return plan.record ? [...new Set(queue)] : [];
}

/**
 * Of `returning`, the started questions that fell due after the session began
 * at `startedAt` (ms) and are not `ahead` in its queue: they join its end, as
 * in Anki (an answer graded Again comes back in a minute). Questions already
 * due when it began, left out by the plan or the daily limits, stay out.
 */
export function fallenDue(
  returning: readonly string[],
  ahead: ReadonlySet<string>,
  progress: ProgressState,
  now: Date,
  startedAt: number,
): string[] {
  return dueQueue(returning, progress, now).filter((id) => {
    const card = progress.cards.get(id);
    return !ahead.has(id) && card !== undefined && card.state !== State.New && card.due.getTime() > startedAt;
  });
}

/** Whether a plan needs the answer summary (read from every stored answer) to build its queue. */
export const needsSummary = (plan: StudyPlan): boolean => plan.kind === 'wrong';

/** The session's title and a sentence saying what it studies and whether it changes the schedule. */
export function describePlan(plan: StudyPlan, scope: string | null): { title: string; lead: string; schedule: string } {
  const where = scope ? `${scope}에서 ` : '';
  const schedule = plan.record
    ? plan.kind === 'ahead'
      ? '답은 기록되고 일정도 바뀝니다. 예정보다 일찍 복습한 만큼 FSRS가 다음 간격을 짧게 잡습니다(Anki와 같음).'
      : '답은 기록되고 복습 일정에 반영됩니다.'
    : '연습입니다. 답은 기록되지 않고 복습 일정도 바뀌지 않습니다.';
  switch (plan.kind) {
    case 'due':
      return {
        title: scope ? `${scope} 문제 풀기` : '복습',
        lead: `${where}지금 복습할 문제와 오늘의 새 문제를 풉니다.`,
        schedule,
      };
    case 'all':
      return { title: `${scope ?? '모든 노트'} 전체 풀기`, lead: `${where}모든 문제를 차례로 풉니다.`, schedule };
    case 'wrong':
      return { title: '틀린 문제 다시 풀기', lead: `${where}최근 ${plan.days}일 동안 틀린 문제를 풉니다.`, schedule };
    case 'ahead':
      return {
        title: '미리 복습하기',
        lead: `${where}앞으로 ${plan.days}일 안에 복습할 문제를 미리 풉니다.`,
        schedule,
      };
    case 'new':
      return {
        title: '새 문제만 풀기',
        lead: `${where}아직 풀지 않은 문제를 ${plan.count}개까지 풉니다. 하루 새 문제 한도와 관계없습니다.`,
        schedule,
      };
    case 'flagged':
      return { title: '표시한 문제 풀기', lead: `${where}문제 목록에서 표시한 문제를 풉니다.`, schedule };
    case 'test':
      return {
        title: '시험 보기',
        lead: `${where}여러 유형을 섞은 ${plan.count}문제입니다. 점수는 끝에 나옵니다.`,
        schedule,
      };
    case 'retry':
      return { title: '틀린 문제 다시 풀기', lead: '방금 세션에서 틀린 문제를 다시 풉니다.', schedule };
  }
}
