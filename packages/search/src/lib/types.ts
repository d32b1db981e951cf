import type { Category, LanguagePack, Status, Term } from '@luxlint/terms';
import type { SearchField } from './documents.js';

export type { SearchField };

/** Options of one search. */
export interface SearchOptions {
  /** At most this many results (default 10; 0 or less returns none). */
  readonly limit?: number;
  /** Keep only entries with this status (or one of these). */
  readonly status?: Status | readonly Status[];
  /** Keep only entries of this category (or one of these). */
  readonly category?: Category | readonly Category[];
}

/** What matched, so a UI can highlight it. */
export interface SearchMatch {
  /** The field of the entry that matched. */
  readonly field: SearchField;
  /**
   * The indexed string that matched: a headword, match form, abbreviation … as written in the
   * data, or a generated spelling of it (`pedophile` for `paedophile`).
   */
  readonly text: string;
  /** Matched character ranges in `text`, `[start, end]` inclusive (fuzzy matches only). */
  readonly indices?: readonly (readonly [number, number])[];
}

/** One entry found. */
export interface SearchResult {
  /** The entry. */
  readonly term: Term;
  /**
   * Relevance, 0 (exact) to 1 (worst); results are sorted by it. Exact hits are 0 (headword,
   * match form, abbreviation, id) or 0.05 (alternative or preferred phrase); a known phrase inside
   * a longer query scores 0.1–0.3; fuzzy hits score above 0.1.
   */
  readonly score: number;
  /** True when the whole query equals one of the entry's phrases (after normalisation). */
  readonly exact: boolean;
  /** What matched, strongest first. */
  readonly matches: readonly SearchMatch[];
  /** Headwords of the entries to use instead (the entry's `preferred` ids resolved), in order. */
  readonly preferred: readonly string[];
}

/** A search over one dataset. */
export interface Searcher {
  /** Entries for a query, best first; `[]` when nothing is relevant. Never throws. */
  search(query: string, options?: SearchOptions): SearchResult[];
  /** The entries searched, in dataset order. */
  readonly terms: readonly Term[];
}

/**
 * The search index in JSON form (`buildIndex`): phrases, the exact-phrase table, word postings
 * and word pairs, with the texts they point to stored once in `strings`. Tuples keep it small.
 */
export interface SerializedIndex {
  /** Fingerprint of the entries and the index format; a mismatch makes `createSearch` rebuild. */
  readonly fingerprint: string;
  readonly entries: number;
  readonly strings: readonly string[];
  /** [entry, field code, text id, folded text id] */
  readonly phrases: readonly (readonly [number, number, number, number])[];
  /** [phrase key, [entry, field code, text id][]] */
  readonly table: readonly (readonly [string, readonly (readonly [number, number, number])[]])[];
  readonly longest: number;
  /** [word, [entry, field code, text id, weight][]] */
  readonly postings: readonly (readonly [
    string,
    readonly (readonly [number, number, number, number])[],
  ])[];
  /** [word pair, [entry, weight][]] */
  readonly pairs: readonly (readonly [string, readonly (readonly [number, number])[]])[];
}

/** Options of `createSearch`. */
export interface CreateSearchOptions {
  /**
   * A prebuilt index (from `buildIndex`, possibly through JSON). Used only when its fingerprint
   * matches the dataset;
   * otherwise the index is built on the spot. The package's default dataset uses its own
   * prebuilt index without being asked.
   */
  readonly index?: SerializedIndex;
  /**
   * Results scoring above this are dropped as irrelevant (default 0.45). Lower is stricter.
   */
  readonly maxScore?: number;
  /**
   * Words that show a query is about a child ("kids", "teenagers"), and the age below which
   * "a 14-year-old" does: entries about children get a bonus for such queries. `createSearch`
   * defaults to `@luxlint/terms`' English language pack.
   */
  readonly language?: Pick<LanguagePack, 'childWords' | 'childAgeBelow'>;
  /** Ranked answers of this many recent distinct queries are kept (default 512; 0 disables the cache). */
  readonly cacheSize?: number;
}
