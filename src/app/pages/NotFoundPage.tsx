import { HomeLink } from '../components/HomeLink.tsx';
import { notFoundHead } from '../../shared/pageHead.ts';
import { useDocumentHead } from '../head/useDocumentHead.ts';

/** Shown for unknown paths and unknown note slugs. */
export function NotFoundPage() {
  useDocumentHead(notFoundHead());
  return (
    <div className="message-page">
      <p className="message-code" aria-hidden="true">
        404
      </p>
      <h1 tabIndex={-1}>페이지를 찾을 수 없습니다</h1>
      <p>주소가 바뀌었거나 잘못 입력되었을 수 있습니다. 노트 목록이나 검색, 처음 화면에서 찾는 노트를 골라 주세요.</p>
      <p>
        <HomeLink className="button-primary">처음 화면으로</HomeLink>
      </p>
    </div>
  );
}
