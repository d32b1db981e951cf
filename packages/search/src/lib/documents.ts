import type { LocalizedText, Term } from '@luxlint/terms';
import { foldText } from './normalize.js';

/** The fields of an entry that search looks at, strongest first. */
export type SearchField =
  | 'id'
  | 'term'
  | 'match'
  | 'abbreviation'
  | 'alternative'
  | 'searchPhrase'
  | 'preferred'
  | 'summary'
  | 'why';

/**
 * What fuse.js indexes for one entry: plain string lists, one per field, in every language the
 * entry has. Derived from a `Term` by `toSearchDocument`; the prebuilt index is built over these.
 */
export interface SearchDocument {
  readonly id: string;
  /** Headwords. */
  readonly term: readonly string[];
  /** Match forms with `|` slots expanded, plus folded spellings (paedophile → pedophile). */
  readonly match: readonly string[];
  readonly abbreviation: readonly string[];
  /** Plain-phrase suggestions of the entry. */
  readonly alternative: readonly string[];
  /** How people describe the concept when they look it up (`searchPhrases`): searched only. */
  readonly searchPhrase: readonly string[];
  /** Headwords of the entries the entry points to in `preferred`. */
  readonly preferred: readonly string[];
  readonly summary: readonly string[];
  readonly why: readonly string[];
}

/** The short-phrase fields that fuse.js searches fuzzily (prose goes to the word-overlap pass). */
export const phraseFields = [
  'term',
  'match',
  'abbreviation',
  'alternative',
  'searchPhrase',
  'preferred',
] as const;

/** One string fuse.js indexes: a phrase of an entry. */
export interface PhraseRecord {
  /** Position of the entry in the dataset. */
  readonly entry: number;
  readonly field: (typeof phraseFields)[number];
  readonly text: string;
}

/** A match-form phrase may hold `|`-separated alternatives per word slot; more than this many expansions are cut. */
const maxExpansions = 64;

/** Every phrase a `|`-slotted lemma phrase stands for ("have|has sex with" → 2 phrases). */
export function expandPhrase(phrase: string): string[] {
  let expansions: string[] = [''];
  for (const slot of phrase.trim().split(/\s+/u)) {
    const choices = slot.split('|').filter((choice) => choice.length > 0);
    if (choices.length === 0) continue;
    const next: string[] = [];
    for (const prefix of expansions) {
      for (const choice of choices) {
        if (next.length < maxExpansions) next.push(prefix ? `${prefix} ${choice}` : choice);
      }
    }
    expansions = next;
  }
  return expansions.filter((expansion) => expansion.length > 0);
}

/** Lower case and diacritics removed, punctuation as spaces, but British spellings kept. */
function plainFold(text: string): string {
  return text
    .normalize('NFKD')
    .replace(/\p{M}+/gu, '')
    .toLowerCase()
    .replace(/['’]/gu, '')
    .split(/[^\p{L}\p{N}]+/u)
    .filter((word) => word.length > 0)
    .join(' ');
}

/** The strings themselves, plus their folded spelling where it differs (so fuzzy search finds both). */
function withSpellingVariants(values: Iterable<string>): string[] {
  const out = new Set<string>();
  for (const value of values) {
    out.add(value);
    const folded = foldText(value);
    if (folded.length > 0 && folded !== plainFold(value)) out.add(folded);
  }
  return [...out];
}

/** A headword and, when it has one, the headword without its gloss ("pimp (of a child)" → "pimp"). */
function withoutGloss(headword: string): string[] {
  const bare = headword.replace(/\s*\([^)]*\)\s*/gu, ' ').trim();
  return bare.length > 1 && bare !== headword ? [headword, bare] : [headword];
}

function languages(term: Term): LocalizedText[] {
  const { en, ...others } = term.text;
  return [en, ...Object.values(others)];
}

/**
 * The search document of an entry. `headwordOf` resolves a preferred id to its headword (ids
 * that name no entry are kept as a readable phrase, "child-sexual-abuse" → "child sexual abuse").
 */
export function toSearchDocument(
  term: Term,
  headwordOf: (id: string) => string | undefined,
): SearchDocument {
  const texts = languages(term);
  const unique = (values: Iterable<string>): string[] => [...new Set(values)];
  return {
    id: term.id,
    term: withSpellingVariants(texts.flatMap((text) => withoutGloss(text.term))),
    match: withSpellingVariants(
      texts.flatMap((text) => text.match.flatMap((form) => expandPhrase(form.phrase))),
    ),
    abbreviation: unique(texts.flatMap((text) => text.abbreviations)),
    alternative: withSpellingVariants(texts.flatMap((text) => text.alternatives)),
    // `?? []`: a Term built by hand (not compiled) may predate the field.
    searchPhrase: withSpellingVariants(texts.flatMap((text) => text.searchPhrases ?? [])),
    preferred: unique(term.preferred.map((id) => headwordOf(id) ?? id.replaceAll('-', ' '))),
    summary: texts.map((text) => text.summary),
    why: texts.map((text) => text.why),
  };
}

/** Search documents for a whole dataset, in its order. */
export function toSearchDocuments(terms: readonly Term[]): SearchDocument[] {
  const headwords = new Map<string, string>();
  for (const term of terms) {
    headwords.set(term.id, term.text.en.term);
    for (const alias of term.aliases) headwords.set(alias, term.text.en.term);
  }
  return terms.map((term) => toSearchDocument(term, (id) => headwords.get(id)));
}

/** The phrases of every document, flattened, in a stable order (the prebuilt index follows it). */
export function toPhraseRecords(documents: readonly SearchDocument[]): PhraseRecord[] {
  const records: PhraseRecord[] = [];
  documents.forEach((document, entry) => {
    const seen = new Set<string>();
    for (const field of phraseFields) {
      for (const text of document[field]) {
        const key = text.toLowerCase();
        if (seen.has(key)) continue;
        seen.add(key);
        records.push({ entry, field, text });
      }
    }
  });
  return records;
}
