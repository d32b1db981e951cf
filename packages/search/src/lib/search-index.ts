import type { Term } from '@luxlint/terms';
import type { phraseFields } from './documents.js';
import {
  toPhraseRecords,
  toSearchDocuments,
  type SearchDocument,
  type SearchField,
} from './documents.js';
import { foldText, keyWords, stopWords } from './normalize.js';
import type { SerializedIndex } from './types.js';

/**
 * The search index: everything derived from the entries' text that a query needs, in a JSON
 * shape (`SerializedIndex`) so it can be built at build time and only parsed at run time, and
 * its in-memory form (`SearchIndex`, rebuilt from the JSON by `hydrate`).
 */

/** Bumped whenever the index layout or the text processing behind it changes. */
const indexFormat = 2;

/** The longest phrase, in words, looked for inside a query. */
const maxPhraseLength = 8;

/** Word-overlap weights by field (the prose fields are the weakest). */
const overlapFieldWeight: Readonly<Record<Exclude<SearchField, 'id'>, number>> = {
  term: 1,
  match: 1,
  abbreviation: 0.9,
  alternative: 0.6,
  searchPhrase: 0.8,
  preferred: 0.3,
  summary: 0.7,
  why: 0.5,
};
/** Word-overlap weight of an alternative of a `use` entry (a synonym, nearly as good as the headword). */
const synonymOverlapWeight = 0.9;

/** Field codes of the JSON form. */
const fieldCodes: readonly SearchField[] = [
  'id',
  'term',
  'match',
  'abbreviation',
  'alternative',
  'preferred',
  'summary',
  'why',
  // Appended, so the codes of the older fields stay put.
  'searchPhrase',
];
const fieldCode = (field: SearchField): number => fieldCodes.indexOf(field);
const fieldOf = (code: number): SearchField => fieldCodes[code] ?? 'why';

export interface PhraseHit {
  readonly entry: number;
  readonly field: SearchField;
  readonly text: string;
}

export interface Posting {
  readonly entry: number;
  readonly field: SearchField;
  readonly text: string;
  readonly weight: number;
}

export interface IndexedPhrase {
  readonly entry: number;
  readonly field: (typeof phraseFields)[number];
  readonly text: string;
  /** `text` folded (lower case, no diacritics, American spelling): what fuzzy matching compares. */
  readonly folded: string;
}

/** The in-memory index. */
export interface SearchIndex {
  readonly phrases: readonly IndexedPhrase[];
  /** Exact-phrase key (see `keyWords`) → the entries having that phrase, strongest field first. */
  readonly table: ReadonlyMap<string, readonly PhraseHit[]>;
  /** Longest phrase in words (capped). */
  readonly longest: number;
  /** Word → the entries using it, with their strongest field. */
  readonly postings: ReadonlyMap<string, readonly Posting[]>;
  /** Adjacent word pair (either order) → entry → best field weight. */
  readonly pairs: ReadonlyMap<string, ReadonlyMap<number, number>>;
  /** Rarity of a word across entries (unknown words are the rarest). */
  readonly idf: (word: string) => number;
}

/**
 * FNV-1a over what the index is built from (ids, aliases, statuses, preferred ids, and per
 * language the headword, abbreviations, match forms, alternatives, summary and why) plus the
 * index format: cheap to check on every load, stable across runtimes.
 */
export function fingerprint(terms: readonly Term[]): string {
  let hash = 0x811c9dc5;
  let length = 0;
  const feed = (text: string): void => {
    for (let index = 0; index < text.length; index++) {
      hash ^= text.charCodeAt(index);
      hash = Math.imul(hash, 0x01000193) >>> 0;
    }
    // A separator, so ["ab", "c"] and ["a", "bc"] differ.
    hash ^= 0x1f;
    hash = Math.imul(hash, 0x01000193) >>> 0;
    length += text.length + 1;
  };
  for (const term of terms) {
    feed(term.id);
    feed(term.status);
    for (const alias of term.aliases) feed(alias);
    feed('>');
    for (const id of term.preferred) feed(id);
    for (const [lang, text] of Object.entries(term.text)) {
      feed(lang);
      feed(text.term);
      for (const abbreviation of text.abbreviations) feed(abbreviation);
      feed('|');
      for (const form of text.match) feed(form.phrase);
      feed('|');
      for (const alternative of text.alternatives) feed(alternative);
      feed('|');
      for (const phrase of text.searchPhrases ?? []) feed(phrase);
      feed(text.summary);
      feed(text.why);
    }
  }
  return `${indexFormat}-${terms.length}-${length}-${hash.toString(16).padStart(8, '0')}`;
}

/** Builds the serialisable index of a dataset (what `scripts/generate-index.ts` writes). */
export function buildIndex(terms: readonly Term[]): SerializedIndex {
  const documents = toSearchDocuments(terms);
  const strings: string[] = [];
  const stringIds = new Map<string, number>();
  const ref = (text: string): number => {
    let id = stringIds.get(text);
    if (id === undefined) {
      id = strings.length;
      strings.push(text);
      stringIds.set(text, id);
    }
    return id;
  };

  const phrases = toPhraseRecords(documents).map(
    (record) =>
      [
        record.entry,
        fieldCode(record.field),
        ref(record.text),
        ref(foldText(record.text)),
      ] as const,
  );

  const table = new Map<string, [number, number, number][]>();
  let longest = 1;
  const addPhrase = (entry: number, field: SearchField, text: string): void => {
    const words = keyWords(text);
    if (words.length === 0) return;
    longest = Math.max(longest, words.length);
    const key = words.join('');
    const hits = table.get(key);
    if (hits === undefined) table.set(key, [[entry, fieldCode(field), ref(text)]]);
    else if (!hits.some(([other]) => other === entry))
      hits.push([entry, fieldCode(field), ref(text)]);
  };
  // Strong fields first, so an entry keeps its strongest reason when a phrase repeats.
  for (const field of [
    'term',
    'match',
    'abbreviation',
    'id',
    'alternative',
    'searchPhrase',
    'preferred',
  ] as const) {
    documents.forEach((document, entry) => {
      if (field === 'id') {
        addPhrase(entry, 'id', document.id);
        for (const alias of terms[entry]?.aliases ?? []) addPhrase(entry, 'id', alias);
      } else {
        for (const text of document[field]) addPhrase(entry, field, text);
      }
    });
  }

  const postings = new Map<string, [number, number, number, number][]>();
  const pairs = new Map<string, Map<number, number>>();
  documents.forEach((document: SearchDocument, entry) => {
    for (const field of Object.keys(overlapFieldWeight) as (keyof typeof overlapFieldWeight)[]) {
      const weight =
        field === 'alternative' && terms[entry]?.status === 'use'
          ? synonymOverlapWeight
          : overlapFieldWeight[field];
      for (const text of document[field]) {
        const words = keyWords(text).filter((word) => !stopWords.has(word));
        for (const word of new Set(words)) {
          const list = postings.get(word) ?? [];
          const at = list.findIndex(([other]) => other === entry);
          const posting: [number, number, number, number] = [
            entry,
            fieldCode(field),
            ref(text),
            weight,
          ];
          if (at === -1) list.push(posting);
          else if ((list[at]?.[3] ?? 0) < weight) list[at] = posting;
          postings.set(word, list);
        }
        for (let index = 1; index < words.length; index++) {
          const key = pairKey(words[index - 1] ?? '', words[index] ?? '');
          const byEntry = pairs.get(key) ?? new Map<number, number>();
          byEntry.set(entry, Math.max(byEntry.get(entry) ?? 0, weight));
          pairs.set(key, byEntry);
        }
      }
    }
  });

  return {
    fingerprint: fingerprint(terms),
    entries: terms.length,
    strings,
    phrases,
    table: [...table],
    longest: Math.min(longest, maxPhraseLength),
    postings: [...postings],
    pairs: [...pairs].map(([key, byEntry]) => [key, [...byEntry]] as const),
  };
}

/** The in-memory index of a serialised one. */
export function hydrate(index: SerializedIndex): SearchIndex {
  const text = (id: number): string => index.strings[id] ?? '';
  const phrases = index.phrases.map(([entry, field, textId, foldedId]) => ({
    entry,
    field: fieldOf(field) as IndexedPhrase['field'],
    text: text(textId),
    folded: text(foldedId),
  }));
  const table = new Map(
    index.table.map(([key, hits]) => [
      key,
      hits.map(([entry, field, textId]) => ({ entry, field: fieldOf(field), text: text(textId) })),
    ]),
  );
  const postings = new Map(
    index.postings.map(([word, list]) => [
      word,
      list.map(([entry, field, textId, weight]) => ({
        entry,
        field: fieldOf(field),
        text: text(textId),
        weight,
      })),
    ]),
  );
  const pairs = new Map(index.pairs.map(([key, list]) => [key, new Map(list)]));
  const entries = Math.max(index.entries, 1);
  const rarity = (count: number): number => Math.log(1 + (entries + 1) / (count + 0.5));
  // A word's rarity is computed on its first look-up and kept (not at load, which must stay fast).
  const idfTable = new Map<string, number>();
  const unknownIdf = rarity(0);
  const idf = (word: string): number => {
    let value = idfTable.get(word);
    if (value === undefined) {
      const list = postings.get(word);
      if (list === undefined) return unknownIdf;
      value = rarity(list.length);
      idfTable.set(word, value);
    }
    return value;
  };
  return { phrases, table, longest: index.longest, postings, pairs, idf };
}

export function pairKey(first: string, second: string): string {
  return first < second ? `${first} ${second}` : `${second} ${first}`;
}
