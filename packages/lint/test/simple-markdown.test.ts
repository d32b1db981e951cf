/**
 * The simple-Markdown shortcut (src/lib/simple-markdown.ts) reads runs without micromark; it
 * must give exactly micromark's blocks wherever it accepts a run. Generated runs mix what it
 * accepts (emphasis, strong, links, code spans, headings, list items) with everything it must
 * refuse (entities, escapes, inline HTML, autolinks, hard breaks, strikethrough, tables, images,
 * footnotes, odd flanking, block markers, indentation, control characters).
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseMarkdown, parseMarkdownRuns } from '../src/lib/markdown.js';
import { simpleMarkdownBlocks } from '../src/lib/simple-markdown.js';

const runs = Number(process.env['FUZZ_RUNS'] ?? '3000');
/** Fixed unless FUZZ_SEED is given, so a failure can be replayed. */
const seed = Number(process.env['FUZZ_SEED'] ?? '20261122');

// Weighted so that about half of the generated runs are simple and the rest fail in many ways.
const word = fc.constantFrom(
  'child',
  'porn',
  'prostitute',
  'Council',
  'café',
  'naïve',
  'Ünïcödé',
  '2024',
  'x',
  'per',
  'cent',
  'e.g',
  'and/or',
  'co-operate',
  'mailto:editor',
  'MAILTO:desk',
);
const punctuation = fc.constantFrom(
  '.',
  ',',
  ';',
  ':',
  '!',
  '?',
  '"',
  "'",
  '(',
  ')',
  '\u201C',
  '\u201D',
  '\u2019',
  '-',
  '\u2014',
  '/',
  '%',
  '$',
  '=',
  '+',
);
const simplePhrase = fc.oneof(
  { weight: 10, arbitrary: word },
  { weight: 3, arbitrary: fc.tuple(word, punctuation).map(([value, mark]) => value + mark) },
  { weight: 1, arbitrary: fc.tuple(punctuation, word).map(([mark, value]) => mark + value) },
  {
    weight: 2,
    arbitrary: fc
      .tuple(word, fc.constantFrom('', '.', ',', '!', '"', ')', '\u2019'))
      .map(([value, after]) => `*${value}*${after}`),
  },
  { weight: 2, arbitrary: fc.tuple(word, word).map(([a, b]) => `**${a} ${b}**`) },
  { weight: 1, arbitrary: fc.tuple(punctuation, word).map(([a, b]) => `*${a}${b}*`) },
  {
    weight: 1,
    arbitrary: fc
      .tuple(word, punctuation, fc.constantFrom('', '.', 'a', '*'))
      .map(([value, mark, after]) => `**${value}${mark}**${after}`),
  },
  {
    weight: 2,
    arbitrary: fc
      .tuple(word, fc.constantFrom('https://example.org/a_b?c=1&d=2', 'x.md', '#top', '/p~q'))
      .map(([text, url]) => `[${text}](${url})`),
  },
  { weight: 2, arbitrary: fc.constantFrom('`code`', '`a*b`', '`<b>&amp;`', '`[x](y)`', '` `') },
);
const trickyInline = fc.constantFrom(
  '*',
  '**',
  '***',
  '_',
  '__a__',
  '*a',
  'a*',
  ' *',
  '* ',
  '*(a)*',
  '**"a"**',
  '*a*b',
  '[',
  ']',
  '[a]',
  '[a](b c)',
  '[a](<b>)',
  '[ a](b)',
  '[^1]',
  '![alt](i.png)',
  '!',
  '`',
  '``',
  '``a``',
  '`a\nb`',
  '&amp;',
  '&copy;',
  '&#35;',
  '&',
  '\\*',
  '\\',
  '<b>',
  '</b>',
  '<!-- c -->',
  '<https://x.org>',
  'https://example.org',
  'HTTP://X.ORG',
  'www.example.org',
  'WWW.X.ORG',
  'a@b.org',
  '~',
  '~~a~~',
  '|',
  '#',
  '  \n',
  '\\\n',
  '\t',
  '\u00A0',
  '\r\n',
  '\r',
  '\u0000',
  '\uFEFF',
  '\u2028',
);
const inline = fc.oneof(
  { weight: 40, arbitrary: simplePhrase.map((phrase) => ` ${phrase}`) },
  { weight: 1, arbitrary: trickyInline },
);
const prefix = fc.oneof(
  { weight: 12, arbitrary: fc.constant('') },
  {
    weight: 3,
    arbitrary: fc.constantFrom('# ', '## ', '###### ', '- ', '1. ', '10. ', '123456789. '),
  },
  {
    weight: 2,
    arbitrary: fc.constantFrom(
      '####### ',
      '#',
      '#  ',
      '* ',
      '+ ',
      '2) ',
      '1234567890. ',
      '-  ',
      '> ',
      '    ',
      ' ',
      '- [ ] ',
      '- [x] ',
      '---',
      '===',
      '```',
      '~~~',
      '| a | b |',
      '|---|',
      ':--',
      '<div>',
      '[x]: /u',
      '- # ',
      '- > ',
      '- 1. ',
      '* * *',
      '***',
      '1.',
      '-',
    ),
  },
);
const line = fc
  .tuple(prefix, fc.array(inline, { minLength: 0, maxLength: 10 }))
  // Phrases come with a space before them: drop the first one, which would indent the line.
  .map(([start, parts]) => start + parts.join('').replace(/^ /u, ''));
const run = fc
  .tuple(
    fc.array(line, { minLength: 1, maxLength: 4 }),
    fc.constantFrom('', '\n', '\n\n', '\n\n\n'),
  )
  .map(([lines, end]) => lines.join('\n') + end);

describe('simpleMarkdownBlocks = micromark', () => {
  it('on its own: blocks equal, and nothing else in the run', { timeout: 600_000 }, () => {
    let accepted = 0;
    let refused = 0;
    fc.assert(
      fc.property(run, (value) => {
        const simple = simpleMarkdownBlocks(value, 0, value.length);
        if (!simple) {
          refused++;
          return;
        }
        accepted++;
        const parsed = parseMarkdown(value, undefined, true);
        expect(simple).toEqual(parsed.blocks);
        expect(parsed.quoteRanges).toEqual([]);
        expect(parsed.mentionRanges).toEqual([]);
        expect(parsed.directives).toEqual([]);
      }),
      { numRuns: runs, seed },
    );
    console.log(`simple-markdown: ${accepted} runs accepted, ${refused} refused`);
    // A shortcut that accepts nothing, or everything, proves nothing here.
    expect(accepted).toBeGreaterThan(runs / 5);
    expect(refused).toBeGreaterThan(runs / 5);
  });

  it(
    'in a document: runs read with the shortcut give the blocks of one whole parse',
    { timeout: 600_000 },
    () => {
      const around = fc.constantFrom(
        '',
        'Intro text.\n\n',
        '# Title\n\n',
        '- a\n- b\n\n',
        '1. one\n\n',
        '> quoted\n\n',
        '| A | B |\n| - | - |\n| c | d |\n\n',
        '```\ncode\n```\n\n',
        '---\ntitle: x\n---\n\n',
      );
      const after = fc.constantFrom('', '\n\nAfter.', '\n\n- item', '\n\n> quote', '\n\n## End\n');
      fc.assert(
        fc.property(
          around,
          fc.array(run, { minLength: 1, maxLength: 4 }),
          after,
          (head, body, tail) => {
            const value = head + body.map((part) => part.replace(/\n*$/u, '\n\n')).join('') + tail;
            const whole = parseMarkdown(value, undefined, true);
            const cut = parseMarkdownRuns(value, () => true);
            expect(cut).toEqual(whole);
          },
        ),
        { numRuns: Math.round(runs / 3), seed: seed + 1 },
      );
    },
  );

  it.each([
    [
      'a byte order mark opening a run (micromark drops one only at the start of its input)',
      '1. one\n\n\uFEFFchild porn\n\nafter\n',
    ],
    ['a lone carriage return, a line ending to micromark', '```\r `code`\n\nchild porn\n\nafter'],
    [
      'a line separator in a fence line, which `.` does not match',
      '```\u2028\n\nchild porn\n\nafter',
    ],
  ])('cuts the same as one parse around %s', (_label, value) => {
    expect(parseMarkdownRuns(value, () => true)).toEqual(parseMarkdown(value, undefined, true));
  });

  it.each([
    ['paragraph with every inline kind', 'A *b* and **c d** see [e](https://x.org/f) `g`.'],
    ['heading', '## A *b* heading'],
    ['bullet items', '- one *a*\n- two [b](c)\n- three `d`'],
    ['ordered items', '1. one\n2. two\n10. ten'],
    ['multi-line paragraph', 'one line\nand *another*\n**strong** start'],
    ['a closer after punctuation', '**Name,** said *so.* then'],
  ])('accepts: %s', (_label, value) => {
    const simple = simpleMarkdownBlocks(value, 0, value.length);
    expect(simple).toBeDefined();
    expect(simple).toEqual(parseMarkdown(value, undefined, true).blocks);
  });

  it.each([
    ['an entity', 'a &amp; b'],
    ['an escape', 'a \\* b'],
    ['inline HTML', 'a <b>c</b>'],
    ['an autolink literal', 'see www.example.org'],
    ['a hard break', 'a  \nb'],
    ['an image', 'a ![b](c)'],
    ['a closer that could open', 'a *b*c'],
    ['a closer after punctuation, before a letter', 'a **b,**c'],
    ['a triple run', 'a ***b***'],
    ['a list marker inside a paragraph', 'a\n- b'],
    ['a setext underline', 'a\n==='],
    ['a table', 'a | b\n- | -'],
  ])('refuses: %s', (_label, value) => {
    expect(simpleMarkdownBlocks(value, 0, value.length)).toBeUndefined();
  });
});
