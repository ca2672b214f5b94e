import type { AsPlainObject } from 'minisearch';

/**
 * MiniSearch's serialized index in a compact form for the download.
 *
 * `toJSON()` writes every posting as a JSON object keyed by document id
 * (`{"2":{"17":1,"18":3}}`): for the five notes that was 259 KB (62 KB gzip),
 * most of the search download. Here the terms are one space-separated string
 * (a term never holds a space) and each term's postings one short string:
 * per field, the field id, then document ids as gaps in base 36, a count
 * only when it is above 1 (`2:h,1*3`). The same index, about a quarter
 * smaller after gzip; `unpackIndex` turns it back into what `loadJS` takes.
 * Terms come sorted, so neighbours share a prefix (`넘겨 넘겨준 넘기`): each
 * is written as the length of the prefix it shares with the one before, as a
 * capital letter (`A` = 1 … `Z` = 26; terms are lower-cased, so none holds
 * one), then the rest (`넘겨 B준 A기`). About 4 KB less gzip than whole terms
 * in the index's own order, for the five notes.
 */
export interface PackedIndex {
  documentCount: number;
  nextId: number;
  /** MiniSearch's short id → our document key; `null` when they are the same (always, for our build). */
  documentIds: Record<string, number> | null;
  fieldIds: Record<string, number>;
  /** Per document, the length of each field, in field id order, flattened. */
  fieldLength: number[];
  averageFieldLength: number[];
  /** Terms, space-separated and front-coded (see above), in the order of `postings`. */
  terms: string;
  /** Per term, `;`-separated fields: `<field id>:<gap>[*<count>],…`, terms separated by `|`. */
  postings: string;
  serializationVersion: number;
}

/** `A` stands for one shared character, `Z` for 26. */
const SHARED_BASE = 'A'.charCodeAt(0) - 1;
const MAX_SHARED = 26;

/** Packs `MiniSearch#toJSON()` output (no stored fields, no removed documents). */
export function packIndex(plain: AsPlainObject): PackedIndex {
  if ((plain.dirtCount ?? 0) > 0 || Object.keys(plain.storedFields).length > 0) {
    throw new Error('packIndex: expected an index without stored fields or removed documents');
  }
  const fieldCount = Object.keys(plain.fieldIds).length;
  const shortIds = Object.keys(plain.documentIds)
    .map(Number)
    .sort((a, b) => a - b);
  const identity = shortIds.every((id, position) => id === position && plain.documentIds[id] === id);
  const fieldLength: number[] = [];
  for (const id of shortIds) {
    const lengths = plain.fieldLength[id] ?? [];
    for (let field = 0; field < fieldCount; field++) fieldLength.push(lengths[field] ?? 0);
  }

  const terms: string[] = [];
  const postings: string[] = [];
  let previous: string[] = [];
  // In code-unit order, neighbours share the longest prefixes (MiniSearch takes the terms in any order).
  const entries = [...plain.index].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  for (const [term, fields] of entries) {
    if (/\s/u.test(term)) throw new Error(`packIndex: term with a space: ${JSON.stringify(term)}`);
    if (/[A-Z]/u.test(term)) throw new Error(`packIndex: term with a capital letter: ${JSON.stringify(term)}`);
    const characters = [...term];
    let shared = 0;
    while (shared < MAX_SHARED && shared < characters.length - 1 && characters[shared] === previous[shared]) shared++;
    terms.push((shared > 0 ? String.fromCharCode(SHARED_BASE + shared) : '') + characters.slice(shared).join(''));
    previous = characters;
    postings.push(
      Object.entries(fields)
        .map(([field, documents]) => {
          let previous = 0;
          const entries = Object.entries(documents)
            .map(([id, count]) => [Number(id), count] as const)
            .sort((a, b) => a[0] - b[0])
            .map(([id, count]) => {
              const gap = (id - previous).toString(36);
              previous = id;
              return count > 1 ? `${gap}*${count}` : gap;
            });
          return `${field}:${entries.join(',')}`;
        })
        .join(';'),
    );
  }

  return {
    documentCount: plain.documentCount,
    nextId: plain.nextId,
    documentIds: identity ? null : Object.fromEntries(shortIds.map((id) => [id, plain.documentIds[id] as number])),
    fieldIds: plain.fieldIds,
    fieldLength,
    averageFieldLength: plain.averageFieldLength,
    terms: terms.join(' '),
    postings: postings.join('|'),
    serializationVersion: plain.serializationVersion,
  };
}

/** The terms of a packed index, in its order. */
export function packedTerms(packed: PackedIndex): string[] {
  if (packed.terms === '') return [];
  let previous: string[] = [];
  return packed.terms.split(' ').map((entry) => {
    const code = entry.charCodeAt(0) - SHARED_BASE;
    const shared = code >= 1 && code <= MAX_SHARED ? code : 0;
    const characters = [...previous.slice(0, shared), ...(shared > 0 ? entry.slice(1) : entry)];
    previous = characters;
    return characters.join('');
  });
}

/** What `MiniSearch.loadJS` takes, from a packed index. */
export function unpackIndex(packed: PackedIndex): AsPlainObject {
  const fieldCount = Object.keys(packed.fieldIds).length;
  const documentIds: Record<string, number> = {};
  const fieldLength: Record<string, number[]> = {};
  const count = packed.fieldLength.length / Math.max(fieldCount, 1);
  const ids = packed.documentIds;
  for (let position = 0; position < count; position++) {
    const shortId = ids ? Number(Object.keys(ids)[position]) : position;
    documentIds[shortId] = ids ? (ids[shortId] as number) : position;
    fieldLength[shortId] = packed.fieldLength.slice(position * fieldCount, (position + 1) * fieldCount);
  }

  const terms = packedTerms(packed);
  const postings = packed.postings === '' ? [] : packed.postings.split('|');
  const index: AsPlainObject['index'] = terms.map((term, position) => {
    const fields: Record<string, Record<string, number>> = {};
    for (const field of (postings[position] ?? '').split(';')) {
      const colon = field.indexOf(':');
      const documents: Record<string, number> = {};
      let id = 0;
      for (const entry of field.slice(colon + 1).split(',')) {
        const star = entry.indexOf('*');
        id += Number.parseInt(star === -1 ? entry : entry.slice(0, star), 36);
        documents[id] = star === -1 ? 1 : Number(entry.slice(star + 1));
      }
      fields[field.slice(0, colon)] = documents;
    }
    return [term, fields];
  });

  return {
    documentCount: packed.documentCount,
    nextId: packed.nextId,
    documentIds,
    fieldIds: packed.fieldIds,
    fieldLength,
    averageFieldLength: packed.averageFieldLength,
    storedFields: {},
    dirtCount: 0,
    index,
    serializationVersion: packed.serializationVersion,
  };
}
