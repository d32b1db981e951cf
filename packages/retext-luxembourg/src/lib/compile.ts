import type { LanguagePack, LocalizedText, MatchForm, Term } from '@luxlint/terms';
import type { ResolvedOptions } from './options.js';
import { OptionsError } from './options.js';
import { fold, pluralOf, toParts, toWords, type Part } from './text.js';
import { fromTrieData, insert, toTrieData, type TrieData, type TrieNode } from './trie.js';
import type { Dataset, ReportStatus } from './types.js';

/** An entry that can be reported, with everything its messages need. */
export interface EntryInfo {
  readonly id: string;
  readonly status: ReportStatus;
  readonly text: LocalizedText;
  /** Suggestions as written in the data: preferred entries' terms, then alternatives. */
  readonly suggestions: readonly string[];
  readonly summary: string;
  readonly note: string;
  readonly url: string;
  readonly fix: string | undefined;
  /** Folded words of the lemma (`term`), to decide whether a match may take the fix. */
  readonly lemma: string;
}

/** One match form of an entry. */
export interface FormInfo {
  readonly entry: EntryInfo;
  readonly index: number;
  readonly near: 'child' | undefined;
}

/** What a path through the form trie stands for. */
export interface FormEnd {
  readonly form: FormInfo;
  /** A plural or possessive was generated. */
  readonly inflected: boolean;
  /** Folded base words (joined by spaces), before any joining of words. */
  readonly words: string;
}

/** Everything the engine needs for one language and one set of options, compiled once. */
export interface Compiled {
  readonly lang: string;
  readonly pack: LanguagePack;
  /** Case-insensitive forms, keyed by folded word. */
  readonly forms: TrieNode<FormEnd>;
  /** Case-sensitive forms (acronyms), keyed by the word as written. */
  readonly exactForms: TrieNode<FormEnd>;
  /** Preferred phrases (never flagged), keyed by folded word. */
  readonly preferred: TrieNode<true>;
  /** Legal titles, keyed by folded word, punctuation ignored. */
  readonly titles: TrieNode<true>;
  /** Folded words that may start a form (for the prefilter). */
  readonly anchors: ReadonlySet<string>;
  readonly anchorLengths: readonly number[];
  /** Title cues as folded word sequences (`Act`, `Task Force`). */
  readonly titleCues: readonly (readonly string[])[];
  readonly titleConnectors: ReadonlySet<string>;
  readonly articleWords: ReadonlySet<string>;
  readonly titleTailOpeners: ReadonlySet<string>;
  /** Lower-case mandate names that cue a title (`special rapporteur`), as folded word sequences. */
  readonly lowercaseTitleCues: readonly (readonly string[])[];
  /** Words a title's lower-case subject may be made of (words of legal titles, forms, preferred terms, connectors). */
  readonly titleVocabulary: ReadonlySet<string>;
  readonly mentionCues: readonly (readonly string[])[];
  readonly adultCues: readonly (readonly string[])[];
  /** The one-word adult cues (`adults`, `consenting`), for cues after a match. */
  readonly adultWords: ReadonlySet<string>;
  /** Verbs of naming (`called`, `known as`) right before a match: a mention. */
  readonly namingCues: readonly (readonly string[])[];
  readonly wordingVerbs: ReadonlySet<string>;
  readonly wordingFollowers: ReadonlySet<string>;
  readonly wordingPlaces: ReadonlySet<string>;
  readonly wordingPlacePrepositions: ReadonlySet<string>;
  /** Negations as folded word sequences (`can't` → `can t`). */
  readonly negations: readonly (readonly string[])[];
  readonly consentWords: ReadonlySet<string>;
  readonly listJoiners: ReadonlySet<string>;
  readonly childWords: ReadonlySet<string>;
  /** Age expressions as folded word sequences; `#` is a number slot. */
  readonly ageExpressions: readonly (readonly string[])[];
  readonly childAgeBelow: number;
  /** Numbers written as words (`fourteen` → 14). */
  readonly numberWords: ReadonlyMap<string, number>;
  readonly articles: { readonly beforeConsonant: string; readonly beforeVowel: string } | undefined;
  readonly vowelLetters: string;
  readonly allow: readonly (readonly string[])[];
  readonly reportSkipped: boolean;
  /** Ids of all entries and aliases → canonical id. */
  readonly ids: ReadonlyMap<string, string>;
}

const guidelineProvenances = new Set(['guidelines-2016', 'guidelines-2025']);

/** Words are written without spaces (`childporn`, `childsextourism`) only in phrases of up to three words. */
const maxJoinBoundaries = 2;

/** Every id and alias of the dataset → canonical id. */
export function idsOf(terms: readonly Term[]): Map<string, string> {
  const ids = new Map<string, string>();
  for (const term of terms) {
    ids.set(term.id, term.id);
    for (const alias of term.aliases) if (!ids.has(alias)) ids.set(alias, term.id);
  }
  return ids;
}

/** Pick the text of an entry in `lang` (`en-GB` falls back to `en`). */
export function textIn(term: Term, lang: string): LocalizedText | undefined {
  const texts = term.text as Readonly<Record<string, LocalizedText | undefined>>;
  return texts[lang] ?? texts[lang.split('-')[0] ?? ''];
}

/** The language pack for `lang`, falling back from a region tag to the language. */
export function packFor(dataset: Dataset, lang: string): LanguagePack | undefined {
  return dataset.languagePacks[lang] ?? dataset.languagePacks[lang.split('-')[0] ?? ''];
}

/**
 * The tries of one configuration as data (see `prebuiltTriesOf`): what a default configuration
 * can load instead of building, because building them is most of the cost of compiling.
 */
export interface PrebuiltTries {
  readonly forms: TrieData;
  readonly exactForms: TrieData;
  readonly preferred: TrieData;
  readonly titles: TrieData;
}

/** A form's end as data: entry id, form index, inflected (0/1), base words. */
type FormEndData = readonly [id: string, index: number, inflected: 0 | 1, words: string];

/** The tries of `compiled` as data, for src/generated/tries.ts. */
export function prebuiltTriesOf(compiled: Compiled): PrebuiltTries {
  const formEnd = (end: FormEnd): FormEndData => [
    end.form.entry.id,
    end.form.index,
    end.inflected ? 1 : 0,
    end.words,
  ];
  return {
    forms: toTrieData(compiled.forms, formEnd),
    exactForms: toTrieData(compiled.exactForms, formEnd),
    preferred: toTrieData(compiled.preferred, () => 1),
    titles: toTrieData(compiled.titles, () => 1),
  };
}

/**
 * Compile `dataset` for `options`. `prebuilt` (the tries of the same dataset and the same
 * `formsKey`, from `prebuiltTriesOf`) replaces building the tries; everything else is compiled
 * as usual.
 */
export function compile(
  dataset: Dataset,
  options: ResolvedOptions,
  prebuilt?: PrebuiltTries,
): Compiled {
  const pack = packFor(dataset, options.lang);
  if (!pack) {
    throw new OptionsError(
      `no language pack for \`lang\` '${options.lang}'; available: ${Object.keys(dataset.languagePacks).join(', ') || '(none)'}`,
    );
  }
  const lang = options.lang;
  const ids = idsOf(dataset.terms);
  const byId = new Map(dataset.terms.map((term) => [term.id, term]));
  const irregular = pack.irregularPlurals;
  const connectorWords = new Set(pack.titleConnectors.map(fold));

  let forms: TrieNode<FormEnd> = {};
  let exactForms: TrieNode<FormEnd> = {};
  let preferred: TrieNode<true> = {};
  let titles: TrieNode<true> = {};
  /** Form infos by `id`, `index` (for ends read from `prebuilt`). */
  const formInfos = new Map<string, FormInfo[]>();
  const titleVocabulary = new Set<string>();
  const preferredPhrases = new Set<string>();

  for (const term of dataset.terms) {
    const text = textIn(term, lang);
    if (!text) continue;

    for (const alternative of text.alternatives) preferredPhrases.add(alternative);
    if (text.fix !== undefined) preferredPhrases.add(text.fix);
    if (term.status === 'use') {
      preferredPhrases.add(text.term);
      for (const abbreviation of text.abbreviations) preferredPhrases.add(abbreviation);
      for (const form of text.match) preferredPhrases.add(form.phrase);
    }

    const setting = options.rules.get(term.id);
    if (term.status === 'use') {
      if (setting !== undefined && setting !== 'off') {
        throw new OptionsError(
          `rule \`${term.id}\` is a preferred term (status use) and cannot be set to '${setting}'; only 'off' is accepted`,
        );
      }
      continue;
    }
    if (setting === 'off') continue;
    if (options.preset === 'guidelines' && !guidelineProvenances.has(term.provenance)) continue;

    const status: ReportStatus = setting ?? term.status;
    const suggestions = suggestionsOf(term, text, byId, ids, lang);
    const entry: EntryInfo = {
      id: term.id,
      status,
      text,
      suggestions,
      summary: text.summary,
      note: noteOf(term, text),
      url: `${options.baseUrl}${term.id}/`,
      fix: text.fix,
      lemma: toWords(text.term).join(' '),
    };
    const infos: FormInfo[] = [];
    formInfos.set(term.id, infos);
    for (const [index, form] of text.match.entries()) {
      const info: FormInfo = { entry, index, near: form.near };
      infos.push(info);
      for (const word of toWords(form.phrase.replaceAll('|', ' '))) titleVocabulary.add(word);
      if (!prebuilt)
        addForm(form.caseSensitive ? exactForms : forms, form, info, irregular, connectorWords);
    }
  }

  if (prebuilt) {
    const readFormEnd = (data: unknown): FormEnd => {
      const [id, index, inflected, words] = data as FormEndData;
      const form = formInfos.get(id)?.[index];
      // formsKey covers every option that changes which forms are compiled.
      if (!form) throw new Error(`retext-luxembourg: prebuilt tries do not fit: ${id} #${index}`);
      return { form, inflected: inflected === 1, words };
    };
    forms = fromTrieData(prebuilt.forms, readFormEnd);
    exactForms = fromTrieData(prebuilt.exactForms, readFormEnd);
    preferred = fromTrieData(prebuilt.preferred, () => true as const);
    titles = fromTrieData(prebuilt.titles, () => true as const);
  }

  for (const phrase of preferredPhrases) {
    for (const word of toWords(phrase)) titleVocabulary.add(word);
    if (prebuilt) continue;
    insertPhrase(
      preferred,
      phrase,
      true,
      irregular,
      connectorWords,
      fold,
      () => true as const,
      false,
    );
  }

  for (const title of dataset.legalTitles) {
    if (title.lang !== lang && title.lang !== lang.split('-')[0]) continue;
    const words = toWords(title.title);
    for (const word of words) titleVocabulary.add(word);
    if (words.length > 0 && !prebuilt)
      insert(
        titles,
        words.map((word) => ({ word, via: 'flex' as const })),
        true as const,
        fold,
      );
  }

  const anchors = new Set<string>();
  for (const key of forms.flex?.keys() ?? []) anchors.add(key);
  for (const key of exactForms.flex?.keys() ?? []) anchors.add(fold(key));
  const anchorLengths = [...new Set([...anchors].map((anchor) => anchor.length))].sort(
    (a, b) => a - b,
  );

  const titleConnectors = foldAll(pack.titleConnectors);
  const articleWords = foldAll(pack.articleWords);
  for (const word of titleConnectors) titleVocabulary.add(word);
  for (const word of articleWords) titleVocabulary.add(word);

  const childWords = new Set<string>();
  for (const word of pack.childWords) {
    childWords.add(fold(word));
    childWords.add(fold(pluralOf(word, irregular)));
  }

  const phrases = (list: readonly string[] | undefined): string[][] =>
    (list ?? []).map(toWords).filter((words) => words.length > 0);
  const wordSet = (list: readonly string[] | undefined): Set<string> =>
    foldAll((list ?? []).flatMap(toWords));

  return {
    lang,
    pack,
    forms,
    exactForms,
    preferred,
    titles,
    anchors,
    anchorLengths,
    titleCues: pack.titleCues.map(toWords).filter((words) => words.length > 0),
    titleConnectors,
    articleWords,
    titleTailOpeners: wordSet(pack.titleTailOpeners),
    lowercaseTitleCues: phrases(pack.lowercaseTitleCues),
    titleVocabulary,
    mentionCues: withPluralLastWord(pack.mentionCues.map(toWords), irregular),
    adultCues: phrases(pack.adultCues),
    adultWords: new Set(phrases(pack.adultCues).flatMap((cue) => (cue.length === 1 ? cue : []))),
    namingCues: phrases(pack.namingCues),
    wordingVerbs: wordSet(pack.wordingVerbs),
    wordingFollowers: wordSet(pack.wordingFollowers),
    wordingPlaces: wordSet(pack.wordingPlaces),
    wordingPlacePrepositions: wordSet(pack.wordingPlacePrepositions),
    negations: phrases(pack.negations),
    consentWords: wordSet(pack.consentWords),
    listJoiners: wordSet(pack.listJoiners),
    childWords,
    ageExpressions: (pack.ageExpressions ?? [])
      .map((expression) =>
        expression
          .split(/[\s\-\u2010\u2011]+/u)
          .filter(Boolean)
          .map(fold),
      )
      .filter((words) => words.includes('#') || words.includes('<#')),
    childAgeBelow: pack.childAgeBelow,
    numberWords: new Map(
      Object.entries(pack.numberWords ?? {}).map(([word, value]) => [fold(word), value]),
    ),
    articles: pack.indefiniteArticles,
    vowelLetters: pack.vowelLetters ?? '',
    allow: options.allow.map(toWords).filter((words) => words.length > 0),
    reportSkipped: options.reportSkipped,
    ids,
  };
}

/** Cues plus the plural of their last word (`the term` → `the terms`). */
function withPluralLastWord(
  cues: readonly string[][],
  irregular: Readonly<Record<string, string>>,
): string[][] {
  const result: string[][] = [];
  const seen = new Set<string>();
  for (const cue of cues) {
    const last = cue.at(-1);
    if (last === undefined) continue;
    for (const variant of [cue, [...cue.slice(0, -1), fold(pluralOf(last, irregular))]]) {
      const key = variant.join(' ');
      if (seen.has(key)) continue;
      seen.add(key);
      result.push(variant);
    }
  }
  return result;
}

function foldAll(words: readonly string[]): Set<string> {
  return new Set(words.map(fold));
}

function suggestionsOf(
  term: Term,
  text: LocalizedText,
  byId: ReadonlyMap<string, Term>,
  ids: ReadonlyMap<string, string>,
  lang: string,
): string[] {
  const suggestions: string[] = [];
  const seen = new Set<string>();
  const add = (suggestion: string): void => {
    const key = fold(suggestion);
    if (seen.has(key)) return;
    seen.add(key);
    suggestions.push(suggestion);
  };
  for (const reference of term.preferred) {
    const canonical = ids.get(reference);
    const target = canonical === undefined ? undefined : byId.get(canonical);
    const targetText = target ? textIn(target, lang) : undefined;
    add(targetText ? targetText.term : reference);
  }
  for (const alternative of text.alternatives) add(alternative);
  return suggestions;
}

function noteOf(term: Term, text: LocalizedText): string {
  const source = term.sources[0];
  let citation: string;
  if (term.provenance === 'unverified' || !source) {
    citation = 'Source: unverified (our reading, not confirmed by a source).';
  } else {
    const where = [source.section, source.page === undefined ? undefined : `p. ${source.page}`]
      .filter((part): part is string => part !== undefined)
      .join(', ');
    citation = `Source: ${source.ref}${where ? `, ${where}` : ''}.`;
  }
  const why = text.why.trim();
  return `${why}${/[.!?]$/u.test(why) ? '' : '.'} ${citation}`;
}

function addForm(
  root: TrieNode<FormEnd>,
  form: MatchForm,
  info: FormInfo,
  irregular: Readonly<Record<string, string>>,
  connectors: ReadonlySet<string>,
): void {
  const key = form.caseSensitive ? (word: string) => word : fold;
  insertPhrase(
    root,
    form.phrase,
    form.inflect,
    irregular,
    connectors,
    key,
    (inflected, words) => ({ form: info, inflected, words }),
    true,
  );
}

/** Inflected forms of one slot alternative: itself, then plural, possessive, plural possessive. */
function inflections(
  parts: readonly Part[],
  irregular: Readonly<Record<string, string>>,
  pluralOnly = false,
): { parts: Part[]; inflected: boolean }[] {
  const last = parts.at(-1);
  if (!last) return [];
  const head = parts.slice(0, -1);
  const plural = pluralOf(last.word, irregular);
  const result = [{ parts: [...parts], inflected: false }];
  if (!pluralOnly)
    result.push({ parts: [...parts, { word: 's', via: 'apostrophe' as const }], inflected: true });
  if (fold(plural) !== fold(last.word)) {
    result.push({ parts: [...head, { word: plural, via: last.via }], inflected: true });
    // `children's`: an irregular plural takes 's; `prostitutes'` keeps the apostrophe outside the span.
    if (!pluralOnly && !/s$/iu.test(plural)) {
      result.push({
        parts: [...head, { word: plural, via: last.via }, { word: 's', via: 'apostrophe' }],
        inflected: true,
      });
    }
  }
  return result;
}

interface SlotOption {
  readonly parts: readonly Part[];
  readonly inflected: boolean;
  readonly words: readonly string[];
}

/**
 * The ways each word slot of a lemma phrase may be written: its `|` alternatives and their
 * inflections (last word, leading noun, and the first noun before a connector: `images of
 * children`).
 */
function slotOptionsOf(
  phrase: string,
  inflect: boolean,
  irregular: Readonly<Record<string, string>>,
  connectors: ReadonlySet<string>,
): SlotOption[][] {
  const slots = phrase
    .trim()
    .split(/\s+/u)
    .filter(Boolean)
    .map((slot) =>
      slot
        .split('|')
        .map(toParts)
        .filter((parts) => parts.length > 0),
    )
    .filter((slot) => slot.length > 0);

  const isConnector = (slot: readonly Part[][] | undefined): boolean =>
    slot !== undefined &&
    slot.some((parts) => parts.length === 1 && connectors.has(fold(parts[0]?.word ?? '')));
  const headIndex = slots.findIndex(
    (_, index) => index < slots.length - 1 && isConnector(slots[index + 1]),
  );

  return slots.map((alternatives, slotIndex) => {
    const isLast = slotIndex === slots.length - 1;
    const isLeadingNoun = slotIndex === 0 && slots.length > 1 && headIndex !== 0;
    const isHead = slotIndex === headIndex;
    const options: SlotOption[] = [];
    for (const alternative of alternatives) {
      const words = alternative.map((part) => fold(part.word));
      let forms: { parts: Part[]; inflected: boolean }[];
      if (!inflect) forms = [{ parts: [...alternative], inflected: false }];
      else if (isLast || isLeadingNoun) forms = inflections(alternative, irregular);
      else if (isHead) forms = inflections(alternative, irregular, true);
      else forms = [{ parts: [...alternative], inflected: false }];
      for (const form of forms) {
        const parts = form.parts.map((part, index) =>
          index === 0 ? { word: part.word, via: 'flex' as const } : part,
        );
        options.push({ parts, inflected: form.inflected, words });
      }
    }
    return options;
  });
}

/**
 * Add every written variant of a lemma phrase to `root`, sharing trie nodes between variants
 * (so a phrase with many alternatives costs little), plus, for phrases of up to three words,
 * the words written without spaces (`childporn`, `childsextourism`).
 */
export function insertPhrase<End>(
  root: TrieNode<End>,
  phrase: string,
  inflect: boolean,
  irregular: Readonly<Record<string, string>>,
  connectors: ReadonlySet<string>,
  key: (word: string) => string,
  makeEnd: (inflected: boolean, words: string) => End,
  join: boolean,
): void {
  const slots = slotOptionsOf(phrase, inflect, irregular, connectors);
  if (slots.length === 0) return;
  const child = (node: TrieNode<End>, part: Part, first: boolean): TrieNode<End> => {
    const edge = first || part.via === 'flex' ? 'flex' : 'apostrophe';
    let edges = node[edge];
    if (!edges) {
      edges = new Map();
      node[edge] = edges;
    }
    const word = key(part.word);
    let next = edges.get(word);
    if (!next) {
      next = {};
      edges.set(word, next);
    }
    return next;
  };
  const visit = (
    slotIndex: number,
    node: TrieNode<End>,
    inflected: boolean,
    words: readonly string[],
  ): void => {
    const options = slots[slotIndex];
    if (!options) {
      (node.ends ??= []).push(makeEnd(inflected, words.join(' ')));
      return;
    }
    for (const option of options) {
      let current = node;
      for (const [index, part] of option.parts.entries())
        current = child(current, part, slotIndex === 0 && index === 0);
      visit(slotIndex + 1, current, inflected || option.inflected, [...words, ...option.words]);
    }
  };
  visit(0, root, false, []);

  if (!join || slots.length > maxJoinBoundaries + 1) return;
  // Joined variants: enumerate sequences, keep only those with at least one joined boundary.
  let sequences: { parts: Part[]; inflected: boolean; words: string[] }[] = [
    { parts: [], inflected: false, words: [] },
  ];
  for (const options of slots) {
    sequences = sequences.flatMap((sequence) =>
      options.map((option) => ({
        parts: [...sequence.parts, ...option.parts],
        inflected: sequence.inflected || option.inflected,
        words: [...sequence.words, ...option.words],
      })),
    );
    if (sequences.length > 4096) return;
  }
  for (const sequence of sequences) {
    for (const parts of joinings(sequence.parts).slice(1)) {
      let current = root;
      for (const [index, part] of parts.entries()) current = child(current, part, index === 0);
      (current.ends ??= []).push(makeEnd(sequence.inflected, sequence.words.join(' ')));
    }
  }
}

/** The parts as written, plus every way of writing flex boundaries without a space (`childporn`). */
function joinings(parts: readonly Part[]): Part[][] {
  const boundaries: number[] = [];
  for (let index = 1; index < parts.length; index++) {
    if (parts[index]?.via === 'flex' && parts[index - 1]?.via !== 'apostrophe')
      boundaries.push(index);
  }
  if (boundaries.length === 0) return [[...parts]];
  const masks: number[] = [];
  if (boundaries.length <= maxJoinBoundaries) {
    for (let mask = 0; mask < 1 << boundaries.length; mask++) masks.push(mask);
  } else {
    masks.push(0);
  }
  return masks.map((mask) => {
    const joined = new Set(boundaries.filter((_, bit) => (mask >> bit) & 1));
    const result: Part[] = [];
    for (const [index, part] of parts.entries()) {
      const previous = result.at(-1);
      if (joined.has(index) && previous)
        result[result.length - 1] = { word: previous.word + part.word, via: previous.via };
      else result.push(part);
    }
    return result;
  });
}
