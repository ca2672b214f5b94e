/**
 * Finds glossary terms in running Korean/English text, the way a reader
 * would recognise them:
 *
 * - Korean is written in 어절 (space-separated words) made of a stem and
 *   particles, so a Korean term counts when it starts a word and is followed
 *   by nothing, by particles (`조인을`, `트리거는`, `정규화에서는`, `가상 호스트로`)
 *   or by 하다/되다 (`정규화하면`, `정규화된`). It does not count inside a
 *   longer word (`비정규화`, `조인트`), where it means something else.
 * - A Latin term (an acronym, `default_server`) counts when it is a whole
 *   token: `MAC` not inside `HMAC`, `SNI` not inside `ssl_sni_cert`, `TLS` not
 *   inside `TLS-PSK` or `tls.example.com`. Korean particles may follow it
 *   directly (`SNI를`, `AEAD는`).
 * - Matching is case-sensitive (`MAC` is not `mac`): other spellings are
 *   listed by the author in `also`.
 * - A space between two Hangul syllables in a term may be left out in the
 *   text (`가상 호스트` finds `가상호스트`), since Korean writes compounds both
 *   ways; any other space matches any run of white space (a soft line break).
 */

export interface TermForms {
  id: string;
  /** The headword and its other spellings. */
  forms: readonly string[];
}

export interface TermMatch {
  id: string;
  start: number;
  end: number;
}

const HANGUL = /[\uAC00-\uD7A3\u1100-\u11FF\u3131-\u318E]/;
const LATIN_WORD = /[A-Za-z0-9_]/;
/** Joiners that make one token of two Latin words (`HMAC-SHA256`, `example.com`). */
const TOKEN_JOINERS = new Set(['-', '.']);

/**
 * Particles and copula endings that may follow a noun inside one 어절. A word
 * counts as the term when what follows the term is a chain of these
 * (`에서` + `는`, `와` + `의`, `만` + `을`).
 */
// prettier-ignore
const PARTICLES = [
  // case particles
  '은', '는', '이', '가', '을', '를', '의', '에', '에서', '에게', '께', '께서', '한테', '로', '으로',
  '로서', '으로서', '로써', '으로써', '로부터', '으로부터', '부터', '까지', '와', '과', '랑', '이랑', '하고',
  // auxiliary particles
  '도', '만', '보다', '처럼', '같이', '마다', '뿐', '밖에', '조차', '나', '이나', '든', '이든', '든지', '이든지',
  '라도', '이라도', '만큼', '대로', '씩',
  // the copula 이다 and its forms (이 drops after a vowel: 트리거다, 트리거라는)
  '이다', '다', '이고', '고', '이며', '며', '이지만', '지만', '인', '입니다', '이라', '라', '이라는', '라는',
  '이란', '란', '이라고', '라고', '이므로', '므로', '이면', '면', '일', '임', '인데', '이어서', '여서', '이었다',
  '였다', '이에요', '예요', '이야', '야', '이죠', '죠', '이지', '지', '입니까', '이니', '니',
];
const PARTICLE_SET = new Set(PARTICLES);
const LONGEST_PARTICLE = Math.max(...PARTICLES.map((particle) => particle.length));

/** Syllables that begin 하다/되다/시키다 after a noun (`정규화하면`, `정규화된`, `암호화됩니다`). */
const VERB_STARTS = /^(?:하|한|할|함|합|해|했|되|된|될|됨|됩|돼|됐|시키|시킨|시킬|시켜)/;

/** True when `rest` (the Hangul right after a Korean term, in the same word) leaves the term a word of its own. */
export function isParticleTail(rest: string): boolean {
  if (rest === '' || VERB_STARTS.test(rest)) return true;
  // Split into particles; at most three in a chain (`에서` + `만` + `은`).
  const split = (from: number, depth: number): boolean => {
    if (from === rest.length) return true;
    if (depth === 3) return false;
    for (let length = Math.min(LONGEST_PARTICLE, rest.length - from); length > 0; length--) {
      if (PARTICLE_SET.has(rest.slice(from, from + length)) && split(from + length, depth + 1)) return true;
    }
    return false;
  };
  return split(0, 0);
}

const escapeRegExp = (text: string): string => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** A form as a pattern: spaces between Hangul may be left out, other spaces match any white space. */
function formPattern(form: string): string {
  const parts = form.trim().split(/\s+/);
  let pattern = escapeRegExp(parts[0] ?? '');
  for (let index = 1; index < parts.length; index++) {
    const before = parts[index - 1]?.at(-1) ?? '';
    const after = parts[index]?.[0] ?? '';
    pattern += HANGUL.test(before) && HANGUL.test(after) ? '\\s*' : '\\s+';
    pattern += escapeRegExp(parts[index] ?? '');
  }
  return pattern;
}

function startsWord(text: string, start: number, first: string): boolean {
  const before = text[start - 1] ?? '';
  if (LATIN_WORD.test(first)) {
    if (LATIN_WORD.test(before)) return false;
    return !(TOKEN_JOINERS.has(before) && LATIN_WORD.test(text[start - 2] ?? ''));
  }
  if (HANGUL.test(first)) return !HANGUL.test(before) && !LATIN_WORD.test(before);
  return true;
}

function endsWord(text: string, end: number, last: string): boolean {
  const after = text[end] ?? '';
  if (LATIN_WORD.test(last)) {
    if (LATIN_WORD.test(after)) return false;
    return !(TOKEN_JOINERS.has(after) && LATIN_WORD.test(text[end + 1] ?? ''));
  }
  if (HANGUL.test(last)) {
    let stop = end;
    while (stop < text.length && HANGUL.test(text[stop] ?? '')) stop++;
    return isParticleTail(text.slice(end, stop));
  }
  return true;
}

export interface TermMatcher {
  /**
   * Every use of a term in `text`, left to right, never overlapping; where
   * two terms start at the same place the longer wins (`자명한 종속` over
   * `종속`). `wanted` filters by term id before overlaps are settled.
   */
  matchAll(text: string, wanted?: (id: string) => boolean): TermMatch[];
}

/** Builds a matcher for a set of terms (compile once per build, use for every note). */
export function createTermMatcher(terms: readonly TermForms[]): TermMatcher {
  const patterns = terms.flatMap((term) =>
    term.forms
      .filter((form) => form.trim() !== '')
      .map((form) => ({
        id: term.id,
        pattern: new RegExp(formPattern(form), 'gu'),
        // A plain substring every match contains: most forms are absent from a given paragraph,
        // and `includes` rules them out far faster than the pattern.
        probe: form.trim().split(/\s+/)[0] ?? '',
        first: form.trim()[0] ?? '',
        last: form.trim().at(-1) ?? '',
      })),
  );

  return {
    matchAll(text, wanted = () => true) {
      const candidates: TermMatch[] = [];
      for (const { id, pattern, probe, first, last } of patterns) {
        if (!text.includes(probe) || !wanted(id)) continue;
        pattern.lastIndex = 0;
        for (let found = pattern.exec(text); found; found = pattern.exec(text)) {
          const start = found.index;
          const end = start + found[0].length;
          if (startsWord(text, start, first) && endsWord(text, end, last)) candidates.push({ id, start, end });
          pattern.lastIndex = start + 1;
        }
      }
      candidates.sort((a, b) => a.start - b.start || b.end - a.end);
      const chosen: TermMatch[] = [];
      let reached = 0;
      for (const candidate of candidates) {
        if (candidate.start < reached) continue;
        chosen.push(candidate);
        reached = candidate.end;
      }
      return chosen;
    },
  };
}
