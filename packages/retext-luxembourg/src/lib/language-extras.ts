/**
 * Language data the engine needs beyond `@luxlint/terms`' `LanguagePack` (age expressions,
 * articles, list joiners, title tail openers). Kept as data keyed by BCP 47 tag so the engine's
 * code paths hold no language; a pack that carries the same fields wins over these.
 */
export interface LanguageExtras {
  /**
   * How an age is written; `#` stands for an age (`# year old` matches `14-year-old`,
   * `fourteen year old`), `<#` for an upper bound (`under <#` matches `under 16`: a child when
   * the bound is at most the pack's `childAgeBelow`).
   */
  readonly ageExpressions: readonly string[];
  /** Numbers written as words, for ages (`fourteen` → 14). */
  readonly numberWords?: Readonly<Record<string, number>>;
  /** Indefinite articles: which one goes before a consonant sound and which before a vowel sound. */
  readonly indefiniteArticles?: { readonly beforeConsonant: string; readonly beforeVowel: string };
  /** Letters that start a word taking the `beforeVowel` article. */
  readonly vowelLetters?: string;
  /** Words that join items of a list (`and`, `or`). */
  readonly listJoiners: readonly string[];
  /** Lower-case words that open the subject of a title after its cue (`Rapporteur on …`, `Coalition against …`). */
  readonly titleTailOpeners: readonly string[];
}

export const languageExtras: Readonly<Record<string, LanguageExtras>> = {
  en: {
    ageExpressions: [
      '# year old',
      '# years old',
      '# yr old',
      '# yo',
      'aged #',
      'age #',
      'age of #',
      'under <#',
      'under the age of <#',
      'below the age of <#',
    ],
    numberWords: {
      one: 1,
      two: 2,
      three: 3,
      four: 4,
      five: 5,
      six: 6,
      seven: 7,
      eight: 8,
      nine: 9,
      ten: 10,
      eleven: 11,
      twelve: 12,
      thirteen: 13,
      fourteen: 14,
      fifteen: 15,
      sixteen: 16,
      seventeen: 17,
      eighteen: 18,
    },
    indefiniteArticles: { beforeConsonant: 'a', beforeVowel: 'an' },
    vowelLetters: 'aeiou',
    listJoiners: ['and', 'or', 'and/or'],
    titleTailOpeners: [
      'on',
      'of',
      'against',
      'to',
      'for',
      'concerning',
      'regarding',
      'combating',
      'combatting',
    ],
  },
};
