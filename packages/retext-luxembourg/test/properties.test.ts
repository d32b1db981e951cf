import fc from 'fast-check';
import { retext } from 'retext';
import { describe, expect, it } from 'vitest';
import retextLuxembourg, { createPrefilter } from 'retext-luxembourg';
import type { LuxembourgMessage } from '../src/lib/types.js';
import { applyFixes } from './helpers.js';

/** Fragments that build text full of near-misses: term words, hyphens, apostrophes, quotes, breaks. */
const fragments = [
  'child',
  'Child',
  'CHILD',
  'children',
  'kiddie',
  'porn',
  'pornography',
  'pornographic',
  'images',
  'prostitute',
  'prostitution',
  'teen',
  'age',
  'sex',
  'tourism',
  'tourist',
  'with',
  'had',
  'a',
  'an',
  '14',
  'year',
  'old',
  'girl',
  'the',
  'term',
  'so',
  'called',
  'Act',
  'Protocol',
  'on',
  'adult',
  'sextortion',
  'paedophile',
  'CSAM',
  'material',
  'abuse',
  'sexual',
  'x',
  'é',
  '😀',
  ' ',
  ' ',
  ' ',
  '\n',
  '\n\n',
  '\u00a0',
  '-',
  '\u2011',
  '\u2013',
  "'",
  '\u2019',
  "'s",
  '"',
  '\u201C',
  '\u201D',
  '.',
  ',',
  '(',
  ')',
  '*',
  'https://x.org/',
  '@',
];

const texts = fc
  .array(fc.constantFrom(...fragments), { maxLength: 40 })
  .map((parts) => parts.join(''));

function lint(text: string): LuxembourgMessage[] {
  return retext().use(retextLuxembourg, { reportSkipped: true }).processSync(text)
    .messages as LuxembourgMessage[];
}

describe('properties (real dataset)', () => {
  const prefilter = createPrefilter();

  it('the prefilter is conservative: no message where it says false', () => {
    fc.assert(
      fc.property(texts, (text) => {
        if (!prefilter(text)) expect(lint(text)).toEqual([]);
      }),
      { numRuns: 400 },
    );
  });

  it('every message spans the original text it reports, and fixes stay inside the text', () => {
    fc.assert(
      fc.property(texts, (text) => {
        for (const message of lint(text)) {
          const place = message.place;
          if (!place || !('start' in place)) throw new Error('message without a span');
          const start = place.start.offset ?? -1;
          const end = place.end.offset ?? -1;
          expect(start).toBeGreaterThanOrEqual(0);
          expect(end).toBeGreaterThan(start);
          expect(message.actual).toBe(text.slice(start, end));
          if (message.fix) {
            expect(message.fix.offset).toBeGreaterThanOrEqual(0);
            expect(message.fix.endOffset).toBeLessThanOrEqual(text.length);
          }
        }
      }),
      { numRuns: 400 },
    );
  });

  it('applying fixes is idempotent: a second pass has nothing more to fix', () => {
    fc.assert(
      fc.property(texts, (text) => {
        const once = applyFixes(text, lint(text));
        const twice = applyFixes(once, lint(once));
        expect(twice).toBe(once);
      }),
      { numRuns: 300 },
    );
  });

  it('survives hostile input', () => {
    for (const text of [
      '',
      ' ',
      '\n\n\n',
      '-'.repeat(10_000),
      'child'.repeat(5_000),
      `${'"'.repeat(999)}child porn`,
    ]) {
      expect(() => lint(text)).not.toThrow();
    }
  });
});
