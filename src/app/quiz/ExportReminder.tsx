import { useState } from 'react';
import type { ProgressState, ProgressStore } from '../storage/progressStore.ts';
import { exportProgressFile } from './exportProgressFile.ts';

/**
 * A note page reminds the learner to export after every this many answers
 * since the last export. A note holds about twenty questions (108 in five
 * notes), so this is about once per note worked through: rare enough not to
 * nag while answering, yet what a browser's eviction could take stays at
 * most about one note's work, ten minutes or so to redo.
 */
export const REMIND_EVERY = 20;

/** Answers since the last export when this answer reached a multiple of `REMIND_EVERY`, else null. */
export async function reminderDue(store: ProgressStore, lastExportAt: Date | null): Promise<number | null> {
  const count = await store.countAnswersSince(lastExportAt);
  return count > 0 && count % REMIND_EVERY === 0 ? count : null;
}

/** Under the answer that reached the count: how many answers a cleared browser would lose, and the export. */
export function ExportReminder({ answers, progress }: { answers: number; progress: ProgressState }) {
  const [done, setDone] = useState('');
  return (
    <div className="practice-reminder export-reminder">
      <p>
        {progress.lastExportAt ? '마지막으로 내보낸 뒤' : '파일로 내보낸 적 없이'} {answers}번 답했습니다. 브라우저가
        사이트 데이터를 지우면 이 기록도 함께 사라지니 파일로 내보내 두세요.
      </p>
      <button
        type="button"
        className="button-secondary"
        onClick={() =>
          void exportProgressFile().then(
            () => setDone('내보냈습니다.'),
            (error: unknown) => setDone(`내보내지 못했습니다: ${String(error)}`),
          )
        }
      >
        파일로 내보내기
      </button>
      <p role="status">{done}</p>
    </div>
  );
}
