import { useEffect } from 'react';
import type { PageHead } from '../../shared/pageHead.ts';

/**
 * Keeps `<title>` and the meta description in step with client-side
 * navigation. The prerendered HTML already has both (written by
 * src/node/prerenderPlugin.ts from the same `PageHead`), so this only
 * matters after the first page.
 */
export function useDocumentHead({ title, description }: PageHead): void {
  useEffect(() => {
    document.title = title;
    let meta = document.querySelector<HTMLMetaElement>('meta[name="description"]');
    if (!meta) {
      meta = document.createElement('meta');
      meta.name = 'description';
      document.head.append(meta);
    }
    meta.content = description;
  }, [title, description]);
}
