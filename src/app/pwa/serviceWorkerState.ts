/**
 * What the service worker told us, as a tiny store the UI subscribes to.
 * main.tsx feeds it from vite-plugin-pwa's `registerSW` (browser only), so
 * components stay renderable at build time, where no service worker exists.
 */
export interface ServiceWorkerState {
  /** A new version is installed and waiting; reloading switches to it. */
  needRefresh: boolean;
  /** Everything is cached: the site now works offline. */
  offlineReady: boolean;
}

let state: ServiceWorkerState = { needRefresh: false, offlineReady: false };
let applyUpdate: (() => Promise<void>) | undefined;
const listeners = new Set<() => void>();

export const serviceWorkerState = {
  get: (): ServiceWorkerState => state,
  getServer: (): ServiceWorkerState => SERVER_STATE,
  subscribe(listener: () => void): () => void {
    listeners.add(listener);
    return () => listeners.delete(listener);
  },
  set(patch: Partial<ServiceWorkerState>): void {
    state = { ...state, ...patch };
    for (const listener of listeners) listener();
  },
  /** Called by main.tsx with the function that activates the waiting worker and reloads. */
  setUpdater(update: () => Promise<void>): void {
    applyUpdate = update;
  },
  async update(): Promise<void> {
    if (applyUpdate) await applyUpdate();
    else window.location.reload();
  },
};

const SERVER_STATE: ServiceWorkerState = { needRefresh: false, offlineReady: false };
