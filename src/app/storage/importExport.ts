import {
  describeIssues,
  EXPORT_FORMAT,
  exportFileSchema,
  PROGRESS_SCHEMA_VERSION,
  type ExportFile,
} from './progressSchema.ts';
import type { ImportPreview, ProgressState } from './progressState.ts';
import { lastTouched, logKey, serializeCard, serializeLog } from './storedRecords.ts';

/** The export file of `state`: every card and every answer, in the stored (ISO date) form. */
export function buildExportFile(state: ProgressState, now: Date): ExportFile {
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
    logs: state.logs.map((entry) => ({ questionId: entry.questionId, log: serializeLog(entry.log) })),
  };
}

/**
 * Reads and validates an export file and counts what importing it into
 * `state` would change. A bad file changes nothing and says what is wrong.
 */
export function previewImportFile(
  text: string,
  state: ProgressState,
): { ok: true; preview: ImportPreview } | { ok: false; errors: string[] } {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    return {
      ok: false,
      errors: [`JSON으로 읽을 수 없는 파일입니다: ${error instanceof Error ? error.message : String(error)}`],
    };
  }
  const parsed = exportFileSchema.safeParse(json);
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
  const data = parsed.data;
  let newCards = 0;
  let newerInFile = 0;
  let newerHere = 0;
  for (const record of data.cards) {
    const here = state.cards.get(record.questionId);
    if (!here) newCards += 1;
    else if (Date.parse(record.card.last_review ?? record.card.due) > lastTouched(here)) newerInFile += 1;
    else newerHere += 1;
  }
  const known = new Set(state.logs.map((entry) => logKey(entry.questionId, serializeLog(entry.log))));
  const newLogs = data.logs.filter((record) => !known.has(logKey(record.questionId, record.log))).length;
  return { ok: true, preview: { data, newCards, newerInFile, newerHere, newLogs } };
}
