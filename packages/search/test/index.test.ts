import { describe, expect, it } from 'vitest';
import { buildIndex, createSearch, type SerializedIndex } from '@luxlint/search';
import { makeTerm, sampleTerms } from './sample-terms.js';

const queries = [
  'child porn',
  'kidy porn',
  'CSAM',
  'sex tourism with kids',
  'pedophille',
  'banana',
];
const answers = (index?: SerializedIndex) => {
  const searcher = createSearch(sampleTerms, index === undefined ? {} : { index });
  return queries.map((query) =>
    searcher.search(query).map((result) => [result.term.id, result.score, result.matches]),
  );
};

describe('buildIndex', () => {
  it('is plain JSON that survives a round trip', () => {
    const index = buildIndex(sampleTerms);
    expect(JSON.parse(JSON.stringify(index))).toEqual(index);
    expect(index.phrases.length).toBeGreaterThan(sampleTerms.length);
    expect(index.entries).toBe(sampleTerms.length);
    expect(index.fingerprint).toMatch(/^\d+-\d+-\d+-[0-9a-f]{8}$/u);
  });

  it('is deterministic', () => {
    expect(JSON.stringify(buildIndex(sampleTerms))).toBe(JSON.stringify(buildIndex(sampleTerms)));
  });

  it('gives the same answers as an index built on the spot', () => {
    const serialized = JSON.parse(JSON.stringify(buildIndex(sampleTerms))) as SerializedIndex;
    expect(answers(serialized)).toEqual(answers());
  });

  it('changes its fingerprint when the data changes', () => {
    const changed = [
      ...sampleTerms,
      makeTerm({
        id: 'child-bride',
        status: 'caution',
        category: 'child-marriage',
        term: 'child bride',
        summary: 'A romantic label for a child in a child marriage.',
        why: 'The word bride dresses up a harmful practice as a celebration.',
      }),
    ];
    expect(buildIndex(changed).fingerprint).not.toBe(buildIndex(sampleTerms).fingerprint);
  });

  it('a stale index (another dataset) is ignored, not trusted', () => {
    const other = buildIndex(sampleTerms.slice(0, 3));
    expect(answers(other)).toEqual(answers());
  });

  it('a tampered index with the right fingerprint is what gets used (so the freshness test matters)', () => {
    const index = buildIndex(sampleTerms);
    const emptied: SerializedIndex = { ...index, phrases: [] };
    const searcher = createSearch(sampleTerms, { index: emptied });
    // Exact phrases come from the phrase table; fuzzy matching needs the phrases.
    expect(searcher.search('child porn')[0]?.term.id).toBe('child-porn');
    expect(searcher.search('sextorshun')[0]?.term.id).not.toBe('sextortion');
  });
});
