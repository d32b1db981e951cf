/**
 * Hyphen-like characters written between the words of a compound (ASCII, U+2010–U+2013), and
 * the soft hyphen U+00AD, which word processors and CMSs leave inside words and phrases
 * (`child\u00ADpornography`, `porn\u00ADography`): invisible when rendered, so it joins like a hyphen.
 */
export const hyphens: ReadonlySet<string> = new Set([
  '-',
  '\u00AD',
  '\u2010',
  '\u2011',
  '\u2012',
  '\u2013',
]);

/** Straight and curly apostrophes. */
export const apostrophes: ReadonlySet<string> = new Set(["'", '\u2019', '\u02BC']);

/** Letters and digits of one word (what parse-english puts in a `TextNode`). */
const wordCharacter = /[\p{L}\p{M}\p{N}]/u;

/** Whether `character` can be part of a word. */
export function isWordCharacter(character: string): boolean {
  return wordCharacter.test(character);
}

/** Fold a word for case-insensitive comparison. */
export function fold(word: string): string {
  return word.toLowerCase();
}

/**
 * Split a phrase into parts: words, with how each is joined to the one before
 * (`flex`: space or hyphen; `apostrophe`: a possessive `'s`).
 */
export interface Part {
  readonly word: string;
  readonly via: 'flex' | 'apostrophe';
}

/** Tokenise a lemma or a phrase the way text is tokenised: word runs, hyphens/spaces, apostrophes. */
export function toParts(phrase: string): Part[] {
  const parts: Part[] = [];
  let current = '';
  let via: Part['via'] = 'flex';
  let pending: Part['via'] = 'flex';
  for (const character of phrase) {
    if (isWordCharacter(character)) {
      if (current === '') via = pending;
      current += character;
      continue;
    }
    if (current !== '') {
      parts.push({ word: current, via });
      current = '';
    }
    pending = apostrophes.has(character) ? 'apostrophe' : 'flex';
  }
  if (current !== '') parts.push({ word: current, via });
  return parts;
}

/** The words of a phrase, folded, ignoring all punctuation (used for titles and allow phrases). */
export function toWords(phrase: string): string[] {
  return toParts(phrase).map((part) => fold(part.word));
}

/**
 * Regular plural of an English-style word; irregular plurals come from the language pack.
 * Kept general (s/x/z/ch/sh → -es, consonant + y → -ies, else -s): a wrong plural of a rare
 * word only ever fails to match, it never matches something else.
 */
export function pluralOf(word: string, irregular: Readonly<Record<string, string>>): string {
  const lower = fold(word);
  const known = irregular[lower];
  if (known !== undefined) return matchCaseOfWord(known, word);
  let plural: string;
  if (/(?:s|x|z|ch|sh)$/u.test(lower)) plural = `${word}es`;
  else if (/[^aeiou]y$/u.test(lower)) plural = `${word.slice(0, -1)}ies`;
  else plural = `${word}s`;
  return isAllCaps(word) ? plural.toUpperCase() : plural;
}

function matchCaseOfWord(target: string, model: string): string {
  if (isAllCaps(model)) return target.toUpperCase();
  if (startsUpper(model)) return upperFirst(target);
  return target;
}

/** Case shapes a suggestion can be adapted to. */
export type CaseShape = 'lower' | 'sentence' | 'title' | 'upper';

function hasLetters(value: string): boolean {
  return /\p{L}/u.test(value);
}

/** Whether every cased letter of `value` is upper case (and there are at least two letters). */
export function isAllCaps(value: string): boolean {
  const letters = value.replace(/[^\p{L}]/gu, '');
  return (
    letters.length > 1 && letters === letters.toUpperCase() && letters !== letters.toLowerCase()
  );
}

/** Whether the first letter of `value` is upper case. */
export function startsUpper(value: string): boolean {
  const first = /\p{L}/u.exec(value)?.[0];
  return first !== undefined && first !== first.toLowerCase();
}

/** Upper-case the first letter of `value`. */
export function upperFirst(value: string): string {
  const match = /\p{L}/u.exec(value);
  if (!match) return value;
  return (
    value.slice(0, match.index) +
    match[0].toUpperCase() +
    value.slice(match.index + match[0].length)
  );
}

/** The case shape of text as written. */
export function caseShapeOf(words: readonly string[]): CaseShape {
  const lettered = words.filter(hasLetters);
  if (lettered.length === 0) return 'lower';
  if (isAllCaps(lettered.join(''))) return 'upper';
  if (!startsUpper(lettered[0] ?? '')) return 'lower';
  if (lettered.length > 1 && lettered.every(startsUpper)) return 'title';
  return 'sentence';
}

/**
 * Give `suggestion` the case shape `shape`. Lower keeps the suggestion as written (so acronyms
 * such as CSAM stay upper case); `minorWords` stay lower case inside Title Case.
 */
export function applyCaseShape(
  suggestion: string,
  shape: CaseShape,
  minorWords: ReadonlySet<string>,
): string {
  switch (shape) {
    case 'lower':
      return suggestion;
    case 'upper':
      return suggestion.toUpperCase();
    case 'sentence':
      return upperFirst(suggestion);
    case 'title': {
      let first = true;
      return suggestion.replace(/[\p{L}\p{M}\p{N}]+/gu, (word) => {
        const keepLower = !first && minorWords.has(fold(word));
        first = false;
        return keepLower ? word : upperFirst(word);
      });
    }
  }
}

/** Collapse runs of white space to one space (for message text). */
export function collapseWhiteSpace(value: string): string {
  return value.replace(/\s+/gu, ' ');
}
