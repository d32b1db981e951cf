/**
 * Words inside URLs, e-mail addresses and domain paths are never matched. The test for a chunk
 * of touching tokens is written without backtracking patterns; it must answer exactly as the
 * regular expressions it replaced, and in linear time on crafted chunks.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { isUrlLike } from '../src/lib/tokens.js';

const runs = Number(process.env['FUZZ_RUNS'] ?? '2000');

/** The former test: trim brackets and quotes with a pattern, then one alternation. */
function reference(chunk: string): boolean {
  const trimmed = chunk.replace(/^[("'“‘<[]+|[)"'”’>\].,;:!?]+$/gu, '');
  return /^(?:[a-z][a-z\d+.-]*:\/\/|www\.|mailto:)|^[^\s@]+@[^\s@]+\.[^\s@]+$|^[\w-]+(?:\.[\w-]+)+\/\S*$/iu.test(
    trimmed,
  );
}

const parts = [
  'a',
  'B',
  '7',
  'é',
  '.',
  '@',
  '/',
  ':',
  '-',
  '_',
  '+',
  '(',
  ')',
  '"',
  "'",
  '“',
  '”',
  '‘',
  '’',
  '<',
  '>',
  '[',
  ']',
  ',',
  ';',
  '!',
  '?',
  '\u00A0',
  'http://',
  'www.',
  'mailto:',
  'example.org',
  'child-porn',
];

describe('isUrlLike', () => {
  it('answers as the former regular expressions did (property)', () => {
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...parts), { maxLength: 12 }), (chunk) => {
        const text = chunk.join('');
        expect(isUrlLike(text), JSON.stringify(text)).toBe(reference(text));
      }),
      { numRuns: runs },
    );
  });

  it('recognises addresses, URLs and paths, in brackets or quotes', () => {
    for (const chunk of [
      'https://example.org/child-porn',
      '(www.example.org).',
      '“mailto:someone@example.org”',
      'someone@example.org,',
      'example.org/reports/child-porn',
    ])
      expect(isUrlLike(chunk), chunk).toBe(true);
    for (const chunk of ['child-porn', 'e.g.', '@someone', 'someone@localhost', 'a.b'])
      expect(isUrlLike(chunk), chunk).toBe(false);
  });

  it('finishes on crafted chunks of 100,000 characters', { timeout: 20_000 }, () => {
    expect(isUrlLike(`x@${'a.'.repeat(50_000)}@`)).toBe(false);
    expect(isUrlLike(`${').'.repeat(50_000)}x`)).toBe(false);
    expect(isUrlLike(`${'('.repeat(50_000)}www.example.org${')'.repeat(50_000)}`)).toBe(true);
  });
});
