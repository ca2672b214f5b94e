import { useSyncExternalStore } from 'react';
import { serviceWorkerState } from './serviceWorkerState.ts';

/**
 * A small notice in the corner: "new version, reload" when the site was
 * updated, and a one-time "works offline now" after the first full cache.
 * A polite live region, so screen readers hear it without losing their place.
 */
export function UpdatePrompt() {
  const { needRefresh, offlineReady } = useSyncExternalStore(
    serviceWorkerState.subscribe,
    serviceWorkerState.get,
    serviceWorkerState.getServer,
  );
  const visible = needRefresh || offlineReady;

  return (
    <div className="update-prompt-region" role="status" aria-live="polite">
      {visible && (
        <div className="update-prompt">
          <p>
            {needRefresh
              ? '새 버전이 있습니다. 새로고침하면 최신 노트로 바뀝니다.'
              : '이제 오프라인에서도 모든 노트를 읽을 수 있습니다.'}
          </p>
          <div className="update-prompt-actions">
            {needRefresh && (
              <button type="button" className="button-primary" onClick={() => void serviceWorkerState.update()}>
                새로고침
              </button>
            )}
            <button
              type="button"
              className="button-secondary"
              onClick={() => serviceWorkerState.set({ needRefresh: false, offlineReady: false })}
            >
              닫기
            </button>
          </div>
        </div>
      )}
    </div>
  );
}
