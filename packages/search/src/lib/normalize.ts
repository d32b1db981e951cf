/**
 * Text normalisation shared by the index and the query side.
 *
 * Two levels:
 * - `foldText` keeps words apart and is what fuse.js sees: lower case, no diacritics,
 *   British spellings folded to American ones (paedophile → pedophile, sexualised → sexualized),
 *   punctuation turned into spaces.
 * - `phraseKey` is the key of the exact-match table: `foldText`, plus plurals and possessives
 *   reduced to the singular, articles dropped, and every space and hyphen removed, so that
 *   "child-sex workers", "child sex worker" and "childsex worker" share one key.
 *
 * The spelling rules are deliberately symmetric (applied to the data and to the query alike), so
 * an over-eager rule can at worst merge two spellings, never lose a match.
 */

/** Words dropped from exact-match keys ("sex with a minor" = "sex with minors"). */
export const droppedWords: ReadonlySet<string> = new Set(['a', 'an', 'the']);

/** Irregular plurals, plural → singular. */
const irregularSingulars: Readonly<Record<string, string>> = {
  children: 'child',
  women: 'woman',
  men: 'man',
  people: 'person',
  wives: 'wife',
  lives: 'life',
};

/** Whole-word British → American spellings the suffix rules below do not cover. */
const wordSpellings: Readonly<Record<string, string>> = {
  offence: 'offense',
  offences: 'offenses',
  defence: 'defense',
  licence: 'license',
  pretence: 'pretense',
  programme: 'program',
  programmes: 'programs',
  centre: 'center',
  centres: 'centers',
  judgement: 'judgment',
};

/** Queries are cut to this many UTF-16 units before any work: nobody types more to look a term up. */
export const maxQueryLength = 256;

const combiningMarks = /\p{M}+/gu;
const apostrophes = /['’ʼ‘`´]/gu;
const nonWord = /[^\p{L}\p{N}]+/gu;
const printableAscii = /^[\x20-\x7e]*$/u;
const asciiApostrophes = /['`]/gu;
const asciiNonWord = /[^a-z0-9]+/u;
const loneSurrogate = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/gu;

/** American spelling of one lower-case, diacritic-free word. */
export function foldSpelling(word: string): string {
  const known = spellingMemo.get(word);
  if (known !== undefined) return known;
  const folded = foldSpellingUncached(word);
  if (spellingMemo.size >= maxMemo) spellingMemo.clear();
  spellingMemo.set(word, folded);
  return folded;
}

/** Words repeat endlessly (data and queries share a small vocabulary), and the rules are pure. */
const spellingMemo = new Map<string, string>();
const maxMemo = 20_000;

function foldSpellingUncached(word: string): string {
  const whole = wordSpellings[word];
  if (whole !== undefined) return whole;
  let folded = word;
  // paedophile, paedo, anaemia → pedophile, pedo, anemia
  if (folded.includes('ae')) folded = folded.replaceAll('ae', 'e');
  // sexualise(d|s), sexualising, sexualisation, organiser → -ize-
  folded = folded.replace(/^(\p{L}{3,})is(e|ed|es|er|ers|ing|ation|ations)$/u, '$1iz$2');
  // analyse(d) → analyze(d)
  folded = folded.replace(/^(\p{L}{2,})ys(e|ed|es|ing)$/u, '$1yz$2');
  // behaviour(s), colour → behavior(s), color
  folded = folded.replace(/^(\p{L}{3,})our(s?)$/u, '$1or$2');
  // travelling, traveller(s), labelled → traveling, traveler(s), labeled
  folded = folded.replace(/^(\p{L}{3,}[aeiou][^aeiou])l(ing|ed|er|ers)$/u, '$1$2');
  // kiddie → kiddy (kiddie porn / kiddy porn)
  folded = folded.replace(/^(\p{L}{2,}?)(\p{L})\2ie$/u, '$1$2$2y');
  return folded;
}

/** Singular of one folded word (a light stemmer: plural and possessive endings only). */
export function singular(word: string): string {
  const irregular = irregularSingulars[word];
  if (irregular !== undefined) return irregular;
  if (word.length > 4 && word.endsWith('ies')) return `${word.slice(0, -3)}y`;
  if (word.length > 4 && /(?:ss|ch|sh|x)es$/u.test(word)) return word.slice(0, -2);
  if (word.length > 3 && word.endsWith('s') && !/(?:ss|us|is)$/u.test(word)) {
    return word.slice(0, -1);
  }
  return word;
}

/**
 * Lower case, diacritics and punctuation removed, British spellings folded; words separated by
 * single spaces. Never throws, whatever the input (lone surrogates are dropped).
 */
export function foldText(input: string): string {
  const text = input.slice(0, maxQueryLength * 64);
  // Nearly every query is printable ASCII: Unicode normalisation and the Unicode-aware patterns
  // below are the identity there, so the same result comes from three ASCII steps.
  if (printableAscii.test(text)) {
    const words = text.toLowerCase().replace(asciiApostrophes, '').split(asciiNonWord);
    let folded = '';
    for (const word of words) {
      if (word.length === 0) continue;
      folded += folded.length === 0 ? foldSpelling(word) : ` ${foldSpelling(word)}`;
    }
    return folded;
  }
  return foldUnicode(text);
}

/** `foldText` for any text. */
export function foldUnicode(text: string): string {
  const cleaned = text
    .slice(0, maxQueryLength * 64)
    .replace(loneSurrogate, ' ')
    // Lower case before the marks go: some capitals lower-case into a letter and a mark (İ).
    .toLowerCase()
    .normalize('NFKD')
    .replace(combiningMarks, '')
    .replace(apostrophes, '');
  const words = cleaned.split(nonWord).filter((word) => word.length > 0);
  return words.map(foldSpelling).join(' ');
}

/** The words of an exact-match key: folded, singular, articles dropped. */
export function keyWords(text: string): string[] {
  const folded = foldText(text);
  if (folded.length === 0) return [];
  return folded
    .split(' ')
    .filter((word) => !droppedWords.has(word))
    .map((word) => foldSpelling(singular(word)));
}

/**
 * `keyWords` of a text that is already `foldText` output (the query side folds once): the same
 * words, without normalising and splitting the text a second time.
 */
export function keyWordsOfFolded(folded: string): string[] {
  const words: string[] = [];
  if (folded.length === 0) return words;
  for (const word of folded.split(' ')) {
    if (word.length === 0) continue;
    // foldText would run the spelling rules again; they are memoised, so this costs a Map look-up.
    const again = foldSpelling(word);
    if (droppedWords.has(again)) continue;
    words.push(foldSpelling(singular(again)));
  }
  return words;
}

/** The exact-match key of a phrase: `keyWords` joined without spaces. */
export function phraseKey(text: string): string {
  return keyWords(text).join('');
}

/**
 * Words that carry no meaning for a lookup ("what is", "with", "of"). They are skipped by the
 * word-overlap pass, never by the exact-phrase table.
 */
export const stopWords: ReadonlySet<string> = new Set(
  (
    'a an the of to in on at by for with from into about as and or but nor not no is are was ' +
    'were be been being am do does did has have had it its this that these those there their ' +
    'what which who whom whose when where why how than then so such can could should would may ' +
    'might must shall will i me my we our you your he him his she her they them us mean meaning ' +
    'definition define term word word phrase say said use used using call called vs versus'
  ).split(' '),
);
