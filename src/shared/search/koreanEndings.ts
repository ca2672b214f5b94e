/**
 * Korean particles (조사) and the commonest endings that attach to nouns, so
 * that "정규화를", "정규화는" and "정규화하면" all index the stem "정규화".
 *
 * Deliberately a short list, not a morphological analyser: search only needs
 * the stem of nouns (the terms learners look up), and a wrong cut costs little
 * because queries are cut the same way and matched as prefixes
 * (`게이트웨이` → `게이트웨` on both sides still finds it).
 */
const ENDINGS = [
  // Particles.
  ...['에서는', '에서도', '에서의', '에서만', '으로는', '으로도', '으로서', '으로써', '으로의', '으로만'],
  ...['까지는', '까지도', '까지의', '부터는', '부터의', '에게는', '에게서', '이라는', '이라고', '이라면'],
  ...['이라도', '만으로', '보다는', '처럼은', '와는', '과는', '에는', '에도', '에만', '와의', '과의'],
  ...['로의', '로는', '로도', '로만', '로서', '로써', '만의', '만을', '만이', '만큼', '마다', '조차'],
  ...['밖에', '에서', '으로', '에게', '한테', '까지', '부터', '처럼', '보다', '이나', '이란', '이며'],
  ...['이고', '라는', '라고', '이든', '이자', '이야'],
  ...['은', '는', '이', '가', '을', '를', '에', '의', '와', '과', '로', '도', '만', '란', '나'],
  // The copula and 하다/되다 endings that turn a noun into a predicate.
  ...['이었다', '입니다', '이에요', '이다', '였다', '예요', '인가', '인지', '이지'],
  ...['하려면', '하도록', '합니다', '됩니다', '시킨다', '시키는', '시키면', '했던', '하던', '하다'],
  ...['한다', '하는', '하고', '하지', '하면', '하여', '해서', '해야', '했다', '하기', '하게', '하며'],
  ...['된다', '되는', '되고', '되지', '되면', '되어', '돼서', '됐다', '시켜', '시킨', '한', '할', '함'],
  ...['된', '될', '됨'],
];

const ENDING_SET = new Set(ENDINGS);
const LONGEST = Math.max(...ENDINGS.map((ending) => ending.length));

/** The plural suffix, which comes between a noun and its particle (`서버들이`). */
const PLURAL = '들';

const HANGUL_SYLLABLES = /^[\uAC00-\uD7A3]+$/;

/** True for a word made only of Hangul syllables (no jamo, Latin or digits). */
export function isHangulWord(word: string): boolean {
  return HANGUL_SYLLABLES.test(word);
}

/**
 * The stem of a Korean word: `정규화를` → `정규화`, `소켓으로` → `소켓`,
 * `정규화하면` → `정규화`, `서버들이` → `서버`. A one-syllable ending is cut only when two
 * syllables remain (`나이` stays `나이`), a longer one when one remains
 * (`키에서` → `키`). Words that are not all Hangul come back unchanged.
 */
export function koreanStem(word: string): string {
  if (!isHangulWord(word)) return word;
  let stem = word;
  // Longest ending first: `에서는` before `는`.
  for (let length = LONGEST; length >= 1; length--) {
    const ending = word.slice(-length);
    if (word.length > length && ENDING_SET.has(ending) && cuttable(word, ending)) {
      stem = word.slice(0, -length);
      break;
    }
  }
  return stem.endsWith(PLURAL) && cuttable(stem, PLURAL) ? stem.slice(0, -PLURAL.length) : stem;
}

/** True when `word` is nothing but a particle or ending (`가`, `에서`, `으로는`). */
export function isEnding(word: string): boolean {
  return ENDING_SET.has(word);
}

function cuttable(word: string, ending: string): boolean {
  const left = word.length - ending.length;
  return ending.length === 1 ? left >= 2 : left >= 1;
}
