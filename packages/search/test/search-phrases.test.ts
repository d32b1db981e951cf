import { describe, expect, it } from 'vitest';
import { createSearch, toSearchDocuments } from '@luxlint/search';
import { makeTerm } from './sample-terms.js';

/** A discouraged entry and its preferred entry, as in the dataset's "historical abuse" pair. */
const terms = [
  makeTerm({
    id: 'ancient-abuse',
    status: 'avoid',
    category: 'victims',
    term: 'ancient abuse',
    match: ['ancient abuse', 'olden abuse'],
    preferred: ['earlier-abuse'],
    summary: 'Say earlier abuse; the word ancient suggests the harm is over.',
    why: 'Abuse that took place long ago still harms survivors and can still be prosecuted.',
  }),
  makeTerm({
    id: 'earlier-abuse',
    status: 'use',
    category: 'victims',
    term: 'earlier abuse',
    searchPhrases: ['abuse in the distant past', 'long-ago abuse'],
    summary: 'Abuse that took place some time before it is reported.',
    why: 'Describes the timing without suggesting the harm to survivors has ended.',
  }),
  makeTerm({
    id: 'unrelated-entry',
    status: 'use',
    category: 'online',
    term: 'unrelated entry',
    summary: 'An entry about something else entirely.',
    why: 'It is here so that the search has more than one neighbour.',
  }),
];
const searcher = createSearch(terms, { cacheSize: 0 });
const ids = (query: string): string[] => searcher.search(query).map((result) => result.term.id);

describe('search phrases', () => {
  it('are part of the search document, in their own field', () => {
    const [, earlier] = toSearchDocuments(terms);
    expect(earlier?.searchPhrase).toEqual(['abuse in the distant past', 'long-ago abuse']);
  });

  it('find their entry exactly, scored below its own words but above pointers elsewhere', () => {
    const [first] = searcher.search('Long ago abuse');
    expect(first?.term.id).toBe('earlier-abuse');
    expect(first?.exact).toBe(true);
    expect(first?.matches[0]).toEqual({ field: 'searchPhrase', text: 'long-ago abuse' });
    expect(first?.score).toBeGreaterThan(searcher.search('earlier abuse')[0]?.score ?? 1);
    expect(first?.score).toBeLessThan(0.05);
  });

  it('are found inside a longer query and fuzzily', () => {
    expect(ids('what to call abuse in the distant past')[0]).toBe('earlier-abuse');
    expect(ids('long-ago abuze')[0]).toBe('earlier-abuse');
  });
});

describe('a discouraged entry and its preferred entry both found', () => {
  it('the preferred entry comes first when the query describes the concept', () => {
    // The discouraged entry's prose shares more words with the query ("still harms survivors"),
    // but neither entry's own wording is used: the preferred one is the answer.
    const results = searcher.search('abuse that still harms survivors');
    expect(results.map((result) => result.term.id)).toEqual(['earlier-abuse', 'ancient-abuse']);
    expect(results[0]?.exact).toBe(false);
  });

  it('the discouraged entry comes first when the query uses its own wording', () => {
    expect(ids('ancient abuse')[0]).toBe('ancient-abuse');
    expect(ids('olden abuse cases in court')[0]).toBe('ancient-abuse');
    // A word only its headword has ("ancient"), inside a concept query.
    expect(ids('abuse from ancient times')[0]).toBe('ancient-abuse');
  });
});
