import Fuse, { type IFuseOptions } from 'fuse.js';
import type { Term } from '@luxlint/terms';
import type { phraseFields, SearchField } from './documents.js';
import { foldText, keyWords, keyWordsOfFolded, maxQueryLength, stopWords } from './normalize.js';
import { buildIndex, fingerprint, hydrate, pairKey, type Posting } from './search-index.js';
import type {
  CreateSearchOptions,
  SearchMatch,
  SearchOptions,
  SearchResult,
  Searcher,
} from './types.js';

/**
 * fuse.js settings for the phrase strings; index and query must agree on them. Raw Bitap scores
 * (no field norm) are combined with coverage and field weights by `createSearchOver`.
 */
export const fuseOptions = {
  includeScore: true,
  includeMatches: true,
  ignoreLocation: true,
  // Both sides are folded already (lower case, no diacritics): fuse.js need not do it again.
  isCaseSensitive: true,
  ignoreDiacritics: false,
  ignoreFieldNorm: true,
  // Per-phrase Bitap cut-off: at most about one error in three letters.
  threshold: 0.34,
  minMatchCharLength: 2,
} satisfies IFuseOptions<string>;

/** Bitap settings for correcting one misspelt word against the dataset's words. */
const correctionOptions = {
  includeScore: true,
  ignoreLocation: true,
  isCaseSensitive: true,
  ignoreDiacritics: false,
  threshold: 0.25,
} satisfies IFuseOptions<string>;

/** A phrase is tried fuzzily only if it holds this share of the query's letter pairs… */
const minPhraseShare = 0.5;
/** …and only this many phrases, those sharing the most. */
const maxFuzzyCandidates = 8;
/**
 * …or this many for a query longer than `longFuzzyLength`: Bitap's cost grows with the pattern's
 * length and error budget (a 30-letter query cost about 1 ms over 8 phrases), while a long query
 * shares most of its letter pairs with few phrases, so the first ones are the ones that count.
 */
const maxLongFuzzyCandidates = 3;
const longFuzzyLength = 20;

const defaultLimit = 10;
const defaultMaxScore = 0.45;
const defaultCacheSize = 512;
/** Fuzzy search is skipped for folded queries shorter than this (two letters match anything). */
const minFuzzyLength = 4;
/**
 * Fuzzy search is skipped for folded queries longer than this (one Bitap word of 32 bits; longer
 * patterns cost several passes): long queries are sentences, which passes 2 and 4 handle.
 */
const maxFuzzyLength = 32;
/** Phrases are looked for inside queries of at most this many words. */
const maxPhraseWords = 48;
/**
 * Score scale (lower is better). Exact hits are 0 (the entry's own phrase) or 0.05 (a phrase that
 * points at it); the other passes start at their base and add penalties.
 */
const exactScore = 0;
/** An alternative of a `use` entry is a synonym of it, not a pointer elsewhere. */
const synonymScore = 0.02;
/** A search phrase (how people describe the concept) names the entry, less surely than its own terms. */
const searchPhraseScore = 0.03;
const weakExactScore = 0.05;
const containedBase = 0.1;
const fuzzyBase = 0.1;
const overlapBase = 0.15;
/** Word-overlap score = overlapBase + overlapSlope × (1 − relevance): with maxScore 0.45 an entry must explain about a third of the query. */
const overlapSlope = 0.45;

/** Added to a fuzzy phrase hit by field: headword and forms > abbreviations > alternatives > preferred. */
const fuzzyFieldPenalty: Readonly<Record<(typeof phraseFields)[number], number>> = {
  term: 0,
  match: 0,
  abbreviation: 0.04,
  alternative: 0.08,
  searchPhrase: 0.06,
  preferred: 0.12,
};
/** How much a fuzzy hit loses for covering only part of the phrase ("porn" inside "child porn"). */
const uncoveredPenalty = 0.2;

/**
 * Words found nowhere in the dataset count this much (× their idf) against the overlap: they
 * cannot tell entries apart, and a query made only of them still scores nothing.
 */
const unknownWordWeight = 0.6;
/** The word that stands for a child in the data, and how much implying it counts. */
const childWord = 'child';
const impliedChildWeight = 0.5;
/** A word found in at most this many entries is distinctive enough to stand for them inside a longer query. */
const rareWordEntries = 3;
/** An unknown query word this long or longer is looked up fuzzily in the dataset's vocabulary. */
const minCorrectableLength = 5;
/** How much a corrected word counts, relative to the word itself. */
const correctedWordWeight = 0.8;
/** Weight of an adjacent word pair, relative to the rarer of its words. */
const pairWeight = 0.5;

/** Fields whose exact hit is the entry itself; the others (alternative, preferred) point at it. */
const strongFields: ReadonlySet<SearchField> = new Set(['id', 'term', 'match', 'abbreviation']);
/**
 * Fields whose hit means the query uses the entry's own wording (its terms or the phrases people
 * use for its concept), rather than only sharing words with it.
 */
const ownFields: ReadonlySet<SearchField> = new Set([...strongFields, 'searchPhrase']);
/** How far behind its preferred entry a discouraged entry found only by its concept is put. */
const behindPreferred = 0.001;
const fieldRank: Readonly<Record<SearchField, number>> = {
  term: 0,
  match: 1,
  abbreviation: 2,
  id: 3,
  alternative: 4,
  searchPhrase: 5,
  preferred: 6,
  summary: 7,
  why: 8,
};

/** An entry's best answer so far, while a query is ranked. */
interface Answer {
  score: number;
  exact: boolean;
  /** Found by a phrase of its own wording (headword, form, abbreviation, id, search phrase). */
  own: boolean;
  matches: SearchMatch[];
}

/**
 * The answers of the query being ranked, by entry: one array reused by every query (cleared at
 * the start of the next), so ranking allocates no Map and iterates no Map entries.
 */
class AnswerTable {
  readonly #byEntry: (Answer | undefined)[];
  /** Entries with an answer, in the order they were found. */
  readonly entries: number[] = [];
  constructor(size: number) {
    this.#byEntry = new Array<Answer | undefined>(size).fill(undefined);
  }
  get(entry: number): Answer | undefined {
    return this.#byEntry[entry];
  }
  set(entry: number, answer: Answer): void {
    if (this.#byEntry[entry] === undefined) this.entries.push(entry);
    this.#byEntry[entry] = answer;
  }
  clear(): void {
    for (const entry of this.entries) this.#byEntry[entry] = undefined;
    this.entries.length = 0;
  }
}

/** One ranked answer before filtering; shared by the cache, so frozen. */
interface Ranked {
  readonly entry: number;
  readonly score: number;
  readonly exact: boolean;
  readonly matches: readonly SearchMatch[];
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

/** The distinct letter pairs of a folded text ("child" → ch, hi, il, ld), spaces included. */
function letterPairs(text: string): string[] {
  const pairs = new Set<string>();
  for (let index = 1; index < text.length; index++) pairs.add(text.slice(index - 1, index + 1));
  return [...pairs];
}

/** Letter pair → the items having it. */
function invert(itemPairs: readonly (readonly string[])[]): Map<string, number[]> {
  const index = new Map<string, number[]>();
  itemPairs.forEach((pairs, item) => {
    for (const pair of pairs) {
      const items = index.get(pair);
      if (items === undefined) index.set(pair, [item]);
      else items.push(item);
    }
  });
  return index;
}

const touchedScratch: number[] = [];
/**
 * The empty list for look-ups that find nothing, shared instead of a fresh `[]` each time. Not
 * frozen: a frozen array among plain ones makes V8's for…of loops over them slower.
 */
const none: readonly never[] = [];

/** Items holding at least `minShare` of the query's letter pairs, most shared first, at most `limit`. */
function closest(
  queryPairs: readonly string[],
  index: ReadonlyMap<string, readonly number[]>,
  shared: Uint16Array,
  minShare: number,
  limit: number,
): number[] {
  if (queryPairs.length === 0) return [];
  // Reused by every call (the function is not re-entrant): no array grows per query.
  const touched = touchedScratch;
  touched.length = 0;
  for (const pair of queryPairs) {
    for (const item of index.get(pair) ?? none) {
      if (shared[item] === 0) touched.push(item);
      shared[item] = (shared[item] ?? 0) + 1;
    }
  }
  const needed = Math.max(1, Math.ceil(queryPairs.length * minShare));
  const kept: number[] = [];
  for (const item of touched) if ((shared[item] ?? 0) >= needed) kept.push(item);
  kept.sort((a, b) => (shared[b] ?? 0) - (shared[a] ?? 0) || a - b);
  // The counters are reused by the next query: reset only what this one touched.
  for (const item of touched) shared[item] = 0;
  return kept.length > limit ? kept.slice(0, limit) : kept;
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
  const index =
    options.index !== undefined && options.index.fingerprint === fingerprint(terms)
      ? options.index
      : buildIndex(terms);
  const { phrases, table, longest, postings, pairs, idf } = hydrate(index);
  const childWords = new Set(
    (options.language?.childWords ?? []).flatMap((word) => keyWords(word)),
  );
  const childAgeBelow = options.language?.childAgeBelow ?? 0;
  const impliesChild = (words: readonly string[]): boolean =>
    words.some((word) => childWords.has(word));
  /** "14 year old" / "aged 14" (folded, singular) → the child word, when under `childAgeBelow`. */
  const withAgesAsChild = (words: readonly string[]): string[] => {
    const out: string[] = [];
    for (let index = 0; index < words.length; index++) {
      const word = words[index] ?? '';
      const next = words[index + 1];
      if (/^\d{1,2}$/u.test(word) && Number(word) < childAgeBelow) {
        if (next === 'year' && words[index + 2] === 'old') {
          out.push(childWord);
          index += 2;
          continue;
        }
        if (words[index - 1] === 'aged') {
          out.pop();
          out.push(childWord);
          continue;
        }
      }
      out.push(word);
    }
    return out;
  };
  /** Word-overlap accumulator per entry, reused by every query (reset after each). */
  const gained = new Float64Array(terms.length);
  // A phrase often belongs to several entries ("child sexual abuse material" is the headword of
  // one and the preferred phrase of many): Bitap runs once per distinct text, and each hit is
  // offered to every phrase record holding that text.
  const phraseTexts: string[] = [];
  const recordsOfText: number[][] = [];
  {
    const textIds = new Map<string, number>();
    phrases.forEach((record, recordIndex) => {
      const id = textIds.get(record.folded);
      if (id === undefined) {
        textIds.set(record.folded, phraseTexts.length);
        phraseTexts.push(record.folded);
        recordsOfText.push([recordIndex]);
      } else recordsOfText[id]?.push(recordIndex);
    });
  }
  // The letter-pair tables serve only fuzzy queries: built on the first one, not at load.
  let phraseTables: { index: Map<string, number[]>; counters: Uint16Array } | undefined;
  let wordTables:
    { words: string[]; index: Map<string, number[]>; counters: Uint16Array } | undefined;
  /** Distinct phrase texts sharing the most letter pairs with the query, best first. */
  const fuzzyCandidates = (folded: string): number[] => {
    phraseTables ??= {
      index: invert(phraseTexts.map(letterPairs)),
      counters: new Uint16Array(phraseTexts.length),
    };
    const { index, counters } = phraseTables;
    const limit = folded.length > longFuzzyLength ? maxLongFuzzyCandidates : maxFuzzyCandidates;
    return closest(letterPairs(folded), index, counters, minPhraseShare, limit);
  };
  /** The dataset word closest to a misspelt one ("chilren" → "children"), if one is close. */
  const correct = (word: string): string | undefined => {
    if (word.length < minCorrectableLength || word.length > 32) return undefined;
    if (wordTables === undefined) {
      const words = [...postings.keys()].filter(
        (known) => known.length >= minCorrectableLength - 2,
      );
      wordTables = {
        words,
        index: invert(words.map(letterPairs)),
        counters: new Uint16Array(words.length),
      };
    }
    const { words, index: wordIndex, counters } = wordTables;
    // Bitap scores a substring as perfect ("human" in "humanitarian"): keep whole-word look-alikes.
    const candidates = closest(letterPairs(word), wordIndex, counters, 0.5, 8)
      .map((index) => words[index] ?? '')
      .filter((candidate) => Math.abs(candidate.length - word.length) <= 2);
    if (candidates.length === 0) return undefined;
    return new Fuse(candidates, correctionOptions).search(word, { limit: 1 })[0]?.item;
  };
  const isSynonym = (entry: number, field: SearchField): boolean =>
    field === 'alternative' && terms[entry]?.status === 'use';
  const maxScore = options.maxScore ?? defaultMaxScore;
  const cache = new AnswerCache(options.cacheSize ?? defaultCacheSize);
  const answerTable = new AnswerTable(terms.length);
  const headwords = new Map<string, string>();
  for (const term of terms) {
    headwords.set(term.id, term.text.en.term);
    for (const alias of term.aliases) headwords.set(alias, term.text.en.term);
  }
  const entryOf = new Map(terms.map((term, entry) => [term.id, entry]));
  for (const [entry, term] of terms.entries()) {
    for (const alias of term.aliases) if (!entryOf.has(alias)) entryOf.set(alias, entry);
  }
  const preferredEntries = terms.map((term) =>
    term.preferred.flatMap((id) => {
      const entry = entryOf.get(id);
      return entry === undefined ? [] : [entry];
    }),
  );
  /** Discouraged entries with a preferred entry to go behind. */
  const pointsElsewhere = terms.map(
    (term, entry) => term.status !== 'use' && (preferredEntries[entry]?.length ?? 0) > 0,
  );
  const preferredOf = terms.map((term) =>
    Object.freeze(term.preferred.map((id) => headwords.get(id) ?? id.replaceAll('-', ' '))),
  );

  /**
   * Fuzzy phrase matching is for misspellings: when every word of the query is a word of the
   * dataset, the exact, contained and word-overlap passes already see everything it could.
   */
  const hasUnknownWord = (words: readonly string[]): boolean =>
    words.some((word) => !postings.has(word) && !stopWords.has(word) && !isNumber(word));

  /** Ranks a folded query (see `foldText`). */
  function rank(folded: string): readonly Ranked[] {
    const words = keyWordsOfFolded(folded);
    if (words.length === 0) return [];
    const best = answerTable;
    best.clear();
    /** `own`: the hit is a phrase of the entry's own wording (passes 1–3), not shared words. */
    const offer = (
      entry: number,
      score: number,
      exact: boolean,
      match: SearchMatch,
      own = false,
    ): void => {
      const current = best.get(entry);
      if (current === undefined) {
        best.set(entry, { score, exact, own, matches: [match] });
        return;
      }
      current.exact ||= exact;
      current.own ||= own;
      if (score < current.score) {
        current.score = score;
        current.matches.unshift(match);
      } else {
        current.matches.push(match);
      }
    };

    // (1) The whole query is a phrase of an entry.
    for (const hit of table.get(words.join('')) ?? none) {
      const score = strongFields.has(hit.field)
        ? exactScore
        : isSynonym(hit.entry, hit.field)
          ? synonymScore
          : hit.field === 'searchPhrase'
            ? searchPhraseScore
            : weakExactScore;
      offer(hit.entry, score, true, { field: hit.field, text: hit.text }, ownFields.has(hit.field));
    }

    // The fast path that answers most look-ups: the whole query is an entry's own phrase (or a
    // synonym of a preferred entry), so the other passes could only add weaker neighbours.
    for (const entry of best.entries) {
      if ((best.get(entry)?.score ?? 1) <= synonymScore) return finish(best);
    }

    // (2) Known phrases inside a longer query, longest first, not overlapping.
    if (words.length > 1 && words.length <= maxPhraseWords) {
      const keys: string[] = [];
      const content = countContentWords(words);
      let start = 0;
      while (start < words.length) {
        let matched = 0;
        // The keys of the phrases starting here, shortest first: built once, tried longest first.
        const maxLength = Math.min(longest, words.length - start);
        keys.length = 0;
        let joined = '';
        for (let length = 1; length <= maxLength; length++) {
          joined += words[start + length - 1] ?? '';
          keys.push(joined);
        }
        for (let length = maxLength; length >= 1; length--) {
          if (length === words.length) continue;
          const key = keys[length - 1] ?? '';
          // A lone word counts only when it is long and rare ("sectt", "sextortion"); common
          // ones ("child") and short ones ("sea", "cp") are left to the word-overlap pass.
          if (
            length === 1 &&
            (key.length < 4 || (postings.get(key)?.length ?? 0) > rareWordEntries)
          ) {
            continue;
          }
          // A preferred phrase inside a query ("child" in "child care") says nothing about the entry.
          const hits = table.get(key)?.filter((hit) => hit.field !== 'preferred');
          if (hits === undefined || hits.length === 0) continue;
          const covered = length / content;
          for (const hit of hits) {
            const weak = strongFields.has(hit.field)
              ? 0
              : isSynonym(hit.entry, hit.field)
                ? synonymScore
                : hit.field === 'searchPhrase'
                  ? searchPhraseScore
                  : weakExactScore;
            const score = containedBase + weak + 0.25 * (1 - Math.min(1, covered));
            offer(
              hit.entry,
              score,
              false,
              { field: hit.field, text: hit.text },
              ownFields.has(hit.field),
            );
          }
          matched = length;
          break;
        }
        start += Math.max(matched, 1);
      }
    }

    // (3) Fuzzy phrases: fuse.js's Bitap on the phrases sharing enough letter pairs with the query.
    if (
      folded.length >= minFuzzyLength &&
      folded.length <= maxFuzzyLength &&
      hasUnknownWord(words)
    ) {
      const candidates = fuzzyCandidates(folded);
      // One small Fuse over the candidates: the query's Bitap pattern is compiled once, not per
      // phrase as `Fuse.match` would.
      const fuzzyResults =
        candidates.length === 0
          ? []
          : new Fuse(
              candidates.map((index) => phraseTexts[index] ?? ''),
              fuseOptions,
            ).search(folded);
      for (const result of fuzzyResults) {
        const textId = candidates[result.refIndex] ?? -1;
        const matchText = result.item;
        const found = result.matches?.[0]?.indices ?? [];
        const base =
          fuzzyBase + (result.score ?? 1) + uncoveredPenalty * (1 - coverage(matchText, found));
        const indices = Object.freeze(
          found.map(([start, end]) => Object.freeze([start, end] as const)),
        );
        for (const recordIndex of recordsOfText[textId] ?? none) {
          const record = phrases[recordIndex];
          if (record === undefined) continue;
          // Ranges are found in the folded phrase; they hold for the phrase as written when
          // folding kept its length (it almost always does: case and hyphens only).
          const sameLength = matchText.length === record.text.length;
          offer(
            record.entry,
            base + fuzzyFieldPenalty[record.field],
            false,
            sameLength
              ? { field: record.field, text: record.text, indices }
              : { field: record.field, text: record.text },
            ownFields.has(record.field),
          );
        }
      }
    }

    // (4) Word overlap with every field. An age under the child threshold ("a 14-year-old") is
    // the child word; other numbers say nothing about an entry.
    const meaningful: string[] = [];
    for (const word of withAgesAsChild(words)) {
      if (stopWords.has(word) || isNumber(word) || meaningful.includes(word)) continue;
      meaningful.push(word);
    }
    if (meaningful.length > 0 && meaningful.length <= maxPhraseWords) {
      let total = 0;
      const found: (readonly Posting[])[] = [];
      const touched: number[] = [];
      const gain = (entry: number, weight: number): void => {
        if (gained[entry] === 0) touched.push(entry);
        gained[entry] = (gained[entry] ?? 0) + weight;
      };
      for (let position = 0; position < meaningful.length; position++) {
        const word = meaningful[position] ?? '';
        const weight = idf(word);
        let list = postings.get(word);
        let factor = 1;
        if (list === undefined) {
          total += weight * unknownWordWeight;
          const corrected = correct(word);
          if (corrected === undefined) continue;
          meaningful[position] = corrected;
          list = postings.get(corrected);
          factor = correctedWordWeight * unknownWordWeight;
        } else {
          total += weight;
        }
        if (list === undefined) continue;
        found.push(list);
        for (const posting of list) gain(posting.entry, weight * factor * posting.weight);
      }
      // Words next to each other in the query and in the entry ("images of abuse" ~ "abuse
      // images") count extra; pairs the entry lacks count against it.
      for (let index = 1; index < meaningful.length; index++) {
        const first = meaningful[index - 1] ?? '';
        const second = meaningful[index] ?? '';
        const weight = pairWeight * Math.min(idf(first), idf(second));
        total += weight;
        const byEntry = pairs.get(pairKey(first, second));
        if (byEntry !== undefined) {
          // forEach: iterating a Map with for…of allocates an [entry, weight] pair per item.
          byEntry.forEach((fieldWeight, entry) => {
            if ((gained[entry] ?? 0) > 0) gain(entry, weight * fieldWeight);
          });
        }
      }
      // "kids", "a 14-year-old", "teenagers" say the query is about a child: a bonus (never a
      // requirement) for entries that use the word.
      if (!meaningful.includes(childWord) && impliesChild(words)) {
        const weight = idf(childWord) * impliedChildWeight;
        for (const posting of postings.get(childWord) ?? none) {
          if ((gained[posting.entry] ?? 0) > 0) gain(posting.entry, weight * posting.weight);
        }
      }
      for (const entry of touched) {
        const relevance = total > 0 ? Math.min(1, (gained[entry] ?? 0) / total) : 0;
        gained[entry] = overlapBase + overlapSlope * (1 - relevance);
      }
      // Only entries that can make the cut get their reasons recorded (a common word like
      // "child" touches nearly every entry).
      for (const list of found) {
        for (const posting of list) {
          const score = gained[posting.entry] ?? 1;
          if (score <= maxScore) {
            offer(posting.entry, score, false, { field: posting.field, text: posting.text });
          }
        }
      }
      for (const entry of touched) gained[entry] = 0;
    }

    preferPreferred(best, meaningful);
    return finish(best);
  }

  /**
   * A discouraged entry found only because the query shares words with it (no phrase of its own
   * wording) goes right behind its preferred entry when that one is found too: the query names the
   * concept, and the preferred entry is the better answer ("abuse that happened years ago" →
   * non-recent abuse before historical abuse). It keeps its place when the query uses a word that
   * is its own (a headword or form word) more than the preferred entry's ("bride" for child bride).
   */
  function preferPreferred(best: AnswerTable, words: readonly string[]): void {
    for (const entry of best.entries) {
      const answer = best.get(entry);
      if (answer === undefined || answer.own || !pointsElsewhere[entry]) continue;
      for (const preferred of preferredEntries[entry] ?? none) {
        const target = best.get(preferred);
        // Only when the preferred entry is found, and not already ahead.
        if (target === undefined || target.score > maxScore || target.score < answer.score) {
          continue;
        }
        if (usesOwnWord(entry, preferred, words)) continue;
        answer.score = Math.min(maxScore, target.score + behindPreferred);
      }
    }
  }

  /** Does a query word name `entry` in a headword, form or abbreviation more than it names `other`? */
  function usesOwnWord(entry: number, other: number, words: readonly string[]): boolean {
    for (const word of words) {
      let own: Posting | undefined;
      let theirs: Posting | undefined;
      for (const posting of postings.get(word) ?? none) {
        if (posting.entry === entry) own = posting;
        else if (posting.entry === other) theirs = posting;
      }
      if (own !== undefined && strongFields.has(own.field) && own.weight > (theirs?.weight ?? 0)) {
        return true;
      }
    }
    return false;
  }

  /** Drops what scores above `maxScore`, orders the rest, freezes it for the cache. */
  function finish(best: AnswerTable): readonly Ranked[] {
    const ranked: Ranked[] = [];
    for (const entry of best.entries) {
      const answer = best.get(entry);
      if (answer === undefined || answer.score > maxScore) continue;
      ranked.push(
        Object.freeze({
          entry,
          // Rounded: sums of weights should tie when they are equal, not differ in the 17th digit.
          score: Math.min(1, Math.round(answer.score * 10_000) / 10_000),
          exact: answer.exact,
          matches: Object.freeze(orderMatches(answer.matches)),
        }),
      );
    }
    ranked.sort(
      (a, b) =>
        a.score - b.score ||
        Number(b.exact) - Number(a.exact) ||
        statusRank(terms[a.entry]) - statusRank(terms[b.entry]) ||
        // Dataset order (sorted by id); localeCompare would cost more than the whole search.
        a.entry - b.entry,
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

/** On a tie, the preferred wording first. */
function statusRank(term: Term | undefined): number {
  return term === undefined ? 3 : term.status === 'use' ? 0 : term.status === 'caution' ? 1 : 2;
}

const digits = /^\d+$/u;
const isNumber = (word: string): boolean => digits.test(word);

function countContentWords(words: readonly string[]): number {
  let count = 0;
  for (const word of words) if (!stopWords.has(word)) count++;
  return count;
}

const byFieldRank = (a: SearchMatch, b: SearchMatch): number =>
  fieldRank[a.field] - fieldRank[b.field];

/**
 * Strongest reason first, then by field; one match per (field, text). Answers hold a handful of
 * matches, so a linear scan beats building keys for a Set.
 */
function orderMatches(matches: SearchMatch[]): SearchMatch[] {
  if (matches.length > 2) {
    const [first] = matches;
    const rest = matches.slice(1).sort(byFieldRank);
    matches.length = 1;
    if (first !== undefined) for (const match of rest) matches.push(match);
  }
  const unique: SearchMatch[] = [];
  for (const match of matches) {
    let seen = false;
    for (const kept of unique) {
      if (kept.field === match.field && kept.text === match.text) {
        seen = true;
        break;
      }
    }
    if (!seen) unique.push(Object.freeze(match));
  }
  return unique;
}
