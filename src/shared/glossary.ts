import type { FlashcardQuestion } from './quiz.ts';

/**
 * The site's glossary: terms defined in the `terms:` front matter of the
 * note that teaches each, compiled at build time. The app only reads it.
 */

/** A term as a note's data carries it (the note that defines it). */
export interface NoteTerm {
  /** Stable id: the glossary anchor (`/glossary/#조인`) and the flashcard's id (`term:조인`). */
  id: string;
  /** The headword as readers see it. */
  term: string;
  /** Other spellings that are the same term (`JOIN`). */
  also: string[];
  /** One or two sentences; `html` may hold code spans, emphasis and strong. */
  definition: { text: string; html: string };
}

/** A glossary entry: a term, the note that defines it and the notes that link it. */
export interface GlossaryEntry extends NoteTerm {
  /** Slug of the note whose front matter defines the term. */
  definedIn: string;
  /** Slugs of the notes whose prose links the term, in reading order. */
  usedIn: string[];
}

/** Flashcards of terms live in their own id space, apart from question ids (which never hold a colon). */
export const TERM_CARD_PREFIX = 'term:';

export const termCardId = (termId: string): string => `${TERM_CARD_PREFIX}${termId}`;

export const isTermCardId = (id: string): boolean => id.startsWith(TERM_CARD_PREFIX);

/**
 * Question ids with term card ids spread evenly among them, so new term
 * cards come a few at a time with new questions under the daily limit of new
 * items (the queue takes new ones in this order) instead of waiting until
 * every question has been started.
 */
export function withTermCards(questionIds: readonly string[], termIds: readonly string[]): string[] {
  if (termIds.length === 0) return [...questionIds];
  const result: string[] = [];
  const every = (questionIds.length + termIds.length) / termIds.length;
  let question = 0;
  for (let term = 0; term < termIds.length; term++) {
    const until = Math.round((term + 1) * every) - (term + 1);
    while (question < Math.min(until, questionIds.length)) result.push(questionIds[question++] as string);
    result.push(termIds[term] as string);
  }
  while (question < questionIds.length) result.push(questionIds[question++] as string);
  return result;
}

/** The id of a term's entry on the glossary page (the fragment of its links). */
export const termAnchorId = (termId: string): string => termId;

/**
 * A term as a flashcard of the review queue: the headword (and its other
 * spellings) in front, the definition on the back.
 */
export function termFlashcard(entry: GlossaryEntry): FlashcardQuestion {
  const also =
    entry.also.length > 0 ? ` <span class="term-card-also">(${entry.also.map(escapeHtml).join(', ')})</span>` : '';
  return {
    id: termCardId(entry.id),
    type: 'flashcard',
    noteSlug: entry.definedIn,
    section: null,
    prompt: `<p class="term-card-front"><span class="term-card-kind">용어</span> <strong>${escapeHtml(entry.term)}</strong>${also}</p><p>이 용어의 뜻은?</p>`,
    back: `<p>${entry.definition.html}</p>`,
    explanation: '',
  };
}

function escapeHtml(value: string): string {
  return value.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

/** A group of the glossary page: one initial consonant (ㄱ, ㄴ, …) or one Latin letter. */
export interface GlossaryGroup {
  /** What the group's heading shows (`ㄱ`, `A`). */
  label: string;
  /** The heading's id, for the index of groups at the top. */
  id: string;
  entries: GlossaryEntry[];
}

const CHOSEONG = [
  'ㄱ',
  'ㄲ',
  'ㄴ',
  'ㄷ',
  'ㄸ',
  'ㄹ',
  'ㅁ',
  'ㅂ',
  'ㅃ',
  'ㅅ',
  'ㅆ',
  'ㅇ',
  'ㅈ',
  'ㅉ',
  'ㅊ',
  'ㅋ',
  'ㅌ',
  'ㅍ',
  'ㅎ',
];
/** 가나다 indexes file ㄲ under ㄱ, ㄸ under ㄷ, and so on. */
const PLAIN: Record<string, string> = { ㄲ: 'ㄱ', ㄸ: 'ㄷ', ㅃ: 'ㅂ', ㅆ: 'ㅅ', ㅉ: 'ㅈ' };

/** What a term sorts by: its letters, without leading punctuation (`(EC)DHE` sorts as ECDHE). */
const sortKey = (term: string): string => term.replace(/[^\p{L}\p{N}]/gu, '');

/** The initial consonant of a Hangul syllable, or undefined for anything else. */
function choseongOf(char: string): string | undefined {
  const code = char.charCodeAt(0) - 0xac00;
  if (code < 0 || code > 11171) return undefined;
  const initial = CHOSEONG[Math.floor(code / 588)] ?? '';
  return PLAIN[initial] ?? initial;
}

/**
 * The glossary page's order: Korean terms first, in 가나다 order under their
 * initial consonant; then terms written in Latin letters (`AEAD`,
 * `default_server`) apart, A to Z under their first letter. Latin terms are
 * not filed by a Korean reading because an acronym has none that everyone
 * agrees on (`SNI` is read 에스엔아이 or 스니), and a reader looks it up by
 * its letters.
 */
export function groupGlossary(entries: readonly GlossaryEntry[]): GlossaryGroup[] {
  const korean = new Map<string, GlossaryEntry[]>();
  const latin = new Map<string, GlossaryEntry[]>();
  const collator = new Intl.Collator('ko', { sensitivity: 'base', numeric: true });
  const sorted = [...entries].sort((a, b) => collator.compare(sortKey(a.term), sortKey(b.term)));
  for (const entry of sorted) {
    const first = sortKey(entry.term)[0] ?? '';
    const initial = choseongOf(first);
    if (initial) korean.set(initial, [...(korean.get(initial) ?? []), entry]);
    else {
      const letter = /[a-z]/i.test(first) ? first.toUpperCase() : '#';
      latin.set(letter, [...(latin.get(letter) ?? []), entry]);
    }
  }
  const koreanGroups = CHOSEONG.filter((initial) => korean.has(initial)).map((initial) => ({
    label: initial,
    id: `group-${initial}`,
    entries: korean.get(initial) ?? [],
  }));
  const latinGroups = [...latin.keys()]
    .sort((a, b) => a.localeCompare(b, 'en'))
    .map((letter) => ({
      label: letter,
      id: `group-${letter === '#' ? 'other' : letter}`,
      entries: latin.get(letter) ?? [],
    }));
  return [...koreanGroups, ...latinGroups];
}
