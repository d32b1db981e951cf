import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { buildCases, casesPath } from './build-cases.js';
import { caseProblems, parseCases } from './cases.js';

const written = readFileSync(casesPath, 'utf8');

describe('tests/fixtures/eval-cases.jsonl', () => {
  const cases = parseCases(written, casesPath);

  it('is what build-cases.ts generates (offsets come from code, not from hand)', () => {
    expect(written).toBe(
      buildCases()
        .map((item) => JSON.stringify(item))
        .join('\n') + '\n',
    );
  });

  it('has at least 150 cases with unique ids', () => {
    expect(cases.length).toBeGreaterThanOrEqual(150);
    expect(new Set(cases.map((item) => item.id)).size).toBe(cases.length);
  });

  it('points every expected span at its match', () => {
    for (const item of cases) {
      for (const expected of item.expected) {
        expect(item.text.slice(expected.start, expected.end), item.id).toBe(expected.match);
      }
      for (const protectedText of item.must_not_flag)
        expect(item.text, item.id).toContain(protectedText);
    }
  });

  it('covers every kind the shared README lists', () => {
    const kinds = new Set(cases.flatMap((item) => item.must_not_flag_kinds));
    expect([...kinds].sort()).toEqual([
      'adult_or_general',
      'code',
      'mention',
      'preferred',
      'quotation',
      'title',
      'trap',
      'url',
    ]);
    const stances = new Set(
      cases.flatMap((item) => item.expected.map((expected) => expected.stance)),
    );
    expect([...stances].sort()).toEqual(['avoid', 'caution']);
    const texts = cases.map((item) => item.text);
    // Variants the matcher must handle: NBSP, U+2010/U+2011 hyphens, line breaks, possessives,
    // Markdown headings, emphasis, tables and lists.
    for (const needle of [
      '\u00A0',
      '\u2011',
      '\u2010',
      'child\npornography',
      '’s ',
      '## ',
      '**',
      '| --- |',
      '\n- ',
      '> ',
    ]) {
      expect(
        texts.some((text) => text.includes(needle)),
        JSON.stringify(needle),
      ).toBe(true);
    }
  });

  it('shares no sentence with the shared development cases', () => {
    const dev = [
      'Police said the suspect stored child pornography on two laptops.',
      'So-called child pornography is in fact a record of abuse.',
    ];
    for (const sentence of dev) expect(written).not.toContain(sentence);
  });
});

describe('caseProblems', () => {
  it('reports a span that does not hold its match', () => {
    expect(
      caseProblems({
        id: 'x',
        text: 'child porn here',
        expected: [{ match: 'child porn', stance: 'avoid', start: 1, end: 11 }],
        must_not_flag: [],
        must_not_flag_kinds: [],
        category: 'flag',
      }),
    ).toEqual(['expected[0]: text.slice(1, 11) is "hild porn ", not "child porn"']);
  });

  it('reports an unknown stance, a missing protected text and mismatched kinds', () => {
    const problems = caseProblems({
      id: 'x',
      text: 'abc',
      expected: [{ match: 'a', stance: 'warn', start: 0, end: 1 }],
      must_not_flag: ['zzz'],
      must_not_flag_kinds: [],
      category: 'trap',
    });
    expect(problems).toHaveLength(3);
  });

  it('names the file and line of a malformed case', () => {
    expect(() => parseCases('{"id": 1}\n', 'cases.jsonl')).toThrow(/^cases\.jsonl:1: /);
    expect(() => parseCases('\n{not json\n', 'cases.jsonl')).toThrow(
      /^cases\.jsonl:2: not valid JSON/,
    );
  });
});
