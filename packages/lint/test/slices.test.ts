/**
 * Enormous paragraphs are parsed in bounded pieces: `sliceBlock` cuts a block into slices (at
 * white space, paragraph boundaries first, with a continuation note elsewhere) and the sentence
 * plugins of parse-latin run over bounded runs of tokens. Both must leave what the checker sees
 * unchanged: the same syntax tree as parse-english where nothing is sliced, the same messages
 * where something is.
 */
import { ParseEnglish } from 'parse-english';
import retextEnglish from 'retext-english';
import retextLuxembourg from 'retext-luxembourg';
import fc from 'fast-check';
import { unified } from 'unified';
import { VFile } from 'vfile';
import { describe, expect, it } from 'vitest';
import { blocksToRoot } from '../src/lib/nlcst.js';
import { sliceBlock, textPiece, type Block, type TextPiece } from '../src/lib/pieces.js';
import { LineIndex } from '../src/lib/positions.js';
import { parseText } from '../src/lib/text.js';
import { generateDocument, seeded } from './corpus.js';

const runs = Number(process.env['FUZZ_RUNS'] ?? '300');

function blockOf(value: string): Block {
  return { start: 0, end: value.length, pieces: [textPiece(value, value, 0, value.length)] };
}

function textOf(block: Block): string {
  return block.pieces.map((piece) => (piece.kind === 'text' ? piece.value : '')).join('');
}

/** White space as parse-latin sees it. */
const whiteSpace = /^[\t-\r \u0085\u00A0\u1680\u2000-\u200A\u2028\u2029\u202F\u205F\u3000]+$/u;

describe('sliceBlock', () => {
  it('returns a block within the limit as it is', () => {
    const block = blockOf('Child porn was found. '.repeat(10));
    expect(sliceBlock(block, { maximum: 1000 })).toEqual([block]);
  });

  it('cuts at a line break between two sentences, where parse-latin ends the paragraph anyway', () => {
    const first = 'One sentence here. '.repeat(4) + 'Last one.';
    const second = 'Next sentence starts here. '.repeat(4);
    const value = `${first}\n${second}`;
    const slices = sliceBlock(blockOf(value), { maximum: 150 });
    expect(slices.map(textOf)).toEqual([first, second]);
    expect(slices[1]?.continues).toBeUndefined();
    expect(slices[1]?.start).toBe(first.length + 1);
  });

  it('prefers that line break to any later white space, even early in the allowance', () => {
    const value = 'Short one.\nThen ' + 'words and more words '.repeat(10);
    const slices = sliceBlock(blockOf(value), { maximum: 100 });
    expect(textOf(slices[0] as Block)).toBe('Short one.');
  });

  it('inside a sentence, cuts in the second half of the allowance and notes the continuation', () => {
    const value = 'word '.repeat(60).trimEnd();
    const slices = sliceBlock(blockOf(value), { maximum: 100 });
    expect(slices.length).toBeGreaterThan(2);
    for (const [index, slice] of slices.entries()) {
      expect(textOf(slice).length).toBeLessThanOrEqual(100);
      if (index < slices.length - 1) expect(textOf(slice).length).toBeGreaterThanOrEqual(50);
      const previous = slices[index - 1];
      if (!previous) expect(slice.continues).toBeUndefined();
      else expect(slice.continues).toEqual({ after: previous.end, space: ' ', sentence: true });
    }
  });

  it('between sentences on one line, continues the paragraph but not the sentence', () => {
    const value = 'Some words in a sentence. '.repeat(10).trimEnd();
    const slices = sliceBlock(blockOf(value), { maximum: 60 });
    expect(slices.length).toBeGreaterThan(1);
    for (const slice of slices.slice(1)) {
      expect(slice.continues?.sentence).toBe(false);
      expect(textOf(slice)).toMatch(/^Some/);
    }
  });

  it('prefers a quiet cut (no candidate near it) when told where candidates are', () => {
    const value = 'word '.repeat(20) + 'child porn ' + 'word '.repeat(40);
    const candidate = value.indexOf('child porn');
    const quiet = (start: number, end: number) => end < candidate - 10 || start > candidate + 20;
    const cutsOf = (slices: Block[]) =>
      slices.slice(1).map((slice) => [slice.continues?.after ?? -1, slice.start] as const);
    const loud = cutsOf(sliceBlock(blockOf(value), { maximum: 120 }));
    const calm = cutsOf(sliceBlock(blockOf(value), { maximum: 120, quiet }));
    // Without the hint a cut lands next to the candidate; with it, every cut is well away.
    expect(loud.some(([start, end]) => !quiet(start, end))).toBe(true);
    expect(calm.length).toBeGreaterThan(0);
    for (const [start, end] of calm) expect(quiet(start, end)).toBe(true);
  });

  it('keeps a word without white space whole, however long', () => {
    const value = `${'a-'.repeat(500)}b`;
    expect(sliceBlock(blockOf(value), { maximum: 100 })).toEqual([blockOf(value)]);
  });

  it('cuts a long stretch of marks without white space between two different marks', () => {
    const value = `${'?!'.repeat(500)} child porn`;
    const slices = sliceBlock(blockOf(value), { maximum: 100 });
    expect(slices.length).toBeGreaterThan(5);
    for (const slice of slices) expect(textOf(slice).length).toBeLessThanOrEqual(100);
    const spaces = slices.slice(1).map((slice) => slice.continues?.space);
    expect(spaces.filter((space) => space === '').length).toBeGreaterThan(5);
    // The one space of the block is the only other place a cut may drop.
    expect(spaces.filter((space) => space !== '')).toEqual(spaces.includes(' ') ? [' '] : []);
    expect(slices.map(textOf).join('')).toBe(
      spaces.includes(' ') ? value.replace(' child', 'child') : value,
    );
  });

  it('maps slices of a piece with per-character offsets (decoded references) back to the file', () => {
    const source = 'one&amp;two three&amp;four five&amp;six';
    const piece = textPiece('one&two three&four five&six', source, 0, source.length);
    const slices = sliceBlock({ start: 0, end: source.length, pieces: [piece] }, { maximum: 12 });
    expect(
      slices.map((slice) => {
        const text = slice.pieces[0] as TextPiece;
        return [text.value, source.slice(text.start, text.end)];
      }),
    ).toEqual([
      ['one&two', 'one&amp;two'],
      ['three&four', 'three&amp;four'],
      ['five&six', 'five&amp;six'],
    ]);
  });

  it('slices cover the prose exactly, white space between them only, continuation notes accurate (property)', () => {
    const token = fc.constantFrom(
      'word',
      'Child',
      'porn.',
      'End.',
      '“Quoted”',
      'so-called',
      ' ',
      '  ',
      '\n',
      '\n\n',
      '\r\n',
      '\u00A0',
      'a-b-c-d-e-f',
      'x'.repeat(40),
      '?!'.repeat(20),
      ').'.repeat(15),
    );
    fc.assert(
      fc.property(
        fc.array(token, { minLength: 1, maxLength: 120 }),
        fc.integer({ min: 8, max: 120 }),
        fc.option(fc.integer({ min: 0, max: 400 })),
        (tokens, maximum, loudFrom) => {
          const value = tokens.join('');
          const block = blockOf(value);
          // Optionally, white space from some offset on is not quiet.
          const quiet =
            loudFrom === null ? undefined : (_start: number, end: number) => end <= loudFrom;
          const slices = sliceBlock(block, { maximum, quiet });
          expect(slices[0]?.start).toBe(block.start);
          expect(slices.at(-1)?.end).toBe(block.end);
          for (const [index, slice] of slices.entries()) {
            const text = textOf(slice);
            expect(text.length).toBeGreaterThan(0);
            expect(text).toBe(value.slice(slice.pieces[0]?.start, slice.pieces.at(-1)?.end));
            // Over the limit only where no (quiet) white space allowed a cut.
            if (text.length > maximum && !quiet) expect(text.trim()).not.toMatch(/\s/u);
            // Sliced again, a slice stays whole.
            expect(sliceBlock(slice, { maximum, quiet })).toHaveLength(1);
            const previous = slices[index - 1];
            if (!previous) continue;
            const between = value.slice(previous.end, slice.start);
            if (between === '') {
              // A cut between two different marks, in a stretch without white space.
              const [before, after] = [value.charAt(previous.end - 1), value.charAt(slice.start)];
              expect(before).not.toBe(after);
              expect(before + after).toMatch(/^[^\p{L}\p{N}\s]{2}$/u);
            } else {
              expect(between).toMatch(whiteSpace);
            }
            // A blank line (two line endings; CR LF is one) is a paragraph boundary.
            const boundary = (between.match(/\r\n|\r|\n/g) ?? []).length >= 2;
            if (boundary) expect(slice.continues).toBeUndefined();
            if (slice.continues) {
              expect(slice.continues).toMatchObject({ after: previous.end, space: between });
              // Only a paragraph boundary may be loud.
              if (quiet) expect(quiet(previous.end, slice.start)).toBe(true);
            }
          }
        },
      ),
      { numRuns: runs },
    );
  });
});

describe('sentence plugins in bounded runs', () => {
  const vocabulary = [
    "goin'",
    "'tis",
    'e.g.',
    'U.S.',
    'w/',
    'and/or',
    'a&b',
    '&',
    'so-called',
    'pre-',
    'Mr.',
    'end.',
    'x',
    "rock 'n' roll",
    '3.5',
    'child',
    'porn',
    '-',
    '/',
    '"',
    '“',
    '”',
    "'",
    'Hello!',
    'what?',
    '...',
    'don’t',
    "'90s",
    'A.B.C.',
    'a-b-c-d',
  ];

  it('give the tree parse-english gives for a long paragraph (property)', () => {
    // Thousands of tokens in one paragraph (the runs hold 1,024), under the slicing limit.
    fc.assert(
      fc.property(
        fc.array(fc.constantFrom(...vocabulary), { minLength: 2500, maxLength: 3000 }),
        fc.constantFrom(' ', '  ', '\n'),
        (words, separator) => {
          const value = words.join(separator);
          const ours = blocksToRoot(
            [blockOf(value)],
            new ParseEnglish(),
            new LineIndex(value),
            value.length,
            {
              maximum: Number.POSITIVE_INFINITY,
            },
          );
          const theirs = new ParseEnglish().parse(value);
          expect(JSON.stringify(ours.children)).toBe(JSON.stringify(theirs.children));
        },
      ),
      { numRuns: Math.max(3, Math.round(runs / 60)) },
    );
  });

  it('parse a 100,000-part hyphenated word without overflowing the stack, every character in place', () => {
    const value = `${'child-porn-'.repeat(50_000)}end`;
    const root = blocksToRoot(
      [blockOf(value)],
      new ParseEnglish(),
      new LineIndex(value),
      value.length,
    );
    const leaves: { value: string; start: number | undefined }[] = [];
    const visit = (node: {
      value?: string;
      children?: unknown[];
      position?: { start: { offset?: number } };
    }) => {
      if (node.children) for (const child of node.children) visit(child as typeof node);
      else leaves.push({ value: node.value ?? '', start: node.position?.start.offset });
    };
    visit(root as never);
    expect(leaves.map((leaf) => leaf.value).join('')).toBe(value);
    let offset = 0;
    for (const leaf of leaves) {
      expect(leaf.start).toBe(offset);
      offset += leaf.value.length;
    }
  });
});

describe('messages are the same whether a paragraph is sliced or not', () => {
  const processor = unified()
    .use(retextEnglish)
    .use(retextLuxembourg, { reportSkipped: true })
    .freeze();

  function messagesOf(value: string, maximum: number): Record<string, unknown>[] {
    const { blocks } = parseText(value, false);
    const root = blocksToRoot(blocks, new ParseEnglish(), new LineIndex(value), value.length, {
      maximum,
    });
    const file = new VFile({ value });
    processor.runSync(root as never, file);
    return file.messages.map((message) => {
      const { stack: _stack, ...fields } = message;
      return { ...fields, reason: message.reason };
    });
  }

  // Generated documents dense with terms, titles, quotations, lists of mentioned terms and
  // consent-implying phrases, run together into one paragraph under the text reader's limit.
  const documents = Math.max(4, Math.round(runs / 20));
  for (const [label, join] of [
    ['joined by spaces', ' '],
    ['joined by line breaks', '\n'],
  ] as const) {
    it(
      `${documents} documents ${label}, cut every 300 or 2,000 characters`,
      { timeout: 120_000 },
      () => {
        const random = seeded(join.length * 31);
        let messages = 0;
        for (let index = 0; index < documents; index++) {
          const value = generateDocument(random, 'text', 6000, 0.3)
            .replace(/\s*\n\s*\n\s*/g, join)
            .slice(0, 9000);
          const whole = messagesOf(value, Number.POSITIVE_INFINITY);
          for (const maximum of [300, 2000]) {
            expect(messagesOf(value, maximum), `cut every ${maximum}:\n${value}`).toEqual(whole);
          }
          messages += whole.length;
        }
        // A differential test that never sees a message proves nothing.
        expect(messages).toBeGreaterThan(documents * 5);
      },
    );
  }
});
