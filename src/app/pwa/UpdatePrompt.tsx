import { createPortal } from 'react-dom';
import { useSyncExternalStore } from 'react';
import { OFFLINE_READY_MESSAGE, UPDATE_MESSAGE } from './serviceWorkerMessages.ts';
import { serviceWorkerState } from './serviceWorkerState.ts';

/**
 * What the service worker has to say. "New version, reload" is a small box in
 * the corner that waits for a decision. "Works offline now" (once, when the
 * first visit's precache is done) only informs, so it is quiet: a line in the
 * page's footer, covering no control and no text, and read out once through
 * the polite live region (screen readers hear it without losing their place).
 */
export function UpdatePrompt() {
  const { needRefresh, offlineReady } = useSyncExternalStore(
    serviceWorkerState.subscribe,
    serviceWorkerState.get,
    serviceWorkerState.getServer,
  );
  const footer = offlineReady && typeof document !== 'undefined' ? document.querySelector('.site-footer') : null;

  return (
    <div className="update-prompt-region" role="status" aria-live="polite">
      {needRefresh ? (
        <div className="update-prompt">
          <p>{UPDATE_MESSAGE}</p>
          <div className="update-prompt-actions">
            <button type="button" className="button-primary" onClick={() => void serviceWorkerState.update()}>
              새로고침
            </button>
            <button
              type="button"
              className="button-secondary"
              onClick={() => serviceWorkerState.set({ needRefresh: false })}
            >
              닫기
            </button>
          </div>
        </div>
      ) : (
        offlineReady && <p className="sr-only">{OFFLINE_READY_MESSAGE}</p>
      )}
      {footer && createPortal(<p className="offline-ready">{OFFLINE_READY_MESSAGE}</p>, footer)}
    </div>
  );
}
