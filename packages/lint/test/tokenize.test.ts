/**
 * The table-driven tokenizer (src/lib/tokenize.ts) must give exactly what parse-english's
 * `tokenize` gives — node types, values and positions — on any text.
 */
import fc from 'fast-check';
import { ParseEnglish } from 'parse-english';
import { describe, expect, it } from 'vitest';
import { toString } from 'nlcst-to-string';
import type { SentenceContent } from 'nlcst';
import type { Position } from 'unist';
import { charEnd, charStart, textPiece, type TextPiece } from '../src/lib/pieces.js';
import { LineIndex } from '../src/lib/positions.js';
import { tokenize, tokenizePiece } from '../src/lib/tokenize.js';

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

/**
 * What `tokenizePiece` replaces: parse-english's tokens, each then placed in the file through the
 * piece's character map and a line index (one node at a time, as the engine used to).
 */
function placedTokens(piece: TextPiece, lines: LineIndex): SentenceContent[] {
  const parser = new ParseEnglish();
  interface Node {
    position?: Position | undefined;
    children?: Node[];
  }
  const place = (nodes: Node[], from: number): void => {
    let index = from;
    for (const node of nodes) {
      const length = toString(node as SentenceContent).length;
      const start = charStart(piece, index);
      const end = length > 0 ? charEnd(piece, index + length - 1) : start;
      node.position = { start: lines.toPoint(start), end: lines.toPoint(end) };
      if (node.children) place(node.children, index);
      index += length;
    }
  };
  const tokens = parser.tokenize(piece.value);
  place(tokens as Node[], 0);
  return tokens;
}

describe('tokenizePiece = tokens placed in the file', () => {
  // A document around the piece: text before it (lines to count), then the piece's source, which
  // is its value verbatim, or written with character references and escapes (a mapped piece).
  const document = fc.tuple(
    fc.array(pieces, { maxLength: 8 }).map((parts) => parts.join('')),
    text,
    fc.boolean(),
  );

  it('on generated pieces, verbatim and mapped', () => {
    fc.assert(
      fc.property(document, ([before, value, mapped]) => {
        const source = mapped
          ? value.replaceAll('&', '&amp;').replaceAll('é', '&eacute;').replaceAll('*', '\\*')
          : value;
        const file = `${before}${source}\n`;
        const piece = textPiece(value, file, before.length, before.length + source.length);
        const lines = new LineIndex(file);
        expect(tokenizePiece(piece, lines)).toEqual(placedTokens(piece, lines));
      }),
      { numRuns: runs, seed },
    );
  });

  it('on nothing', () => {
    expect(tokenizePiece(textPiece('', 'x', 1, 1), new LineIndex('x'))).toEqual([]);
  });
});
