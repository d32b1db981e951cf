import { describe, expect, it } from 'vitest';
import { found, lintTest } from './helpers.js';
import type { LuxembourgMessage } from '../src/lib/types.js';

describe('forms generated from lemmas', () => {
  it.each([
    ['child pornography', 'child pornography'],
    ['CHILD PORNOGRAPHY', 'CHILD PORNOGRAPHY'],
    ['Child Pornography', 'Child Pornography'],
    ['child-pornography', 'child-pornography'],
    ['child\u2010pornography', 'child\u2010pornography'],
    ['child\u2011pornography', 'child\u2011pornography'],
    ['child\u2012pornography', 'child\u2012pornography'],
    ['child\u2013pornography', 'child\u2013pornography'],
    ['child\u00a0pornography', 'child\u00a0pornography'],
    ['child\npornography', 'child\npornography'],
    ['child  pornography', 'child  pornography'],
    ['childpornography', 'childpornography'],
    ["children's pornography", "children's pornography"],
    ['children\u2019s pornography', 'children\u2019s pornography'],
    ["child's pornography", "child's pornography"],
    ['children pornography', 'children pornography'],
    ['child pornographers', 'child pornographers'],
    ["child pornographer's", "child pornographer's"],
  ])('matches %j', (written, actual) => {
    expect(found(`They found ${written} there.`)).toEqual([`child-pornography:${actual}`]);
  });

  it('matches plural -s, -es, -ies and irregular plurals', () => {
    expect(found('Two child prostitutes, a teenage prostitute, child sex tourists.')).toEqual([
      'child-prostitute:child prostitutes',
      'child-prostitute:teenage prostitute',
      'child-sex-tourism:child sex tourists',
    ]);
  });

  it('matches `|` alternatives in any slot, joined or hyphenated', () => {
    expect(found('kiddie porn, kiddy-porn, KIDDIEPORNO and childporn.')).toEqual([
      'child-porn:kiddie porn',
      'child-porn:kiddy-porn',
      'child-porn:KIDDIEPORNO',
      'child-porn:childporn',
    ]);
  });

  it('matches a hyphenated compound of three words', () => {
    expect(found('Child-sex-tourism operators were fined.')).toEqual([
      'child-sex-tourism:Child-sex-tourism',
    ]);
  });

  it('matches whole words only', () => {
    expect(found('The childish pornographyx, sextortions aside.')).toEqual([
      'sextortion:sextortions',
    ]);
    expect(found('He was a child. Pornography is legal for adults.')).toEqual([
      'pornography-bare:Pornography',
    ]);
    expect(found('A child, pornography.')).toEqual(['pornography-bare:pornography']);
  });

  it('does not match across a paragraph break or a sentence end', () => {
    expect(found('It was a child.\n\nPornography came later.')).toEqual([
      'pornography-bare:Pornography',
    ]);
  });

  it('prefers the longest match and reports no overlapping duplicates', () => {
    expect(found('child pornography')).toEqual(['child-pornography:child pornography']);
    expect(found('child pornographic material')).toEqual([
      'child-pornography:child pornographic material',
    ]);
  });

  it('respects case-sensitive forms', () => {
    expect(found('The CP unit.')).toEqual(['ocse-acronym:CP']);
    expect(found('The cp unit and Cp.')).toEqual([]);
  });

  it('reports the full span with offsets into the file', () => {
    const [message] = lintTest('Police seized\nchild pornography.').messages as LuxembourgMessage[];
    expect(message?.place).toEqual({
      start: { line: 2, column: 1, offset: 14 },
      end: { line: 2, column: 18, offset: 31 },
    });
  });

  it('never matches inside URLs or e-mail addresses', () => {
    expect(
      found('See https://example.org/child-pornography-report and www.childporn.example/x.'),
    ).toEqual([]);
    expect(found('Write to child-porn@example.org today.')).toEqual([]);
  });
});
