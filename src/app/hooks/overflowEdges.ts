import { useEffect, useState, type RefObject } from 'react';
import { watchOverflowEdges, type OverflowEdges } from '../dom/watchOverflowEdges.ts';

export { watchOverflowEdges, type OverflowEdges } from '../dom/watchOverflowEdges.ts';

/** `watchOverflowEdges` as state: `none` on the server and until measured. */
export function useOverflowEdges(ref: RefObject<HTMLElement | null>): OverflowEdges {
  const [edges, setEdges] = useState<OverflowEdges>('none');
  useEffect(() => {
    const element = ref.current;
    return element ? watchOverflowEdges(element, setEdges) : undefined;
  }, [ref]);
  return edges;
}
