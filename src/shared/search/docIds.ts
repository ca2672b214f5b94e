import type { SearchDoc } from './searchData.ts';

/**
 * Most documents' ids are their heading, lower-cased, without punctuation and
 * with hyphens for spaces (the slug the notes' headings and glossary terms
 * get). The search download leaves such ids out (about 2 KB gzip for the five
 * notes) and the browser puts them back; any other id (a repeated heading's
 * `-1`, a question's anchor) is kept as it is.
 */
export function headingSlug(heading: string): string {
  return heading
    .toLowerCase()
    .trim()
    .replace(/[^\p{L}\p{M}\p{N}\s_-]/gu, '')
    .replace(/\s/g, '-');
}

/** The documents as the build writes them: ids the browser can work out are left out. */
export function withoutDerivedIds(docs: readonly SearchDoc[]): SearchDoc[] {
  return docs.map((doc) => {
    if (doc.heading === undefined || doc.id !== headingSlug(doc.heading)) return doc;
    const rest = { ...doc };
    delete rest.id;
    return rest;
  });
}

/** The documents with every id, from what `withoutDerivedIds` wrote. */
export function withDerivedIds(docs: readonly SearchDoc[]): SearchDoc[] {
  return docs.map((doc) =>
    doc.heading !== undefined && doc.id === undefined ? { ...doc, id: headingSlug(doc.heading) } : doc,
  );
}
