import Fuse, { type FuseIndex, type IFuseOptions } from 'fuse.js';
import type { Term } from '@luxlint/terms';
import type {
  phraseFields} from './documents.js';
import {
  toPhraseRecords,
  toSearchDocuments,
  type PhraseRecord,
  type SearchDocument,
  type SearchField,
} from './documents.js';
import { foldText, keyWords, maxQueryLength, stopWords } from './normalize.js';
import type {
  CreateSearchOptions,
  SearchMatch,
  SearchOptions,
  SearchResult,
  Searcher,
  SerializedIndex,
} from './types.js';

/**
 * fuse.js settings for the phrase strings; index and query must agree on them. Raw Bitap scores
 * (no field norm) are combined with coverage and field weights by `createSearchOver`.
 */
export const fuseOptions = {
  includeScore: true,
  includeMatches: true,
  ignoreLocation: true,
  ignoreDiacritics: true,
  ignoreFieldNorm: true,
  // Per-phrase Bitap cut-off: at most about one error in three letters.
  threshold: 0.34,
  minMatchCharLength: 2,
} satisfies IFuseOptions<string>;

const defaultLimit = 10;
const defaultMaxScore = 0.45;
const defaultCacheSize = 512;
/** Fuzzy search is skipped for folded queries shorter than this (two letters match anything). */
const minFuzzyLength = 4;
/** Fuzzy search is skipped for folded queries longer than this: a pasted paragraph is not a lookup. */
const maxFuzzyLength = 64;
/** Phrases are looked for inside queries of at most this many words. */
const maxPhraseWords = 48;
/** The longest phrase, in words, looked for inside a query. */
const maxPhraseLength = 8;

/**
 * Score scale (lower is better). Exact hits are 0 (the entry's own phrase) or 0.05 (a phrase that
 * points at it); the other passes start at their base and add penalties.
 */
const exactScore = 0;
const weakExactScore = 0.05;
const containedBase = 0.1;
const fuzzyBase = 0.1;
const overlapBase = 0.15;

/** Added to a fuzzy phrase hit by field: headword and forms > abbreviations > alternatives > preferred. */
const fuzzyFieldPenalty: Readonly<Record<(typeof phraseFields)[number], number>> = {
  term: 0,
  match: 0,
  abbreviation: 0.04,
  alternative: 0.08,
  preferred: 0.12,
};
/** How much a fuzzy hit loses for covering only part of the phrase ("porn" inside "child porn"). */
const uncoveredPenalty = 0.2;

/** Word-overlap weights by field (the prose fields are the weakest). */
const overlapFieldWeight: Readonly<Record<Exclude<SearchField, 'id'>, number>> = {
  term: 1,
  match: 1,
  abbreviation: 0.9,
  alternative: 0.6,
  preferred: 0.3,
  summary: 0.5,
  why: 0.35,
};

/** Fields whose exact hit is the entry itself; the others (alternative, preferred) point at it. */
const strongFields: ReadonlySet<SearchField> = new Set(['id', 'term', 'match', 'abbreviation']);
const fieldRank: Readonly<Record<SearchField, number>> = {
  term: 0,
  match: 1,
  abbreviation: 2,
  id: 3,
  alternative: 4,
  preferred: 5,
  summary: 6,
  why: 7,
};

interface PhraseHit {
  readonly entry: number;
  readonly field: SearchField;
  readonly text: string;
}

interface Posting {
  readonly entry: number;
  readonly field: Exclude<SearchField, 'id'>;
  readonly text: string;
  readonly weight: number;
}

/** One ranked answer before filtering; shared by the cache, so frozen. */
interface Ranked {
  readonly entry: number;
  readonly score: number;
  readonly exact: boolean;
  readonly matches: readonly SearchMatch[];
}

/** FNV-1a over the phrase strings: cheap enough to check on every load, stable across runtimes. */
export function fingerprint(texts: readonly string[]): string {
  let hash = 0x811c9dc5;
  let length = 0;
  for (const text of texts) {
    for (let index = 0; index < text.length; index++) {
      hash ^= text.charCodeAt(index);
      hash = Math.imul(hash, 0x01000193) >>> 0;
    }
    hash ^= 0x1f;
    hash = Math.imul(hash, 0x01000193) >>> 0;
    length += text.length + 1;
  }
  return `${texts.length}-${length}-${hash.toString(16).padStart(8, '0')}`;
}

/** Build the serialisable fuse.js index of a dataset (what `scripts/generate-index.ts` writes). */
export function buildIndex(terms: readonly Term[]): SerializedIndex {
  const texts = toPhraseRecords(toSearchDocuments(terms)).map((record) => record.text);
  const { keys, records } = Fuse.createIndex([], texts).toJSON();
  return { fingerprint: fingerprint(texts), keys, records };
}

function loadIndex(
  texts: readonly string[],
  serialized: SerializedIndex | undefined,
): FuseIndex<string> {
  if (serialized !== undefined && serialized.fingerprint === fingerprint(texts)) {
    return Fuse.parseIndex<string>(serialized as unknown as Parameters<typeof Fuse.parseIndex>[0]);
  }
  return Fuse.createIndex([], texts);
}

/** Exact-phrase table: key (see `keyWords`) → the entries having that phrase. */
function buildPhraseTable(documents: readonly SearchDocument[], terms: readonly Term[]) {
  const table = new Map<string, PhraseHit[]>();
  let longest = 1;
  const add = (entry: number, field: SearchField, text: string): void => {
    const words = keyWords(text);
    if (words.length === 0) return;
    longest = Math.max(longest, words.length);
    const key = words.join('');
    const hits = table.get(key);
    if (hits === undefined) {
      table.set(key, [{ entry, field, text }]);
    } else if (!hits.some((hit) => hit.entry === entry)) {
      hits.push({ entry, field, text });
    }
  };
  // Strong fields first, so an entry keeps its strongest reason when a phrase repeats.
  for (const field of [
    'term',
    'match',
    'abbreviation',
    'id',
    'alternative',
    'preferred',
  ] as const) {
    documents.forEach((document, entry) => {
      if (field === 'id') {
        add(entry, 'id', document.id);
        for (const alias of terms[entry]?.aliases ?? []) add(entry, 'id', alias);
      } else {
        for (const text of document[field]) add(entry, field, text);
      }
    });
  }
  return { table, longest: Math.min(longest, maxPhraseLength) };
}

/** Word → where it occurs, with the weight of its strongest field per entry; plus idf. */
function buildWordIndex(documents: readonly SearchDocument[]) {
  const postings = new Map<string, Posting[]>();
  for (const [entry, document] of documents.entries()) {
    for (const field of Object.keys(overlapFieldWeight) as (keyof typeof overlapFieldWeight)[]) {
      const weight = overlapFieldWeight[field];
      for (const text of document[field]) {
        for (const word of new Set(keyWords(text))) {
          if (stopWords.has(word)) continue;
          const list = postings.get(word) ?? [];
          const previous = list.find((posting) => posting.entry === entry);
          if (previous === undefined) {
            list.push({ entry, field, text, weight });
          } else if (previous.weight < weight) {
            list[list.indexOf(previous)] = { entry, field, text, weight };
          }
          postings.set(word, list);
        }
      }
    }
  }
  const entries = Math.max(documents.length, 1);
  const idf = (word: string): number => {
    const count = postings.get(word)?.length ?? 0;
    return Math.log(1 + (entries + 1) / (count + 0.5));
  };
  return { postings, idf };
}

function asList<T>(value: T | readonly T[] | undefined): readonly T[] | undefined {
  if (value === undefined) return undefined;
  return Array.isArray(value) ? (value as readonly T[]) : [value as T];
}

/** Least recently used answers; a Map keeps insertion order, so the first key is the oldest. */
class AnswerCache {
  readonly #answers = new Map<string, readonly Ranked[]>();
  constructor(readonly size: number) {}
  get(key: string): readonly Ranked[] | undefined {
    const answer = this.#answers.get(key);
    if (answer !== undefined) {
      this.#answers.delete(key);
      this.#answers.set(key, answer);
    }
    return answer;
  }
  set(key: string, answer: readonly Ranked[]): void {
    if (this.size <= 0) return;
    this.#answers.set(key, answer);
    if (this.#answers.size > this.size) {
      const oldest = this.#answers.keys().next().value;
      if (oldest !== undefined) this.#answers.delete(oldest);
    }
  }
}

/** Matched characters of `text` covered by `indices` ([start, end] inclusive), 0–1. */
function coverage(text: string, indices: readonly (readonly [number, number])[]): number {
  if (text.length === 0) return 0;
  let covered = 0;
  for (const [start, end] of indices) covered += end - start + 1;
  return Math.min(1, covered / text.length);
}

/**
 * Create a search over `terms`, building (or loading) its index.
 *
 * Four passes, merged per entry (its best score wins): (1) the whole query is a phrase of the
 * entry — headword, match form (plurals, hyphen/space/no-space and spelling variants included),
 * abbreviation, id, alternative or preferred phrase — a Map lookup; (2) known phrases inside a
 * longer query; (3) fuse.js fuzzy search over the phrases, weighted by field and by how much of
 * the phrase the query covers; (4) word overlap with every field, prose included, weighted by
 * field and rarity. Answers scoring worse than `maxScore` are dropped.
 */
export function createSearchOver(
  terms: readonly Term[],
  options: CreateSearchOptions = {},
): Searcher {
  const documents = toSearchDocuments(terms);
  const phrases: readonly PhraseRecord[] = toPhraseRecords(documents);
  const texts = phrases.map((record) => record.text);
  const fuse = new Fuse(texts, fuseOptions, loadIndex(texts, options.index));
  const { table, longest } = buildPhraseTable(documents, terms);
  const { postings, idf } = buildWordIndex(documents);
  const maxScore = options.maxScore ?? defaultMaxScore;
  const cache = new AnswerCache(options.cacheSize ?? defaultCacheSize);
  const headwords = new Map<string, string>();
  for (const term of terms) {
    headwords.set(term.id, term.text.en.term);
    for (const alias of term.aliases) headwords.set(alias, term.text.en.term);
  }
  const preferredOf = terms.map((term) =>
    Object.freeze(term.preferred.map((id) => headwords.get(id) ?? id.replaceAll('-', ' '))),
  );

  /** Ranks a folded query (see `foldText`). */
  function rank(folded: string): readonly Ranked[] {
    const words = keyWords(folded);
    if (words.length === 0) return [];
    const best = new Map<number, { score: number; exact: boolean; matches: SearchMatch[] }>();
    const offer = (entry: number, score: number, exact: boolean, match: SearchMatch): void => {
      const current = best.get(entry);
      if (current === undefined) {
        best.set(entry, { score, exact, matches: [match] });
        return;
      }
      current.exact ||= exact;
      if (score < current.score) {
        current.score = score;
        current.matches.unshift(match);
      } else {
        current.matches.push(match);
      }
    };

    // (1) The whole query is a phrase of an entry.
    for (const hit of table.get(words.join('')) ?? []) {
      const score = strongFields.has(hit.field) ? exactScore : weakExactScore;
      offer(hit.entry, score, true, { field: hit.field, text: hit.text });
    }

    // (2) Known phrases inside a longer query, longest first, not overlapping.
    if (words.length > 1 && words.length <= maxPhraseWords) {
      let start = 0;
      while (start < words.length) {
        let matched = 0;
        for (let length = Math.min(longest, words.length - start); length >= 1; length--) {
          if (length === words.length) continue;
          const key = words.slice(start, start + length).join('');
          // A lone short word (an abbreviation like "sea" or "cp") is too ambiguous inside prose.
          if (length === 1 && key.length < 5) continue;
          // A preferred phrase inside a query ("child" in "child care") says nothing about the entry.
          const hits = table.get(key)?.filter((hit) => hit.field !== 'preferred');
          if (hits === undefined || hits.length === 0) continue;
          const covered = length / words.filter((word) => !stopWords.has(word)).length;
          for (const hit of hits) {
            const weak = strongFields.has(hit.field) ? 0 : 0.05;
            const score = containedBase + weak + 0.25 * (1 - Math.min(1, covered));
            offer(hit.entry, score, false, { field: hit.field, text: hit.text });
          }
          matched = length;
          break;
        }
        start += Math.max(matched, 1);
      }
    }

    // (3) Fuzzy phrases.
    if (folded.length >= minFuzzyLength && folded.length <= maxFuzzyLength) {
      for (const result of fuse.search(folded)) {
        const record = phrases[result.refIndex];
        if (record === undefined) continue;
        const indices = (result.matches?.[0]?.indices ?? []).map(
          ([start, end]) => Object.freeze([start, end] as const) as readonly [number, number],
        );
        const score =
          fuzzyBase +
          (result.score ?? 1) +
          uncoveredPenalty * (1 - coverage(record.text, indices)) +
          fuzzyFieldPenalty[record.field];
        offer(record.entry, score, false, {
          field: record.field,
          text: record.text,
          indices: Object.freeze(indices),
        });
      }
    }

    // (4) Word overlap with every field.
    const meaningful = [...new Set(words.filter((word) => !stopWords.has(word)))];
    if (meaningful.length > 0 && meaningful.length <= maxPhraseWords) {
      let total = 0;
      const gained = new Map<number, { weight: number; hits: Posting[] }>();
      for (const word of meaningful) {
        const weight = idf(word);
        total += weight;
        for (const posting of postings.get(word) ?? []) {
          const entry = gained.get(posting.entry) ?? { weight: 0, hits: [] };
          entry.weight += weight * posting.weight;
          entry.hits.push(posting);
          gained.set(posting.entry, entry);
        }
      }
      for (const [entry, { weight, hits }] of gained) {
        const relevance = total > 0 ? weight / total : 0;
        const score = overlapBase + 0.5 * (1 - relevance);
        for (const hit of hits) offer(entry, score, false, { field: hit.field, text: hit.text });
      }
    }

    const ranked: Ranked[] = [];
    for (const [entry, answer] of best) {
      if (answer.score > maxScore) continue;
      ranked.push(
        Object.freeze({
          entry,
          score: Math.min(1, answer.score),
          exact: answer.exact,
          matches: Object.freeze(orderMatches(answer.matches)),
        }),
      );
    }
    ranked.sort(
      (a, b) =>
        a.score - b.score ||
        Number(b.exact) - Number(a.exact) ||
        (terms[a.entry]?.id ?? '').localeCompare(terms[b.entry]?.id ?? ''),
    );
    return Object.freeze(ranked);
  }

  function search(query: string, searchOptions: SearchOptions = {}): SearchResult[] {
    if (typeof query !== 'string') return [];
    const limit = searchOptions.limit ?? defaultLimit;
    if (!(limit > 0)) return [];
    const folded = foldText(query.slice(0, maxQueryLength));
    if (folded.length === 0) return [];
    let ranked = cache.get(folded);
    if (ranked === undefined) {
      ranked = rank(folded);
      cache.set(folded, ranked);
    }
    const statuses = asList(searchOptions.status);
    const categories = asList(searchOptions.category);
    const results: SearchResult[] = [];
    for (const answer of ranked) {
      if (results.length >= limit) break;
      const term = terms[answer.entry];
      if (term === undefined) continue;
      if (statuses !== undefined && !statuses.includes(term.status)) continue;
      if (categories !== undefined && !categories.includes(term.category)) continue;
      results.push({
        term,
        score: answer.score,
        exact: answer.exact,
        matches: answer.matches,
        preferred: preferredOf[answer.entry] ?? [],
      });
    }
    return results;
  }

  return Object.freeze({ search, terms });
}

/** Strongest reason first, then by field; one match per (field, text). */
function orderMatches(matches: readonly SearchMatch[]): SearchMatch[] {
  const seen = new Set<string>();
  const unique: SearchMatch[] = [];
  const [first, ...rest] = matches;
  const sorted =
    first === undefined
      ? []
      : [first, ...rest.sort((a, b) => fieldRank[a.field] - fieldRank[b.field])];
  for (const match of sorted) {
    const key = `${match.field}\u0000${match.text}`;
    if (seen.has(key)) continue;
    seen.add(key);
    unique.push(Object.freeze(match));
  }
  return unique;
}
