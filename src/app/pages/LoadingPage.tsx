/** Shown while the first page's data loads (usually a few milliseconds). */
export function LoadingPage() {
  return (
    <div className="loading-page" role="status">
      불러오는 중…
    </div>
  );
}
