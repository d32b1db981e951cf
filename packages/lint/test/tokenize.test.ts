/**
 * The table-driven tokenizer (src/lib/tokenize.ts) must give exactly what parse-english's
 * `tokenize` gives — node types, values and positions — on any text.
 */
import fc from 'fast-check';
import { ParseEnglish } from 'parse-english';
import { describe, expect, it } from 'vitest';
import { tokenize } from '../src/lib/tokenize.js';

const runs = Number(process.env['FUZZ_RUNS'] ?? '3000');
const seed = Number(process.env['FUZZ_SEED'] ?? '20261122');

const pieces = fc.constantFrom(
  'child',
  'Porn',
  "'s",
  '’',
  'co-operate',
  '2011/93/EU',
  '13-year-old',
  'e.g.',
  '...',
  '!!',
  '?!',
  '—',
  '--',
  '"',
  '“',
  '(',
  ')',
  '&',
  '$',
  '€',
  '%',
  '#',
  '@',
  '*',
  '+',
  ' ',
  '  ',
  '\t',
  '\n',
  '\r\n',
  '\r',
  '\n\n',
  '\u00A0',
  '\u2028',
  '\u200B',
  '\uFEFF',
  'é',
  'e\u0301',
  'naïve',
  'Ünïcödé',
  '東京',
  'שלום',
  'مرحبا',
  '😀',
  '👩‍👧',
  '🇱🇺',
  '\uD83D',
  '\uDE00',
  '\u0000',
  '½',
  '²',
  '٣',
);
const text = fc.oneof(
  fc.array(pieces, { maxLength: 40 }).map((parts) => parts.join('')),
  fc.string({ unit: 'grapheme', maxLength: 60 }),
  fc.string({ unit: 'binary', maxLength: 60 }),
);

describe('tokenize = ParseEnglish#tokenize', () => {
  const parser = new ParseEnglish();

  it('on generated text', () => {
    fc.assert(
      fc.property(text, (value) => {
        expect(tokenize(value)).toEqual(parser.tokenize(value));
      }),
      { numRuns: runs, seed },
    );
  });

  it('on every UTF-16 unit alone, doubled and between letters', () => {
    for (let code = 0; code < 0x10000; code += 1) {
      const unit = String.fromCharCode(code);
      for (const value of [unit, unit + unit, `a${unit}b`]) {
        expect(tokenize(value), `U+${code.toString(16)}`).toEqual(parser.tokenize(value));
      }
    }
  });

  it('on nothing', () => {
    expect(tokenize('')).toEqual([]);
  });
});
