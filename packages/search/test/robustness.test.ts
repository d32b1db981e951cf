import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createSearch, type SearchResult } from '@luxlint/search';
import { sampleTerms } from './sample-terms.js';

const searcher = createSearch(sampleTerms, { cacheSize: 0 });

/** What every answer must satisfy, whatever the query. */
function expectWellFormed(results: readonly SearchResult[], limit = 10): void {
  expect(Array.isArray(results)).toBe(true);
  expect(results.length).toBeLessThanOrEqual(limit);
  const seen = new Set<string>();
  let previous = -Infinity;
  for (const result of results) {
    expect(seen.has(result.term.id)).toBe(false);
    seen.add(result.term.id);
    expect(result.score).toBeGreaterThanOrEqual(previous);
    expect(result.score).toBeGreaterThanOrEqual(0);
    expect(result.score).toBeLessThanOrEqual(1);
    previous = result.score;
    expect(result.matches.length).toBeGreaterThan(0);
  }
}

describe('odd input', () => {
  const oddQueries: readonly (readonly [string, string])[] = [
    ['empty', ''],
    ['whitespace only', ' \t\n\r\u00a0\u2003 '],
    ['10,000 characters', 'child porn '.repeat(910).slice(0, 10_000)],
    ['10,000 random-ish letters', 'abcdefghij'.repeat(1000)],
    ['combining marks only', '\u0301\u0308\u0327\u0301'],
    ['stacked combining marks', 'c\u0301\u0308h\u0327i\u0301l\u0308d porn'],
    ['emoji', '👶🔞📷 🙈'],
    ['emoji around a term', '🔞 child porn 🔞'],
    ['ZWJ sequence', '👨‍👩‍👧‍👦'],
    ['RTL text', 'استغلال الأطفال جنسيا'],
    ['RTL override', '\u202echild porn\u202c'],
    ['lone high surrogate', 'child \ud83d porn'],
    ['lone low surrogate', '\ude00 sextortion'],
    ['control characters', '\u0000\u0001\u0007child\u001bporn\u007f'],
    ['only punctuation', '!!!???...---'],
    ['regex metacharacters', '.*+?^${}()|[]\\'],
    ['very long word', 'x'.repeat(10_000)],
    ['NUL padding', '\u0000'.repeat(500)],
    ['fullwidth letters', 'ｃｈｉｌｄ ｐｏｒｎ'],
  ];

  it.each(oddQueries)('%s: no throw, a well-formed answer', (_name, query) => {
    const results = searcher.search(query);
    expectWellFormed(results);
  });

  it('returns nothing for empty, blank and symbol-only queries', () => {
    for (const query of ['', '   ', '\n\t', '!!!???', '👶🔞📷', '\u0301\u0308']) {
      expect(searcher.search(query)).toEqual([]);
    }
  });

  it('still finds a term wrapped in emoji, control characters, odd case or width', () => {
    expect(searcher.search('🔞 child porn 🔞')[0]?.term.id).toBe('child-porn');
    expect(searcher.search('\u0000\u0001\u0007child\u001bporn\u007f')[0]?.term.id).toBe(
      'child-porn',
    );
    expect(searcher.search('ｃｈｉｌｄ ｐｏｒｎ')[0]?.term.id).toBe('child-porn');
    expect(searcher.search('\u202echild porn\u202c')[0]?.term.id).toBe('child-porn');
  });

  it('does not throw on values that are not strings (JavaScript callers)', () => {
    for (const value of [undefined, null, 42, {}, []]) {
      expect(searcher.search(value as unknown as string)).toEqual([]);
    }
  });
});

describe('properties', () => {
  const runs = Number(process.env.FUZZ_RUNS ?? 300);

  it('never throws and always answers well-formed, for any string and options', () => {
    fc.assert(
      fc.property(
        fc.oneof(
          fc.string({ unit: 'grapheme', maxLength: 80 }),
          fc.string({ unit: 'binary', maxLength: 80 }),
          fc.string({
            unit: fc.constantFrom(..."child porn sextortion CSAM -'’ ".split('')),
            maxLength: 60,
          }),
        ),
        fc.integer({ min: -2, max: 20 }),
        (query, limit) => {
          const results = searcher.search(query, { limit });
          expectWellFormed(results, Math.max(limit, 0));
        },
      ),
      { numRuns: runs },
    );
  });

  it('is unchanged by letter case, surrounding spaces and repeated spaces', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(
          'child porn',
          'kiddy porn',
          'sextortion',
          'csam',
          'sexualised images of children',
          'pedophille',
        ),
        fc.array(fc.boolean(), { minLength: 40, maxLength: 40 }),
        fc.nat({ max: 3 }),
        (query, upper, padding) => {
          const cased = [...query]
            .map((char, index) => (upper[index % upper.length] ? char.toUpperCase() : char))
            .join('');
          const padded = `${' '.repeat(padding)}${cased.replaceAll(' ', '  ')}${' '.repeat(padding)}`;
          const expected = searcher.search(query).map((result) => [result.term.id, result.score]);
          const actual = searcher.search(padded).map((result) => [result.term.id, result.score]);
          expect(actual).toEqual(expected);
        },
      ),
      { numRuns: runs },
    );
  });
});
