import { useState } from 'react';
import type { ProgressState } from '../storage/progressStore.ts';
import { exportProgressFile } from './exportProgressFile.ts';

/**
 * Said once on a page that takes answers when progress cannot be stored
 * (no IndexedDB, site data blocked, a newer version's database): answers
 * count for this tab only, and the export file is the way to keep them.
 * `problems` says why, in the store's words.
 */
export function MemoryModeNotice({
  progress,
  onClose,
  className = '',
}: {
  progress: ProgressState;
  /** Shows a close button (the floating notice on note pages). */
  onClose?: () => void;
  className?: string;
}) {
  const [exported, setExported] = useState('');
  const exportNow = () =>
    void exportProgressFile().then(
      () => setExported('이번 방문의 기록을 파일로 내보냈습니다.'),
      (error: unknown) => setExported(`내보내지 못했습니다: ${String(error)}`),
    );
  return (
    <div className={`memory-notice ${className}`} role="alert" aria-labelledby="memory-notice-title">
      <p id="memory-notice-title" className="memory-notice-title">
        진행 상황이 저장되지 않습니다
      </p>
      <p>
        이 브라우저에 기록을 저장할 수 없어, 이번에 푼 답은 이 탭을 닫으면 사라집니다. 끝내기 전에 파일로 내보내 두면
        나중에 학습 기록 페이지에서 가져올 수 있습니다.
      </p>
      {progress.problems.map((problem) => (
        <p key={problem} className="memory-notice-reason">
          {problem}
        </p>
      ))}
      <div className="memory-notice-actions">
        <button type="button" className="button-primary" onClick={exportNow}>
          파일로 내보내기
        </button>
        {onClose && (
          <button type="button" className="button-secondary" onClick={onClose}>
            닫기
          </button>
        )}
      </div>
      <p className="memory-notice-done" role="status">
        {exported}
      </p>
    </div>
  );
}
