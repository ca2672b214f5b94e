import { isRouteErrorResponse, useRouteError } from 'react-router';
import { errorHead, notFoundHead } from '../../shared/pageHead.ts';
import { HomeLink } from '../components/HomeLink.tsx';
import { useDocumentHead } from '../head/useDocumentHead.ts';
import { NotFoundPage } from './NotFoundPage.tsx';

/**
 * A route failed: a 404 shows the not-found page; anything else (typically a
 * chunk that no longer exists after the site was updated) offers a reload.
 * `standalone` is for the root route, where there is no layout around it.
 */
export function RouteErrorPage({ standalone = false }: { standalone?: boolean }) {
  const error = useRouteError();
  const notFound = isRouteErrorResponse(error) && error.status === 404;
  useDocumentHead(notFound ? notFoundHead() : errorHead());
  const content = notFound ? (
    <NotFoundPage />
  ) : (
    <div className="message-page" role="alert">
      <h1 tabIndex={-1}>페이지를 불러오지 못했습니다</h1>
      <p>사이트가 방금 업데이트되었거나 네트워크가 끊겼을 수 있습니다. 새로고침하면 대부분 해결됩니다.</p>
      <p className="error-detail">{error instanceof Error ? error.message : String(error)}</p>
      <p className="message-actions">
        <button type="button" className="button-primary" onClick={() => window.location.reload()}>
          새로고침
        </button>
        <HomeLink>처음 화면으로</HomeLink>
      </p>
    </div>
  );
  return standalone ? <main id="main-content">{content}</main> : content;
}
