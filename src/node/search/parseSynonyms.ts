import type { Point } from 'unist';
import { VFile } from 'vfile';
import type { VFileMessage } from 'vfile-message';
import { isNode, LineCounter, parseDocument, type Document } from 'yaml';
import { z } from 'zod';
import { synonymTerms } from '../../shared/search/synonymTerms.ts';
import { reportFatal } from '../pipeline/reportFatal.ts';

/** At most this many words in one phrase entry (`리버스 프록시` is two). */
const MAX_PHRASE_TERMS = 4;

/**
 * The synonyms file: a YAML list of groups, each a list of words that should
 * find each other. Validated here at the edge, then trusted.
 *
 * ```yaml
 * - [핸드셰이크, 핸드쉐이크, handshake]
 * - [공개 키, 공개키, public key]
 * ```
 */
export const synonymsSchema = z.array(
  z
    .array(
      z
        .string({ error: 'expected a word or a short phrase' })
        .trim()
        .min(1, 'expected a word, not an empty entry')
        .max(60, 'expected at most 60 characters'),
      { error: 'expected a group written as a list, e.g. `[핸드셰이크, 핸드쉐이크]`' },
    )
    .min(2, 'expected at least two words in a group (the words that should find each other)'),
  { error: 'expected a list of groups, one per line: `- [핸드셰이크, 핸드쉐이크]`' },
);

export interface SynonymsResult {
  /** Groups as written (trimmed); empty when any message is fatal. */
  groups: string[][];
  /** Warnings and errors with `path:line:col`, like note messages. */
  messages: VFileMessage[];
}

/**
 * Reads `content/search-synonyms.yaml`. Pure (the plugin does the I/O): an
 * empty file or one with only comments is an empty list. Reports every
 * problem with its place: YAML syntax, shape, an entry with no letters, and a
 * word listed in two groups (it would make them one group silently).
 */
export function parseSynonyms(path: string, text: string): SynonymsResult {
  const file = new VFile({ path, value: text });
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, { lineCounter, prettyErrors: false });
  const toPoint = (offset: number): Point => {
    const { line, col } = lineCounter.linePos(offset);
    return { line, column: col };
  };
  const placeOf = (path: PropertyKey[]) => place(doc, path, toPoint);

  if (doc.errors.length > 0) {
    for (const error of doc.errors) {
      const [start, end] = error.pos;
      reportFatal(
        file,
        `Invalid YAML in synonyms: ${error.message.split('\n')[0]}`,
        { start: toPoint(start), end: toPoint(end) },
        'synonyms-yaml',
      );
    }
    return { groups: [], messages: [...file.messages] };
  }

  const parsed = synonymsSchema.safeParse(doc.toJS() ?? []);
  if (!parsed.success) {
    const reported = new Set<string>();
    for (const issue of parsed.error.issues) {
      // One message per place: zod 4 also reports `min(2)` for a value that is not a list at all.
      const key = issue.path.join('.');
      if (reported.has(key)) continue;
      reported.add(key);
      const where = issue.path.length > 0 ? ` (group ${Number(issue.path[0]) + 1})` : '';
      reportFatal(file, `Invalid synonyms${where}: ${issue.message}`, placeOf(issue.path), 'synonyms-schema');
    }
    return { groups: [], messages: [...file.messages] };
  }

  const firstSeen = new Map<string, { group: number; entry: number }>();
  parsed.data.forEach((group, g) => {
    group.forEach((entry, e) => {
      const terms = synonymTerms(entry);
      const key = terms.join(' ');
      if (terms.length === 0) {
        reportFatal(
          file,
          `Synonym \`${entry}\` has no letters or digits: expected a word that a reader would type`,
          placeOf([g, e]),
          'synonyms-entry',
        );
        return;
      }
      if (terms.length > MAX_PHRASE_TERMS) {
        reportFatal(
          file,
          `Synonym \`${entry}\` has ${terms.length} words: expected a word or a phrase of at most ${MAX_PHRASE_TERMS}`,
          placeOf([g, e]),
          'synonyms-entry',
        );
        return;
      }
      const earlier = firstSeen.get(key);
      if (!earlier) {
        firstSeen.set(key, { group: g, entry: e });
      } else if (earlier.group === g) {
        const same = group[earlier.entry] ?? '';
        file.message(
          `Synonym \`${entry}\` is the same search word as \`${same}\` in this group (case and letter width do not matter): remove one`,
          { place: placeOf([g, e]), ruleId: 'synonyms-duplicate', source: 'study-notes' },
        );
      } else {
        const at = placeOf([earlier.group, earlier.entry]);
        const line = at && 'start' in at ? at.start.line : earlier.group + 1;
        reportFatal(
          file,
          `Synonym \`${entry}\` is already in the group on line ${line}: expected each word in one group only (merge the two groups)`,
          placeOf([g, e]),
          'synonyms-duplicate',
        );
      }
    });
  });

  const failed = file.messages.some((message) => message.fatal);
  return { groups: failed ? [] : parsed.data, messages: [...file.messages] };
}

/** The source range of the YAML node at `path` (or its nearest parent). */
function place(doc: Document, path: PropertyKey[], toPoint: (offset: number) => Point) {
  for (let length = path.length; length >= 0; length--) {
    const node = length === 0 ? doc.contents : doc.getIn(path.slice(0, length), true);
    if (isNode(node) && node.range) {
      // The whole file is wrong: point at where it starts rather than at every line.
      if (length === 0) return toPoint(node.range[0]);
      return { start: toPoint(node.range[0]), end: toPoint(node.range[1]) };
    }
  }
  return { line: 1, column: 1 };
}
