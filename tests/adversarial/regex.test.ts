/**
 * No user-supplied string is compiled into a regular expression, and no pattern in the engine
 * backtracks catastrophically. The first part reads the sources: every `RegExp(` call in
 * packages/*\/src must be on the reviewed list below, with the reason its pattern is safe. The
 * second feeds long crafted near-matches through `lint()` in every format; it asserts that each
 * finishes (the vitest timeout bounds it) with the messages its construction implies, and
 * prints the time taken, never asserting a time.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { lint, type Format } from '@luxlint/lint';
import { afterAll, describe, expect, it } from 'vitest';
import { repoRoot } from '../cli/helpers.js';

/** Reviewed call sites: file, the argument expression as written, and why it is safe. */
const allowedRegExpCalls = [
  {
    file: 'packages/retext-luxembourg/src/lib/prefilter.ts',
    pattern: "anchors.map(escapeLiteral).join('|')",
    reason:
      'an alternation of word stems taken from the compiled dataset match forms (preset/rules only select entries; `allow` phrases never reach it), each escaped as a literal: no quantifier, so linear',
  },
] as const;

function sourceFiles(folder: string): string[] {
  return readdirSync(folder).flatMap((name) => {
    const full = path.join(folder, name);
    if (statSync(full).isDirectory())
      return name === 'generated' || name === 'node_modules' ? [] : sourceFiles(full);
    return /\.(?:ts|tsx|mts|js|mjs)$/.test(name) ? [full] : [];
  });
}

/** The first argument (the pattern; flags may change freely) of a call whose `(` is at `open`. */
function patternAt(source: string, open: number): string {
  let depth = 0;
  for (let index = open; index < source.length; index++) {
    const char = source[index];
    if (char === '(' || char === '[' || char === '{') depth++;
    else if ((char === ',' && depth === 1) || (char === ')' && depth === 1))
      return source.slice(open + 1, index).trim();
    else if (char === ')' || char === ']' || char === '}') depth--;
  }
  throw new Error('unbalanced call');
}

describe('regular expressions built at run time', () => {
  it('every RegExp( call in packages/*/src is a reviewed call site whose pattern comes from the dataset or constants', () => {
    const packagesFolder = path.join(repoRoot, 'packages');
    const found: { file: string; pattern: string }[] = [];
    for (const name of readdirSync(packagesFolder)) {
      const src = path.join(packagesFolder, name, 'src');
      if (!statSync(src, { throwIfNoEntry: false })?.isDirectory()) continue;
      for (const file of sourceFiles(src)) {
        const source = readFileSync(file, 'utf8');
        for (const match of source.matchAll(/\bRegExp\s*\(/g)) {
          found.push({
            file: path.relative(repoRoot, file),
            pattern: patternAt(source, (match.index ?? 0) + match[0].length - 1),
          });
        }
      }
    }
    expect(found).toEqual(allowedRegExpCalls.map(({ file, pattern }) => ({ file, pattern })));
  });

  it('`allow` phrases are literal: regular-expression syntax in them neither throws nor matches as a pattern', () => {
    const text = 'Officers found child porn. Officers found child pornography.';
    // (Punctuation at the edge of a phrase is not part of its words, so `child porn.*` would
    // rightly allow `child porn`; so would `child|porn`: both are left out.)
    for (const allow of [
      'child p.rn',
      'c.ild porn',
      '(a+)+$',
      '[',
      '\\',
      '.*',
      'child porn[a-z]*',
      'child porn\\b',
    ]) {
      const messages = lint(text, { format: 'text', allow: [allow] }).messages;
      expect(
        messages.map((message) => message.actual),
        allow,
      ).toEqual(['child porn', 'child pornography']);
    }
    // …while the same phrase written literally does allow it.
    expect(
      lint(text, { format: 'text', allow: ['child porn.'] }).messages.map(
        (message) => message.actual,
      ),
    ).toEqual(['child pornography']);
  });
});

const timings: string[] = [];
afterAll(() =>
  console.log(
    `tests/adversarial/regex timings (lint of each crafted input):\n  ${timings.join('\n  ')}`,
  ),
);

const repeats = 100_000;
const crafted: Record<string, string> = {
  'child child child …': 'child '.repeat(repeats),
  'child sex child sex …': 'child sex '.repeat(repeats / 2),
  'child-porn-child-porn-…': 'child-porn-'.repeat(repeats / 2),
  '---- (one line)': '-'.repeat(repeats),
  "'''' (quotes)": "'".repeat(repeats),
  '““““ ”””” (curly quotes)': '“'.repeat(repeats / 2) + '”'.repeat(repeats / 2),
  '""""': '"'.repeat(repeats),
  'a-a-a-a…': 'a-'.repeat(repeats),
  spaces: 'child' + ' '.repeat(repeats) + 'porn',
  NBSP: 'child' + '\u00A0'.repeat(repeats) + 'porn',
  'hyphens between words': 'child' + '-'.repeat(repeats) + 'porn',
  'URL-like': 'http://' + 'a.'.repeat(repeats / 2) + 'child-porn',
  'URL-like with slashes': 'https://x/' + 'child-porn/'.repeat(repeats / 10),
  'e-mail-like': 'a'.repeat(repeats) + '@' + 'b.'.repeat(repeats / 10),
  'so-called so-called …': 'so-called '.repeat(repeats / 2) + 'child porn',
  '((((( ))))) ': '('.repeat(repeats / 2) + 'child porn' + ')'.repeat(repeats / 2),
  '&&&& and &amp;&amp;': '&'.repeat(repeats / 2) + '&amp;'.repeat(repeats / 10),
  '<<<< ': '<'.repeat(repeats),
  '**** and ____': '*'.repeat(repeats / 2) + '_'.repeat(repeats / 2),
  '`````': '`'.repeat(repeats),
  '[[[[ ]]]]': '['.repeat(repeats / 2) + ']('.repeat(repeats / 2),
  'legal-title cue repeated':
    'Optional Protocol on the '.repeat(repeats / 10) + 'child pornography',
  'digits and apostrophes': "'90s ".repeat(repeats / 5),
};

/**
 * What each crafted input must give, by construction, in every format (with `reportSkipped`):
 * `[ruleId, context]` of each message, `prose` for a finding in the writer's own words. Inputs
 * not listed hold no term.
 */
const expectedMessages: Record<string, readonly (readonly [string, string])[]> = {
  // One word of 100,000 hyphen-joined parts (it used to overflow parse-latin's stack).
  'child-porn-child-porn-…': Array.from({ length: repeats / 2 }, () => ['child-porn', 'prose']),
  spaces: [['child-porn', 'prose']],
  NBSP: [['child-porn', 'prose']],
  'so-called so-called …': [['child-porn', 'mention']],
  '((((( ))))) ': [['child-porn', 'prose']],
  'legal-title cue repeated': [['child-pornography', 'legal-title']],
};

describe('long crafted near-matches finish with the right messages', () => {
  for (const format of ['markdown', 'mdx', 'text', 'html'] as Format[]) {
    it(
      `${format}: ${Object.keys(crafted).length} inputs of ~100,000 repeats each`,
      { timeout: 300_000 },
      () => {
        for (const [name, value] of Object.entries(crafted)) {
          const started = performance.now();
          let file: ReturnType<typeof lint> | undefined;
          try {
            file = lint(value, { format, reportSkipped: true });
          } catch (error) {
            // Only MDX may reject its input, with a positioned syntax error.
            if (format !== 'mdx' || typeof (error as { reason?: unknown }).reason !== 'string')
              throw error;
          }
          const outcome = file ? `${file.messages.length} messages` : 'MDX syntax error';
          for (const message of file?.messages ?? []) {
            const place = message.place && 'start' in message.place ? message.place : undefined;
            expect(place?.end.offset ?? Infinity).toBeLessThanOrEqual(value.length);
            expect(message.actual).toBe(value.slice(place?.start.offset, place?.end.offset));
          }
          if (file) {
            expect(
              file.messages.map((message) => [
                message.ruleId,
                (message as { context?: string }).context ?? 'prose',
              ]),
              `${format} / ${name}`,
            ).toEqual(expectedMessages[name] ?? []);
          }
          timings.push(
            `${format} / ${name} (${value.length.toLocaleString('en')} chars): ${(performance.now() - started).toFixed(0)} ms, ${outcome}`,
          );
        }
      },
    );
  }
});
