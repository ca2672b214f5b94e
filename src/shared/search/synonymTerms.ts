import { analyzeText, queryTermOf } from './analyzeText.ts';
import type { SynonymGroup } from './searchData.ts';

/**
 * The query terms a synonym entry stands for, made exactly like the terms of
 * a typed query: `핸드셰이크` → [`핸드셰이크`], `공개 키` → [`공개`, `키`],
 * `ALLOWED_HOSTS` → [`allowed_hosts`]. Empty for punctuation only.
 */
export function synonymTerms(entry: string): string[] {
  return analyzeText(entry).flatMap((token) => queryTermOf(token) ?? []);
}

/** Turns author-written groups into query terms, dropping entries that became identical. */
export function toSynonymGroups(groups: string[][]): SynonymGroup[] {
  return groups
    .map((group) => {
      const entries = new Map<string, string[]>();
      for (const terms of group.map(synonymTerms)) {
        if (terms.length > 0) entries.set(terms.join(' '), terms);
      }
      return [...entries.values()];
    })
    .filter((group) => group.length > 1);
}
