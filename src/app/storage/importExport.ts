import {
  describeIssues,
  EXPORT_FORMAT,
  importFileSchema,
  PROGRESS_SCHEMA_VERSION,
  type ExportFile,
  type LogRecord,
} from './progressSchema.ts';
import type { ImportPreview, ProgressState } from './progressState.ts';
import type { ReadingPlaces } from './readingPlaces.ts';
import { storedQuestionMarks } from './questionMarks.ts';
import { lastTouched, logKey, serializeCard } from './storedRecords.ts';

/**
 * The export file of `state` and its stored answers (`logs`), in the stored
 * (ISO date) form, with the reading places when there are any.
 */
export function buildExportFile(
  state: ProgressState,
  logs: readonly LogRecord[],
  now: Date,
  readingPlaces: ReadingPlaces = {},
): ExportFile {
  return {
    format: EXPORT_FORMAT,
    version: PROGRESS_SCHEMA_VERSION,
    exportedAt: now.toISOString(),
    settings: state.settings,
    cards: [...state.cards].map(([questionId, card]) => ({
      questionId,
      card: serializeCard(card),
      updatedAt: (card.last_review ?? card.due).toISOString(),
    })),
    logs: logs.map((entry) => ({ questionId: entry.questionId, log: entry.log })),
    ...(Object.keys(readingPlaces).length > 0 ? { readingPlaces } : {}),
    ...(state.marks.size > 0 ? { questionMarks: storedQuestionMarks(state.marks) } : {}),
  };
}

/** A file this page cannot read, and what to do about it. */
type Refused = { ok: false; errors: string[] };

/**
 * Reads and validates an export file at `now` (see `importFileSchema`); a bad
 * file says, in Korean, what is wrong and what to do. Each card and each
 * answer is kept once (`duplicates` counts the repeats): the file's later
 * copy of a card, one copy of an answer.
 */
export function parseImportFile(
  text: string,
  now: Date,
): { ok: true; data: ExportFile; duplicates: { cards: number; logs: number } } | Refused {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    return {
      ok: false,
      errors: [
        `JSON으로 읽을 수 없는 파일입니다 (${error instanceof Error ? error.message : String(error)}). 학습 기록 페이지의 '파일로 내보내기'로 받은 .json 파일을 고치지 말고 그대로 골라 주세요.`,
      ],
    };
  }
  const head = typeof json === 'object' && json !== null ? (json as { format?: unknown; version?: unknown }) : {};
  const ours = head.format === EXPORT_FORMAT;
  if (ours && typeof head.version === 'number' && head.version > PROGRESS_SCHEMA_VERSION) {
    return {
      ok: false,
      errors: [
        `이 파일은 이 사이트의 더 새 버전에서 만들었습니다 (파일 형식 ${head.version}, 이 페이지가 읽는 형식은 ${PROGRESS_SCHEMA_VERSION}까지). 페이지를 새로 고쳐 사이트의 새 버전을 받은 뒤 다시 가져오세요. 오프라인이면 인터넷에 연결한 뒤 새로 고치세요.`,
      ],
    };
  }
  const parsed = importFileSchema(now).safeParse(json, { reportInput: true });
  if (!parsed.success) {
    return {
      ok: false,
      errors: [
        ours
          ? "진행 상황 파일이지만 아래 항목이 올바르지 않습니다. 파일을 손으로 고쳤다면 처음 내보낸 파일을 쓰고, 아니라면 기록이 있는 기기에서 '파일로 내보내기'를 다시 해 주세요."
          : "스터디 노트에서 내보낸 진행 상황 파일이 아닙니다. 학습 기록 페이지의 '파일로 내보내기'로 받은 .json 파일을 골라 주세요.",
        ...describeIssues(parsed.error),
      ],
    };
  }
  const data = normalizeTimes(parsed.data);
  const cards = new Map<string, ExportFile['cards'][number]>();
  for (const record of data.cards) {
    const other = cards.get(record.questionId);
    const touched = (card: ExportFile['cards'][number]['card']) => Date.parse(card.last_review ?? card.due);
    if (!other || touched(record.card) > touched(other.card)) cards.set(record.questionId, record);
  }
  const seen = new Set<string>();
  const logs = data.logs.filter((record) => {
    const key = logKey(record.questionId, record.log);
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
  return {
    ok: true,
    data: { ...data, cards: [...cards.values()], logs },
    duplicates: { cards: data.cards.length - cards.size, logs: data.logs.length - logs.length },
  };
}

/**
 * Answer times in one form (toISOString), as stored: an answer's identity
 * (`logKey`) and the time index compare them as strings.
 */
function normalizeTimes(data: ExportFile): ExportFile {
  // Most files come from toISOString already; only other forms are rewritten.
  const canonical = /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/;
  const iso = (value: string) => (canonical.test(value) ? value : new Date(value).toISOString());
  return {
    ...data,
    logs: data.logs.map(({ questionId, log }) => {
      const review = iso(log.review);
      const due = iso(log.due);
      return { questionId, log: review === log.review && due === log.due ? log : { ...log, review, due } };
    }),
  };
}

/** The first and last answer time of a file (ISO strings), or null without answers. */
export function answerSpan(data: ExportFile): { from: string; to: string } | null {
  let from: string | undefined;
  let to: string | undefined;
  for (const record of data.logs) {
    const review = record.log.review;
    if (from === undefined || review < from) from = review;
    if (to === undefined || review > to) to = review;
  }
  return from === undefined || to === undefined ? null : { from, to };
}

/**
 * What importing `data` into `state` would change; `known` holds the
 * identities (`logKey`) of the answers stored here within the file's span,
 * `questionIds` (when given) the questions this site has.
 */
export function countImport(
  data: ExportFile,
  state: ProgressState,
  known: ReadonlySet<string>,
  duplicates: { cards: number; logs: number },
  questionIds?: readonly string[],
): ImportPreview {
  let newCards = 0;
  let newerInFile = 0;
  let newerHere = 0;
  for (const record of data.cards) {
    const here = state.cards.get(record.questionId);
    if (!here) newCards += 1;
    else if (Date.parse(record.card.last_review ?? record.card.due) > lastTouched(here)) newerInFile += 1;
    else newerHere += 1;
  }
  const newLogs = data.logs.filter((record) => !known.has(logKey(record.questionId, record.log))).length;
  const existing = questionIds ? new Set(questionIds) : undefined;
  const unknownQuestions = existing
    ? data.cards.map((record) => record.questionId).filter((id) => !existing.has(id))
    : [];
  const unknownAnswers = existing ? data.logs.filter((record) => !existing.has(record.questionId)).length : 0;
  return {
    data,
    newCards,
    newerInFile,
    newerHere,
    newLogs,
    duplicateCards: duplicates.cards,
    duplicateLogs: duplicates.logs,
    unknownQuestions,
    unknownAnswers,
  };
}
