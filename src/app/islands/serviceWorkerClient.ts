import { registerSW } from 'virtual:pwa-register';
import { linkManifest } from '../pwa/linkManifest.ts';
import { OFFLINE_READY_MESSAGE, UPDATE_MESSAGE } from '../pwa/serviceWorkerMessages.ts';

/**
 * The service worker on an island page, without React: registers it and says
 * what pwa/UpdatePrompt.tsx says in the app. "New version, reload" is a box
 * in the corner waiting for a decision; "works offline now" (once, after the
 * first visit's precache) is a quiet line in the footer that covers nothing,
 * and is read out once through the prerendered polite live region.
 */
export function startServiceWorker(): void {
  const region = document.querySelector<HTMLElement>('.update-prompt-region');
  const showUpdate = (update: () => void) => {
    if (!region) return;
    const box = document.createElement('div');
    box.className = 'update-prompt';
    const text = document.createElement('p');
    text.textContent = UPDATE_MESSAGE;
    const actions = document.createElement('div');
    actions.className = 'update-prompt-actions';
    actions.append(
      button('새로고침', 'button-primary', update),
      button('닫기', 'button-secondary', () => region.replaceChildren()),
    );
    box.append(text, actions);
    region.replaceChildren(box);
  };
  const showOfflineReady = () => {
    const footer = document.querySelector('.site-footer');
    if (footer && !footer.querySelector('.offline-ready')) {
      const line = document.createElement('p');
      line.className = 'offline-ready';
      line.textContent = OFFLINE_READY_MESSAGE;
      footer.append(line);
    }
    if (region && !region.firstElementChild) {
      const spoken = document.createElement('p');
      spoken.className = 'sr-only';
      spoken.textContent = OFFLINE_READY_MESSAGE;
      region.replaceChildren(spoken);
    }
  };
  linkManifest();
  const updateSW = registerSW({
    onNeedRefresh: () => showUpdate(() => void updateSW(true)),
    onOfflineReady: showOfflineReady,
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
