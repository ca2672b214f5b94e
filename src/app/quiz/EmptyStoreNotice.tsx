import type { ReactNode } from 'react';

/**
 * Shown by the review and stats pages when nothing is stored. A browser clears
 * a site's data all at once (Safari after seven days without a visit, any
 * browser short of space), taking any marker of earlier visits with it, so an
 * empty store cannot tell a first visit from a cleared one: it says both, and
 * where to bring an exported file back (`importAction`).
 */
export function EmptyStoreNotice({ importAction }: { importAction: ReactNode }) {
  return (
    <div className="empty-store" role="note" aria-label="저장된 기록 없음">
      <p>
        이 브라우저에는 저장된 학습 기록이 없습니다. 전에 푼 기록이 있었다면 브라우저가 이 사이트의 데이터를 지운 것일
        수 있습니다(Safari는 7일 동안 찾지 않은 사이트의 데이터를 지우고, 어느 브라우저든 저장 공간이 부족하면
        지웁니다). 내보내 둔 파일이 있으면 가져와서 이어 가세요: {importAction}
      </p>
    </div>
  );
}
