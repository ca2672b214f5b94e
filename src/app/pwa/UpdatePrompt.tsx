import { useEffect, useState, useSyncExternalStore } from 'react';
import { serviceWorkerState } from './serviceWorkerState.ts';

/** How long the "works offline now" notice stays, unless the reader is on it. */
export const OFFLINE_NOTICE_MS = 8000;

/**
 * A small notice in the corner: "new version, reload" when the site was
 * updated, and a one-time "works offline now" after the first full cache.
 * A polite live region, so screen readers hear it without losing their place.
 *
 * The update notice waits for a decision. The offline notice only informs,
 * and on a phone it covers the text being read, so it goes by itself after a
 * few seconds; never while the pointer or focus is on it.
 */
export function UpdatePrompt() {
  const { needRefresh, offlineReady } = useSyncExternalStore(
    serviceWorkerState.subscribe,
    serviceWorkerState.get,
    serviceWorkerState.getServer,
  );
  const [held, setHeld] = useState(false);
  const visible = needRefresh || offlineReady;
  const dismiss = () => serviceWorkerState.set({ needRefresh: false, offlineReady: false });

  useEffect(() => {
    if (!offlineReady || needRefresh || held) return;
    const timer = window.setTimeout(() => serviceWorkerState.set({ offlineReady: false }), OFFLINE_NOTICE_MS);
    return () => window.clearTimeout(timer);
  }, [offlineReady, needRefresh, held]);

  return (
    <div className="update-prompt-region" role="status" aria-live="polite">
      {visible && (
        <div
          className={`update-prompt${needRefresh ? '' : ' is-notice'}`}
          onPointerEnter={() => setHeld(true)}
          onPointerLeave={() => setHeld(false)}
          onFocus={() => setHeld(true)}
          onBlur={(event) => {
            if (!event.currentTarget.contains(event.relatedTarget as Node | null)) setHeld(false);
          }}
        >
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
            <button type="button" className="button-secondary" onClick={dismiss}>
              닫기
            </button>
          </div>
        </div>
      )}
    </div>
  );
}
