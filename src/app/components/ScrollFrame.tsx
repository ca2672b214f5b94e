import { useRef, type ReactNode } from 'react';
import { useOverflowEdges } from '../hooks/overflowEdges.ts';

/**
 * A box that scrolls sideways when its content is too wide (a table on a
 * phone), with a fade on each side that has more to see. Focusable, so the
 * keyboard can scroll it too (WCAG 2.1.1); `label` says what it holds.
 */
export function ScrollFrame({
  label,
  className,
  role = 'region',
  children,
}: {
  label: string;
  className: string;
  role?: 'region' | 'group';
  children: ReactNode;
}) {
  const scroller = useRef<HTMLDivElement>(null);
  const overflow = useOverflowEdges(scroller);
  return (
    <div className="scroll-frame" data-overflow={overflow}>
      <div ref={scroller} className={className} tabIndex={0} role={role} aria-label={label}>
        {children}
      </div>
    </div>
  );
}
