import { describe, expect, it } from 'vitest';
import { terms } from '@luxlint/terms';
import { evaluateSearch, readSearchQueries, searchTargets } from './search.js';

describe('search quality (issue 5 targets)', () => {
  const cases = readSearchQueries();
  const report = evaluateSearch(cases);

  it('has at least 60 queries of every kind, 10+ with no relevant entry', () => {
    expect(cases.length).toBeGreaterThanOrEqual(60);
    expect(cases.filter((item) => item.expected === null).length).toBeGreaterThanOrEqual(10);
    const kinds = new Set(cases.map((item) => item.kind));
    for (const kind of [
      'misspelling',
      'variant',
      'abbreviation',
      'concept',
      'discouraged',
      'none',
    ]) {
      expect(kinds).toContain(kind);
    }
  });

  it('every expected entry exists in the dataset', () => {
    const ids = new Set(terms.map((term) => term.id));
    expect(cases.filter((item) => item.expected !== null && !ids.has(item.expected))).toEqual([]);
    expect(report.skipped).toEqual([]);
  });

  it(`top-1 accuracy ≥ ${searchTargets.top1}`, () => {
    expect(report.top1).toBeGreaterThanOrEqual(searchTargets.top1);
  });

  it(`top-3 accuracy = ${searchTargets.top3}`, () => {
    expect(
      report.misses.filter((miss) => miss.expected !== null && !miss.got.includes(miss.expected)),
    ).toEqual([]);
  });

  it('queries with no relevant entry return nothing', () => {
    expect(report.misses.filter((miss) => miss.expected === null)).toEqual([]);
    expect(report.nullEmpty).toBe(searchTargets.nullEmpty);
  });
});
