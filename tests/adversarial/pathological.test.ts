/**
 * Pathological paragraphs through `lint()` in every format: one term or cue repeated thousands
 * of times in a single paragraph, quotation marks that never close, a word of 100,000
 * hyphen-joined parts. Each must end with exactly the messages its construction implies (the
 * repeated cue still makes the final term a mention, every term after an unclosed quotation
 * mark is quoted…), whatever slicing and bounded runs the engine uses inside.
 *
 * `pnpm test` runs 2,000 repeats (inputs of 20–30 KB, past the 10,000-character slicing limit
 * and the 1,024-token parser runs); `pnpm fuzz` (LUXLINT_HEAVY=1) runs 50,000 (up to 700 KB).
 * Wall times are printed, never asserted: the timeouts only catch a hang.
 */
import { lint, type Format } from '@luxlint/lint';
import { afterAll, describe, expect, it } from 'vitest';

const heavy = process.env['LUXLINT_HEAVY'] === '1';
const repeats = heavy ? 50_000 : 2_000;
const formats: Format[] = ['text', 'markdown', 'mdx', 'html'];

type Expected = readonly [ruleId: string, offset: number, context: string];

/** `count` findings of `ruleId`, the `index`-th at `offsetOf(index)`. */
function each(
  count: number,
  ruleId: string,
  offsetOf: (index: number) => number,
  context = 'prose',
): Expected[] {
  return Array.from({ length: count }, (_, index) => [ruleId, offsetOf(index), context] as const);
}

interface Case {
  readonly name: string;
  readonly text: string;
  readonly expected: readonly Expected[];
}

function cases(n: number): Case[] {
  const unit = (text: string) => text.length;
  return [
    {
      name: `a word of ${(2 * n).toLocaleString('en')} hyphen-joined parts, a term every two`,
      text: `${'child-porn-'.repeat(n)}end`,
      expected: each(n, 'child-porn', (index) => index * unit('child-porn-')),
    },
    {
      name: `a word of ${(2 * n).toLocaleString('en')} hyphen-joined parts, a term at its end`,
      text: `${'a-'.repeat(2 * n)}child-porn`,
      expected: each(1, 'child-porn', () => 4 * n),
    },
    {
      name: 'a naming cue repeated, then a term: a mention',
      text: `${'so-called '.repeat(n)}child porn`,
      expected: each(1, 'child-porn', () => n * unit('so-called '), 'mention'),
    },
    {
      name: 'a mention cue repeated, then a term: a mention',
      text: `${'the term '.repeat(n)}child porn`,
      expected: each(1, 'child-porn', () => n * unit('the term '), 'mention'),
    },
    {
      name: 'another naming cue repeated, then a term: a mention',
      text: `${'known as '.repeat(n)}child porn`,
      expected: each(1, 'child-porn', () => n * unit('known as '), 'mention'),
    },
    {
      name: 'a half-term repeated, then the rest: one finding at the end',
      text: `${'child '.repeat(2 * n)}porn`,
      expected: each(1, 'child-porn', () => (2 * n - 1) * unit('child ')),
    },
    {
      name: 'curly quotation marks opened and never closed',
      text: '“child porn '.repeat(n),
      expected: each(n, 'child-porn', (index) => index * unit('“child porn ') + 1, 'quotation'),
    },
    {
      name: 'one straight quotation mark never closed, then terms to the end',
      text: `"${'child porn '.repeat(n)}`,
      expected: each(n, 'child-porn', (index) => 1 + index * unit('child porn '), 'quotation'),
    },
    {
      name: 'quoted terms, one after another',
      text: '"child porn" '.repeat(n),
      expected: each(n, 'child-porn', (index) => index * unit('"child porn" ') + 1, 'quotation'),
    },
    {
      name: 'a list of quoted terms',
      text: '"child porn", '.repeat(n),
      expected: each(n, 'child-porn', (index) => index * unit('"child porn", ') + 1, 'quotation'),
    },
    {
      name: 'apostrophes that open nothing (no closing mark)',
      text: " 'child porn".repeat(n),
      expected: each(n, 'child-porn', (index) => index * unit(" 'child porn") + 2),
    },
    {
      name: 'short sentences, each a term',
      text: 'child porn. '.repeat(n),
      expected: each(n, 'child-porn', (index) => index * unit('child porn. ')),
    },
    {
      name: 'lower-case sentences parse-latin merges into one, then a term',
      text: `${'line 1. '.repeat(n)}child porn`,
      expected: each(1, 'child-porn', () => n * unit('line 1. ')),
    },
    {
      name: 'numbered items on one line, each a term',
      text: '1. child porn '.repeat(n),
      expected: each(n, 'child-porn', (index) => index * unit('1. child porn ') + 3),
    },
    {
      name: 'one Title Case run of a term over and over',
      text: 'Child Porn '.repeat(n),
      expected: each(n, 'child-porn', (index) => index * unit('Child Porn ')),
    },
    {
      name: 'alternating question and exclamation marks without a space, then a term',
      text: `${'?!'.repeat(5 * n)} child porn`,
      expected: each(1, 'child-porn', () => 10 * n + 1),
    },
    {
      name: 'closing brackets and full stops without a space, then a term',
      text: `${').'.repeat(5 * n)}x child porn`,
      expected: each(1, 'child-porn', () => 10 * n + 2),
    },
    {
      name: 'an address-like chunk with an @ at each end, then a term',
      text: `x@${'a.'.repeat(5 * n)}@ child porn`,
      expected: each(1, 'child-porn', () => 10 * n + 4),
    },
    {
      name: 'a legal-title cue repeated, then the title’s subject',
      text: `${'Optional Protocol on the '.repeat(n / 5)}child pornography`,
      expected: each(
        1,
        'child-pornography',
        () => (n / 5) * unit('Optional Protocol on the '),
        'legal-title',
      ),
    },
  ];
}

const timings: string[] = [];
afterAll(() => {
  console.log(`tests/adversarial/pathological (${repeats} repeats):\n  ${timings.join('\n  ')}`);
});

describe(`pathological paragraphs, ${repeats.toLocaleString('en')} repeats`, () => {
  for (const { name, text, expected } of cases(repeats)) {
    it(name, { timeout: heavy ? 600_000 : 120_000 }, () => {
      for (const format of formats) {
        const started = performance.now();
        const file = lint(text, { format, reportSkipped: true });
        timings.push(
          `${format} / ${name} (${text.length.toLocaleString('en')} chars): ${(performance.now() - started).toFixed(0)} ms`,
        );
        const found = file.messages.map((message) => {
          const place = message.place && 'start' in message.place ? message.place : undefined;
          const start = place?.start.offset ?? -1;
          expect(message.actual, format).toBe(text.slice(start, place?.end.offset ?? -1));
          return [
            message.ruleId,
            start,
            (message as { context?: string }).context ?? 'prose',
          ] as const;
        });
        expect(found, format).toEqual(expected);
      }
    });
  }
});
