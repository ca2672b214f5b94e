import { Link } from 'react-router';
import type { NoteMeta } from '../../shared/note.ts';
import { notePath } from '../../shared/routes.ts';
import { Icon } from './Icon.tsx';

/** Links to the previous and next notes in reading order. */
export function PrevNextLinks({ previous, next }: { previous?: NoteMeta | undefined; next?: NoteMeta | undefined }) {
  if (!previous && !next) return null;
  return (
    <nav className="prev-next" aria-label="이전/다음 노트">
      {previous ? (
        <Link className="prev-next-link prev" to={notePath(previous.slug)} rel="prev">
          <span className="prev-next-label">
            <Icon name="arrowLeft" size={16} /> 이전 노트
          </span>
          <span className="prev-next-title">{previous.title}</span>
        </Link>
      ) : (
        <span />
      )}
      {next && (
        <Link className="prev-next-link next" to={notePath(next.slug)} rel="next">
          <span className="prev-next-label">
            다음 노트 <Icon name="arrowRight" size={16} />
          </span>
          <span className="prev-next-title">{next.title}</span>
        </Link>
      )}
    </nav>
  );
}
