import { describe, expect, it } from 'vitest';
import { createSearch, type SearchResult } from '@luxlint/search';
import { sampleTerms } from './sample-terms.js';

const searcher = createSearch(sampleTerms, { cacheSize: 0 });
const ids = (results: readonly SearchResult[]): string[] => results.map((result) => result.term.id);
const top = (query: string): string | undefined => searcher.search(query)[0]?.term.id;

describe('exact and alias hits', () => {
  it('finds an entry by its headword, as an exact hit with score 0', () => {
    const [first] = searcher.search('child pornography');
    expect(first?.term.id).toBe('child-pornography');
    expect(first?.exact).toBe(true);
    expect(first?.score).toBe(0);
    expect(first?.matches[0]).toEqual({ field: 'term', text: 'child pornography' });
  });

  it('returns a discouraged phrase first, with its preferred wording', () => {
    const [first] = searcher.search('kiddie porn');
    expect(first?.term.id).toBe('child-porn');
    expect(first?.exact).toBe(true);
    expect(first?.matches[0]).toEqual({ field: 'match', text: 'kiddie porn' });
    expect(first?.preferred).toEqual(['child sexual abuse material']);
  });

  it('returns the preferred entry first for a preferred phrase, then the entries pointing at it', () => {
    const results = searcher.search('child sexual abuse material');
    expect(ids(results).slice(0, 3)).toEqual([
      'child-sexual-abuse-material',
      'child-porn',
      'child-pornography',
    ]);
    expect(results[1]?.exact).toBe(true);
    expect(results[1]?.matches[0]?.field).toBe('preferred');
    expect(results[0]!.score).toBeLessThan(results[1]!.score);
  });

  it('ranks every exact hit before every fuzzy hit', () => {
    const results = searcher.search('child sexual abuse material');
    const firstFuzzy = results.findIndex((result) => !result.exact);
    const lastExact = results.map((result) => result.exact).lastIndexOf(true);
    expect(lastExact).toBeGreaterThanOrEqual(0);
    if (firstFuzzy !== -1) expect(lastExact).toBeLessThan(firstFuzzy);
  });

  it.each([
    ['CSAM', 'child-sexual-abuse-material'],
    ['csam', 'child-sexual-abuse-material'],
    ['SECTT', 'sexual-exploitation-of-children-in-travel-and-tourism'],
    ['csem', 'child-sexual-exploitation-material'],
  ])('finds abbreviation %s case-insensitively', (query, id) => {
    const [first] = searcher.search(query);
    expect(first?.term.id).toBe(id);
    expect(first?.exact).toBe(true);
  });

  it.each([
    'child-pornography',
    'Child Pornography',
    'CHILD PORNOGRAPHY',
    'childpornography',
    'child pornographies',
    'child pornography’s',
    '  child   pornography. ',
    'chîld pörnography',
    'the child pornography',
  ])(
    'treats %j as the headword (case, hyphen, space, plural, punctuation, diacritics)',
    (query) => {
      const [first] = searcher.search(query);
      expect(first?.term.id).toBe('child-pornography');
      expect(first?.exact).toBe(true);
    },
  );

  it('expands |-slots of match forms', () => {
    expect(top('kiddy porn')).toBe('child-porn');
    expect(top('kid porn')).toBe('child-porn');
    expect(top('had sex with a minor')).toBe('sex-with-a-child');
    expect(top('has sex with children')).toBe('sex-with-a-child');
  });

  it('finds an entry by id and by a former id', () => {
    expect(top('child-sex-tourism')).toBe('child-sex-tourism');
    const [byAlias] = searcher.search('csam');
    expect(byAlias?.term.id).toBe('child-sexual-abuse-material');
  });

  it('finds an entry by an alternative wording, after entries that own the phrase', () => {
    const [first] = searcher.search('sexual extortion of children');
    expect(first?.term.id).toBe('sextortion');
    expect(first?.exact).toBe(true);
    expect(first?.score).toBeGreaterThan(0);
  });

  it('searches the other languages of an entry', () => {
    expect(top('pédopornographie')).toBe('child-pornography');
    expect(top('pedopornographie')).toBe('child-pornography');
    expect(top('pornographie infantile')).toBe('child-pornography');
  });
});

describe('spelling help', () => {
  it.each([
    ['pedophile', 'paedophile'],
    ['pedophilia', 'paedophile'],
    ['pedo', 'paedophile'],
    ['sexualized images of children', 'sexualised-images-of-children'],
  ])('folds British/American spellings: %s → %s', (query, id) => {
    const [first] = searcher.search(query);
    expect(first?.term.id).toBe(id);
    expect(first?.exact).toBe(true);
  });

  it.each([
    ['pedophille', 'paedophile'],
    ['peadophile', 'paedophile'],
    ['sextorshun', 'sextortion'],
    ['kidy porn', 'child-porn'],
    ['child pronography', 'child-pornography'],
    ['chlid sex tourism', 'child-sex-tourism'],
  ])('corrects misspelling %s → %s, as a fuzzy hit', (query, id) => {
    const [first] = searcher.search(query);
    expect(first?.term.id).toBe(id);
    expect(first?.exact).toBe(false);
    expect(first?.score).toBeGreaterThan(0);
  });

  it('reports highlight ranges inside the matched text', () => {
    const [first] = searcher.search('sextorshun');
    const fuzzy = first?.matches.find((match) => match.indices !== undefined);
    expect(fuzzy).toBeDefined();
    for (const [start, end] of fuzzy!.indices!) {
      expect(start).toBeGreaterThanOrEqual(0);
      expect(end).toBeGreaterThanOrEqual(start);
      expect(end).toBeLessThan(fuzzy!.text.length);
    }
  });
});

describe('longer queries and concepts', () => {
  it('finds a known phrase inside a sentence', () => {
    expect(top('police found child pornography on his laptop')).toBe('child-pornography');
    expect(top('is kiddie porn illegal')).toBe('child-porn');
  });

  it('falls back to the words of every field, prose included', () => {
    expect(top('sex tourism with kids')).toBe('child-sex-tourism');
    expect(top('blackmail of children online')).toBe('sextortion');
  });
});

describe('relevance threshold', () => {
  it.each(['weather forecast', 'banana bread', 'qzxwvkj', 'xkcd', 'recipe for lasagne'])(
    'returns nothing for %j',
    (query) => {
      expect(searcher.search(query)).toEqual([]);
    },
  );

  it('a stricter maxScore drops fuzzy hits but keeps exact ones', () => {
    const strict = createSearch(sampleTerms, { maxScore: 0 });
    expect(ids(strict.search('child porn'))).toEqual(['child-porn']);
    expect(strict.search('sextorshun')).toEqual([]);
  });
});

describe('options', () => {
  it('limits the number of results', () => {
    expect(searcher.search('child', { limit: 2 }).length).toBeLessThanOrEqual(2);
    expect(searcher.search('child porn', { limit: 1 })).toHaveLength(1);
    expect(searcher.search('child porn', { limit: 0 })).toEqual([]);
    expect(searcher.search('child porn', { limit: -3 })).toEqual([]);
  });

  it('filters by status and category', () => {
    const preferredOnly = searcher.search('child sexual abuse material', { status: 'use' });
    expect(preferredOnly.length).toBeGreaterThan(0);
    expect(preferredOnly.every((result) => result.term.status === 'use')).toBe(true);
    const avoidOrCaution = searcher.search('child sexual abuse material', {
      status: ['avoid', 'caution'],
    });
    expect(ids(avoidOrCaution)).toContain('child-pornography');
    expect(avoidOrCaution.every((result) => result.term.status !== 'use')).toBe(true);
    const travel = searcher.search('child', { category: 'travel-and-tourism' });
    expect(travel.every((result) => result.term.category === 'travel-and-tourism')).toBe(true);
  });

  it('returns the same answer with and without the cache', () => {
    const cached = createSearch(sampleTerms);
    for (const query of ['kidy porn', 'kidy porn', 'CSAM', 'sex tourism with kids']) {
      expect(cached.search(query)).toEqual(searcher.search(query));
    }
  });

  it('hands out results a caller cannot use to corrupt the cache', () => {
    const cached = createSearch(sampleTerms);
    const first = cached.search('kidy porn');
    first.pop();
    expect(() => {
      (first[0]!.matches as unknown as unknown[]).push('x');
    }).toThrow();
    expect(cached.search('kidy porn').length).toBeGreaterThan(first.length);
  });

  it('exposes the entries it searches', () => {
    expect(searcher.terms).toBe(sampleTerms);
  });
});
