import { useEffect, useState } from 'react';
import { watchActiveHeading } from '../dom/watchActiveHeading.ts';

/** `watchActiveHeading` as state, starting at the first heading. */
export function useActiveHeading(ids: string[], offset = 96): string | undefined {
  const [active, setActive] = useState<string | undefined>(ids[0]);
  useEffect(() => watchActiveHeading(ids, setActive, offset), [ids, offset]);
  return active;
}
