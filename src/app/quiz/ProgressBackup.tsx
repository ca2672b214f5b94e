import { useState, type ChangeEvent } from 'react';
import type { ImportPreview, ProgressState } from '../storage/progressStore.ts';
import { hasUnexportedProgress } from './session.ts';
import { downloadJson, exportProgressFile } from './exportProgressFile.ts';
import { getProgressStore } from './useProgress.ts';

/**
 * Export to a JSON file, import back with a preview and an explicit choice
 * (merge or replace), and the backup of damaged records. A bad file changes
 * nothing and says what is wrong.
 */
export function ProgressBackup({
  progress,
  questionIds,
}: {
  progress: ProgressState;
  /** The site's questions: the import preview names the file's questions that are not among them. */
  questionIds: readonly string[];
}) {
  const [preview, setPreview] = useState<ImportPreview | null>(null);
  const [errors, setErrors] = useState<string[]>([]);
  const [message, setMessage] = useState('');
  const [confirmReplace, setConfirmReplace] = useState(false);
  /** Answers written so far while an import is applied (a large file takes seconds). */
  const [applying, setApplying] = useState<{ done: number; total: number } | null>(null);

  const exportNow = async () => {
    await exportProgressFile();
    setMessage('진행 상황을 파일로 내보냈습니다.');
  };

  const chooseFile = async (event: ChangeEvent<HTMLInputElement>) => {
    const file = event.target.files?.[0];
    event.target.value = '';
    setPreview(null);
    setErrors([]);
    setConfirmReplace(false);
    if (!file) return;
    const result = await (await getProgressStore()).previewImport(await file.text(), { questionIds });
    if (result.ok) setPreview(result.preview);
    else setErrors(result.errors);
  };

  const apply = async (mode: 'merge' | 'replace') => {
    if (!preview || applying) return;
    setMessage('');
    setApplying({ done: 0, total: preview.data.logs.length });
    try {
      await (await getProgressStore()).applyImport(preview.data, mode, (done, total) => setApplying({ done, total }));
      setPreview(null);
      setConfirmReplace(false);
      setMessage(mode === 'merge' ? '가져온 기록을 합쳤습니다.' : '가져온 기록으로 바꿨습니다.');
    } catch (error) {
      // One transaction: nothing was written.
      setErrors([
        `가져오는 중에 브라우저 저장소가 실패해 아무것도 바뀌지 않았습니다. 저장 공간이 부족한지 확인하고 다시 시도해 주세요. (${String(error)})`,
      ]);
    } finally {
      setApplying(null);
    }
  };

  const downloadBackups = async () => {
    downloadJson('study-notes-damaged-records.json', await (await getProgressStore()).readBackups());
  };

  return (
    <section className="stats-section" aria-labelledby="backup-title">
      <h2 id="backup-title">기록 보관</h2>
      <p>
        기록은 이 브라우저에만 저장됩니다.{' '}
        {progress.persisted === true
          ? '브라우저가 저장 공간을 지우지 않도록 보존을 허락했습니다.'
          : '브라우저가 저장 공간을 정리하면 사라질 수 있으니 가끔 파일로 내보내 두세요.'}{' '}
        {progress.lastExportAt
          ? `마지막 내보내기: ${progress.lastExportAt.toLocaleString('ko-KR')}.`
          : '아직 내보낸 적이 없습니다.'}
      </p>
      {hasUnexportedProgress(progress) && <p className="practice-reminder">내보내지 않은 새 기록이 있습니다.</p>}
      <div className="stats-actions">
        <button
          type="button"
          className="button-primary"
          onClick={() => void exportNow()}
          disabled={progress.status !== 'ready'}
        >
          파일로 내보내기
        </button>
        <label className="button-secondary file-button">
          파일에서 가져오기
          <input type="file" accept="application/json,.json" onChange={(event) => void chooseFile(event)} />
        </label>
        {progress.backupCount > 0 && (
          <button type="button" className="button-secondary" onClick={() => void downloadBackups()}>
            손상된 기록 백업 내려받기 ({progress.backupCount})
          </button>
        )}
      </div>
      <div role="status" aria-live="polite">
        {message && <p>{message}</p>}
      </div>
      {applying && (
        <div className="import-progress">
          <label htmlFor="import-progress">
            가져오는 중: 답 기록 {applying.done.toLocaleString('ko-KR')} / {applying.total.toLocaleString('ko-KR')}
          </label>
          <progress id="import-progress" max={Math.max(1, applying.total)} value={applying.done} />
        </div>
      )}
      {errors.length > 0 && (
        <div className="practice-problems" role="alert">
          <p>이 파일은 가져올 수 없습니다. 아무것도 바뀌지 않았습니다.</p>
          <ul>
            {errors.map((error) => (
              <li key={error}>{error}</li>
            ))}
          </ul>
        </div>
      )}
      {preview && (
        <div className="import-preview" role="region" aria-label="가져오기 미리 보기">
          <p>
            {new Date(preview.data.exportedAt).toLocaleString('ko-KR')}에 내보낸 파일입니다. 문제{' '}
            {preview.data.cards.length}개, 답한 기록 {preview.data.logs.length}개.
          </p>
          <ul>
            <li>여기 없는 문제: {preview.newCards}개 (추가됩니다)</li>
            <li>파일 쪽이 더 최근인 문제: {preview.newerInFile}개 (합치면 파일 쪽으로 바뀝니다)</li>
            <li>여기 쪽이 더 최근인 문제: {preview.newerHere}개 (합치면 그대로 둡니다)</li>
            <li>새로 더해질 답 기록: {preview.newLogs}개</li>
          </ul>
          {(preview.duplicateCards > 0 || preview.duplicateLogs > 0) && (
            <p>
              파일 안에 같은 문제 {preview.duplicateCards}개, 같은 답 기록 {preview.duplicateLogs}개가 두 번 이상 들어
              있어 한 번씩만 셌습니다. 문제는 더 최근 것을 씁니다.
            </p>
          )}
          {preview.unknownQuestions.length > 0 && (
            <p>
              이 사이트에 없는 문제 {preview.unknownQuestions.length}개의 기록(답 {preview.unknownAnswers}개)이 들어
              있습니다: {preview.unknownQuestions.slice(0, 5).join(', ')}
              {preview.unknownQuestions.length > 5 ? ' 외' : ''}. 다른 사이트의 파일이거나 노트에서 빠진 문제입니다.
              가져오면 보관만 되고 복습에는 나오지 않습니다.
            </p>
          )}
          <div className="stats-actions">
            <button
              type="button"
              className="button-primary"
              onClick={() => void apply('merge')}
              disabled={applying !== null}
            >
              합치기
            </button>
            {confirmReplace ? (
              <button
                type="button"
                className="button-secondary danger"
                onClick={() => void apply('replace')}
                disabled={applying !== null}
              >
                정말 바꾸기: 지금 기록을 지우고 파일로 대체
              </button>
            ) : (
              <button type="button" className="button-secondary" onClick={() => setConfirmReplace(true)}>
                바꾸기…
              </button>
            )}
            <button type="button" className="button-secondary" onClick={() => setPreview(null)}>
              취소
            </button>
          </div>
        </div>
      )}
    </section>
  );
}
