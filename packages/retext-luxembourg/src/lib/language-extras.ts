/**
 * Language data the engine needs beyond `@luxlint/terms`' `LanguagePack` (age expressions,
 * articles, list joiners, title tail openers). Kept as data keyed by BCP 47 tag so the engine's
 * code paths hold no language; a pack that carries the same fields wins over these.
 */
export interface LanguageExtras {
  /**
   * How an age is written; `#` stands for a number written in digits
   * (`# year old` matches `14-year-old`, `14 year old`).
   */
  readonly ageExpressions: readonly string[];
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
    ageExpressions: ['# year old', '# years old', '# yr old', '# yo', 'aged #', 'age #'],
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
