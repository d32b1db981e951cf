/**
 * The fast path (prefilter on the whole file, then only candidate blocks parsed) must give
 * exactly the messages of full processing: every field of every message, in the same order.
 */
import { type Format } from '@luxlint/lint';
import { describe, expect, it } from 'vitest';
import { datasetExamples, generateDocument, seeded } from './corpus.js';
import { fastAndFull } from './helpers.js';

const formats: Format[] = ['markdown', 'mdx', 'html', 'text'];
// Scale with LUXLINT_DIFF_SCALE (e.g. 10 for a long local run).
const scale = Number(process.env['LUXLINT_DIFF_SCALE'] ?? '1');
const documentsPerFormat = Math.round(60 * scale);

describe('fast path = full path', () => {
  const totals = { documents: 0, characters: 0, messages: 0 };

  for (const format of formats) {
    for (const [label, options] of [
      ['defaults', {}],
      ['reportSkipped, guidelines preset', { reportSkipped: true, preset: 'guidelines' }],
    ] as const) {
      it(`${format}, ${label}: generated corpus`, { timeout: 240_000 }, () => {
        const random = seeded(format.length * 7919 + label.length);
        let messages = 0;
        for (let index = 0; index < documentsPerFormat; index++) {
          // Mixed densities: clean files, realistic ones and term-dense ones.
          const density = [0, 0.02, 0.15, 0.6][index % 4] as number;
          const value = generateDocument(
            random,
            format,
            500 + Math.floor(random() * 6000),
            density,
          );
          const { fast, full } = fastAndFull(value, { ...options, format });
          expect(fast, `${format} document ${index}:\n${value}`).toEqual(full);
          messages += full.length;
          totals.documents++;
          totals.characters += value.length;
        }
        totals.messages += messages;
        // A differential test that never sees a message proves nothing.
        expect(messages).toBeGreaterThan(documentsPerFormat / 2);
      });
    }

    it(`${format}: every dataset example`, () => {
      for (const example of datasetExamples()) {
        const value = format === 'html' ? `<p>${example}</p>` : example;
        const { fast, full } = fastAndFull(value, { format, reportSkipped: true });
        expect(fast, value).toEqual(full);
      }
    });
  }

  it.each([
    '```\nchild porn\n\nchild porn at column one\n```\n\nchild porn after',
    '~~~~\n~~~\n\nchild porn\n~~~~\n\nchild prostitute',
    '```js`x\n\nchild porn\n```\n\nchild porn',
    '- a\n\n  ```\n  child porn\n\nchild porn\n```\n\nchild porn\n```',
    '<div>\n\nchild porn\n\n</div>\n\nchild porn',
    '<!--\n\nchild porn\n-->\n\nchild porn',
    '[child porn][x]\n\n[x]: https://example.org "child porn"',
    '---\ntitle: x\n\nchild porn\n---\n\nchild porn',
    '---\nnot closed\n\nchild porn',
    '> quote\n\nchild porn\n> lazy child porn',
    'para\n\n    code child porn\n\nchild porn',
    '1. one\n\n   child porn\n\n2. two child porn\n\nchild porn',
  ])('markdown cut points: %j', (value) => {
    for (const options of [{}, { reportSkipped: true }]) {
      const { fast, full } = fastAndFull(value, { ...options, format: 'markdown' });
      expect(fast).toEqual(full);
    }
  });

  it('covered a corpus of real size', () => {
    // Printed so the size of the proof is visible in the test log.
    console.log(
      `fast-path differential: ${totals.documents} documents, ${(totals.characters / 1e6).toFixed(2)} MB, ${totals.messages} messages`,
    );
    expect(totals.documents).toBe(documentsPerFormat * formats.length * 2);
  });
});
