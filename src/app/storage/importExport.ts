import {
  describeIssues,
  EXPORT_FORMAT,
  importFileSchema,
  PROGRESS_SCHEMA_VERSION,
  type ExportFile,
  type LogRecord,
} from './progressSchema.ts';
import type { ImportPreview, ProgressState } from './progressState.ts';
import { lastTouched, logKey, serializeCard } from './storedRecords.ts';

/** The export file of `state` and its stored answers (`logs`), in the stored (ISO date) form. */
export function buildExportFile(state: ProgressState, logs: readonly LogRecord[], now: Date): ExportFile {
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
  };
}

/** Reads and validates an export file at `now` (see `importFileSchema`). A bad file says what is wrong. */
export function parseImportFile(
  text: string,
  now: Date,
): { ok: true; data: ExportFile } | { ok: false; errors: string[] } {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    return {
      ok: false,
      errors: [`JSON으로 읽을 수 없는 파일입니다: ${error instanceof Error ? error.message : String(error)}`],
    };
  }
  const parsed = importFileSchema(now).safeParse(json);
  if (!parsed.success) {
    const looksLikeOurs =
      typeof json === 'object' && json !== null && (json as { format?: unknown }).format === EXPORT_FORMAT;
    return {
      ok: false,
      errors: [
        looksLikeOurs
          ? '진행 상황 파일이지만 내용이 올바르지 않습니다:'
          : '스터디 노트에서 내보낸 진행 상황 파일이 아닙니다:',
        ...describeIssues(parsed.error),
      ],
    };
  }
  return { ok: true, data: normalizeTimes(parsed.data) };
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
 * identities (`logKey`) of the answers stored here within the file's span.
 */
export function countImport(data: ExportFile, state: ProgressState, known: ReadonlySet<string>): ImportPreview {
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
  return { data, newCards, newerInFile, newerHere, newLogs };
}
