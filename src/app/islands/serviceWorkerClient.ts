import { registerSW } from 'virtual:pwa-register';

/** How long the "works offline now" notice stays, unless the reader is on it. */
const OFFLINE_NOTICE_MS = 8000;

/**
 * The service worker on an island page, without React: registers it and
 * shows the same small notices as pwa/UpdatePrompt.tsx does in the app
 * ("new version, reload"; a one-time "works offline now") in the
 * prerendered polite live region, so screen readers hear them in passing.
 */
export function startServiceWorker(): void {
  const region = document.querySelector<HTMLElement>('.update-prompt-region');
  let held = false;
  let timer = 0;
  const clear = () => {
    window.clearTimeout(timer);
    region?.replaceChildren();
  };
  const show = (message: string, update?: () => void) => {
    if (!region) return;
    const box = document.createElement('div');
    box.className = `update-prompt${update ? '' : ' is-notice'}`;
    const text = document.createElement('p');
    text.textContent = message;
    const actions = document.createElement('div');
    actions.className = 'update-prompt-actions';
    if (update) actions.append(button('새로고침', 'button-primary', update));
    actions.append(button('닫기', 'button-secondary', clear));
    box.append(text, actions);
    // The offline notice only informs: it goes by itself, never while the pointer or focus is on it.
    box.addEventListener('pointerenter', () => (held = true));
    box.addEventListener('pointerleave', () => (held = false));
    box.addEventListener('focusin', () => (held = true));
    box.addEventListener('focusout', (event) => (held = box.contains(event.relatedTarget as Node | null)));
    region.replaceChildren(box);
    if (!update) {
      const expire = () => (held ? (timer = window.setTimeout(expire, 1000)) : clear());
      timer = window.setTimeout(expire, OFFLINE_NOTICE_MS);
    }
  };
  const updateSW = registerSW({
    onNeedRefresh: () => show('새 버전이 있습니다. 새로고침하면 최신 노트로 바뀝니다.', () => void updateSW(true)),
    onOfflineReady: () => show('이제 오프라인에서도 모든 노트를 읽을 수 있습니다.'),
  });
}

function button(label: string, className: string, onClick: () => void): HTMLButtonElement {
  const element = document.createElement('button');
  element.type = 'button';
  element.className = className;
  element.textContent = label;
  element.addEventListener('click', onClick);
  return element;
}
