/** The service worker's two messages, shared by the app (UpdatePrompt.tsx) and note pages (serviceWorkerClient.ts). */
export const UPDATE_MESSAGE = '새 버전이 있습니다. 새로고침하면 최신 노트로 바뀝니다.';
export const OFFLINE_READY_MESSAGE = '이제 오프라인에서도 모든 노트를 읽을 수 있습니다.';
