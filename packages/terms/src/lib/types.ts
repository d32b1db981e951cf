/**
 * Types of the compiled luxlint dataset.
 *
 * The YAML files in `terms/` are validated against `terms/schema.json` and compiled into
 * these shapes (string shorthands expanded, defaults filled in), so consumers never parse YAML
 * and never need to handle the shorthand forms.
 */

/** The Guidelines' three usage categories. */
export type Status = 'use' | 'caution' | 'avoid';

/** Topics, following the chapters of the Guidelines. */
export type Category =
  | 'child-and-umbrella'
  | 'sexual-abuse'
  | 'sexual-exploitation'
  | 'prostitution'
  | 'sale-and-trafficking'
  | 'abuse-material'
  | 'online'
  | 'travel-and-tourism'
  | 'child-marriage'
  | 'perpetrators'
  | 'victims';

/**
 * Where a stance comes from.
 *
 * `guidelines-2016` / `guidelines-2025`: a source confirms the stance is the Guidelines' own.
 * `iwg-member`: guidance of an Interagency Working Group member that applies the Guidelines.
 * `media-guide`: newsroom and NGO style guides.
 * `unverified`: our reading, not confirmed by any source.
 */
export type Provenance =
  'guidelines-2016' | 'guidelines-2025' | 'iwg-member' | 'media-guide' | 'unverified';

/** A surface form to flag, compiled from a lemma phrase. */
export interface MatchForm {
  /** Lemma phrase; word slots may hold `|`-separated alternatives. */
  readonly phrase: string;
  /** Match only this exact letter case (acronyms). */
  readonly caseSensitive: boolean;
  /** Generate plural and possessive forms of the last word. */
  readonly inflect: boolean;
  /** Report only when the sentence also indicates a child. */
  readonly near?: 'child';
}

/** An example sentence; incorrect examples may carry the text after the safe fix. */
export interface Example {
  readonly text: string;
  readonly fixed?: string;
}

/** A citation. */
export interface Source {
  readonly ref: string;
  readonly section?: string;
  readonly page?: string;
  readonly url?: string;
  readonly provenance: Provenance;
  readonly note?: string;
}

/** The text of an entry in one language. */
export interface LocalizedText {
  readonly term: string;
  readonly abbreviations: readonly string[];
  readonly match: readonly MatchForm[];
  readonly alternatives: readonly string[];
  /**
   * Phrases people use for the concept when they look it up ("sending nudes"): searched only,
   * never flagged and never suggested. Empty when the entry has none.
   */
  readonly searchPhrases: readonly string[];
  readonly fix?: string;
  readonly summary: string;
  readonly why: string;
  readonly whenAcceptable?: string;
  readonly examples: {
    readonly incorrect: readonly Example[];
    readonly correct: readonly Example[];
  };
}

/** One entry of the dataset. */
export interface Term {
  readonly id: string;
  readonly aliases: readonly string[];
  readonly status: Status;
  readonly category: Category;
  readonly legal: boolean;
  readonly provenance: Provenance;
  /** Ids of `use` entries to suggest instead. */
  readonly preferred: readonly string[];
  readonly related: readonly string[];
  readonly sources: readonly Source[];
  /** Keyed by BCP 47 tag; `en` is always present. */
  readonly text: { readonly en: LocalizedText } & Readonly<Record<string, LocalizedText>>;
}

/** A title of a legal instrument, mandate, organisation or report that legitimately contains discouraged terms. */
export interface LegalTitle {
  readonly title: string;
  readonly kind: 'treaty' | 'mandate' | 'law' | 'organisation' | 'report' | 'charge';
  readonly lang: string;
  readonly note?: string;
  readonly url?: string;
}

/**
 * The words and cues of one language that the matcher's context rules need.
 * Kept as data so the engine holds no language in its code paths.
 */
export interface LanguagePack {
  readonly lang: string;
  /** Irregular plurals, singular → plural (child → children). */
  readonly irregularPlurals: Readonly<Record<string, string>>;
  /** Words that, in the same sentence, indicate the text is about a child (girl, pupil, minor …). */
  readonly childWords: readonly string[];
  /** Ages below this, written as `14-year-old`, `aged 14`, indicate a child. */
  readonly childAgeBelow: number;
  /** Phrases right before a match that make it a mention of the term as a term (the term, so-called …). */
  readonly mentionCues: readonly string[];
  /** Modifiers right before a bare form that make it an adult or general context (adult …). */
  readonly adultCues: readonly string[];
  /** Capitalised words that cue a title of a legal instrument, mandate or organisation (Protocol, Act …). */
  readonly titleCues: readonly string[];
  /** Lower-case words allowed inside a Title Case run (of, on, the, and …). */
  readonly titleConnectors: readonly string[];
  /** Words that may stand before a title without belonging to it (the, under …). */
  readonly articleWords: readonly string[];
  /**
   * How an age is written; `#` stands for an age (`# year old` matches `14-year-old`), `<#` for
   * an upper bound (`under <#` matches `under 16`). Absent: ages indicate nothing.
   */
  readonly ageExpressions?: readonly string[];
  /** Numbers written as words, for ages (`fourteen` → 14). */
  readonly numberWords?: Readonly<Record<string, number>>;
  /** Indefinite articles before a consonant and before a vowel sound (`a`, `an`); absent: fixes leave articles alone. */
  readonly indefiniteArticles?: { readonly beforeConsonant: string; readonly beforeVowel: string };
  /** Letters that start a word taking the `beforeVowel` article. */
  readonly vowelLetters?: string;
  /** Words that join items of a list (`and`, `or`). */
  readonly listJoiners?: readonly string[];
  /** Lower-case words that open the subject of a title after its cue (`Rapporteur on …`). */
  readonly titleTailOpeners?: readonly string[];
  /** Lower-case mandate names that cue a title like a capitalised cue (`special rapporteur on …`). */
  readonly lowercaseTitleCues?: readonly string[];
  /** Verbs of naming right before a match that make it a mention (called, termed, known as …). */
  readonly namingCues?: readonly string[];
  /** Verbs about wording (write, use, replace …): right before a match followed by a `wordingFollowers` word, the match is a mention. */
  readonly wordingVerbs?: readonly string[];
  /** Words after a match that show a wording verb is about the words (`replace … with`, `write … in`). */
  readonly wordingFollowers?: readonly string[];
  /** Places in a text (headline, caption …): a match followed by `in` … place is a mention (`had X in the headline`). */
  readonly wordingPlaces?: readonly string[];
  /** Prepositions that lead from a match to a `wordingPlaces` word (`in`). */
  readonly wordingPlacePrepositions?: readonly string[];
  /** Negations (not, cannot, no …): before a consent word in the same clause, a consent-implying match is a negated statement, not a fault. */
  readonly negations?: readonly string[];
  /** Words of consent (consent, willing …) that a negation can deny. */
  readonly consentWords?: readonly string[];
  /** Table column headings whose cells list words to avoid (Avoid, Instead of, Don't say): a host marks such cells as mentions. */
  readonly mentionColumnHeaders?: readonly string[];
}
