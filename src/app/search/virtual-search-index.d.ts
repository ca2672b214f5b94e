// Served by src/node/search/searchPlugin.ts at build time; see there.
declare module 'virtual:search-index' {
  import type { SearchData, SearchText } from '../../shared/search/searchData.ts';

  /** The search index, the sections it points to, and the synonyms. */
  const data: SearchData;
  export default data;
  /** Per note (same order as `data.notes`), imports that note's text for snippets. */
  export const texts: ReadonlyArray<() => Promise<SearchText>>;
}
