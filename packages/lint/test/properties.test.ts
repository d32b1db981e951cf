/**
 * Random documents stitched from fragments that stress the offset mapping (markup, escapes,
 * character references, quotes, line endings, a byte order mark) around dataset phrases.
 */
import { lint, type Format } from '@luxlint/lint';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { lineColumn } from './helpers.js';

const fragments = [
  'child porn',
  'child pornography',
  'Child Prostitutes',
  'kiddie-porn',
  'child\u00A0sex tourism',
  'sextortion',
  'child',
  'porn',
  ' ',
  '  ',
  '\n',
  '\r\n',
  '\r',
  '\n\n',
  '\t',
  '> ',
  '- ',
  '1. ',
  '# ',
  '*',
  '_',
  '**',
  '`',
  '```',
  '~~~',
  '|',
  ' | ',
  '---',
  '\\',
  '\\*',
  '&amp;',
  '&nbsp;',
  '&#99;',
  '&#x63;',
  '&bogus;',
  '&',
  '<',
  '>',
  '<b>',
  '</b>',
  '<p>',
  '</p>',
  '<q>',
  '</q>',
  '<!--',
  '-->',
  '<!-- luxlint-disable -->',
  '<!-- luxlint-disable-next-line child-porn -->',
  'luxlint-enable',
  '"',
  '“',
  '”',
  '‘',
  '’',
  "'",
  'so-called ',
  'the term ',
  'https://example.org/child-porn',
  '[',
  ']',
  '(',
  ')',
  '![',
  '\uFEFF',
  '😀',
  'é',
  '.',
  ',',
  'Optional Protocol on the sale of children, child prostitution and child pornography',
];

const documents = fc
  .array(fc.constantFrom(...fragments), { maxLength: 40 })
  .map((parts) => parts.join(''));
const runs = Number(process.env['FUZZ_RUNS'] ?? '300');

describe('lint on random documents', () => {
  for (const format of ['markdown', 'html', 'text'] as Format[]) {
    it(
      `${format}: never throws, spans stay inside the text with matching lines, fast = full`,
      { timeout: 120_000 },
      () => {
        fc.assert(
          fc.property(documents, (value) => {
            const fast = lint(value, { format, reportSkipped: true });
            const full = lint(value, { format, reportSkipped: true, fastPath: false });
            const strip = (file: typeof fast) =>
              file.messages.map(({ stack: _stack, ...rest }) => ({ ...rest, reason: rest.reason }));
            expect(strip(fast)).toEqual(strip(full));
            for (const message of fast.messages) {
              const place = message.place && 'start' in message.place ? message.place : undefined;
              const start = place?.start.offset ?? -1;
              const end = place?.end.offset ?? -1;
              expect(start).toBeGreaterThanOrEqual(0);
              expect(end).toBeGreaterThan(start);
              expect(end).toBeLessThanOrEqual(value.length);
              expect({ line: place?.start.line, column: place?.start.column }).toEqual(
                lineColumn(value, start),
              );
              expect({ line: place?.end.line, column: place?.end.column }).toEqual(
                lineColumn(value, end),
              );
            }
          }),
          { numRuns: runs, seed: 20261122 },
        );
      },
    );
  }
});
