import type { AnchorHTMLAttributes, MouseEvent } from 'react';
import { useNavigate } from 'react-router';
import { isPlainClick } from '../isPlainClick.ts';

/**
 * A link to the home page whose href keeps the base path's trailing slash
 * (`/study-notes/`). React Router's `<Link to="/">` renders `/study-notes`,
 * which GitHub Pages answers with a redirect first.
 */
export function HomeLink({ onClick, children, ...props }: AnchorHTMLAttributes<HTMLAnchorElement>) {
  const href = import.meta.env.BASE_URL;
  const navigate = useNavigate();
  const handleClick = (event: MouseEvent<HTMLAnchorElement>) => {
    onClick?.(event);
    if (!isPlainClick(event)) return;
    event.preventDefault();
    void navigate('/');
  };
  return (
    <a {...props} href={href} onClick={handleClick}>
      {children}
    </a>
  );
}
