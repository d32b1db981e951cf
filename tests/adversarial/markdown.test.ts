/**
 * Hostile Markdown (and MDX) through `lint()`: paragraphs of very many lines, plain, with markup
 * that micromark must read, and inside block quotes; `] &` repeated; containers nested on one
 * line and over many lines. Each must end with exactly the findings its construction implies.
 *
 * `pnpm test` runs bounded sizes; `pnpm fuzz` (LUXLINT_HEAVY=1) larger ones. Wall times are
 * printed, never asserted: the timeouts only catch a hang.
 */
import { lint, type Format } from '@luxlint/lint';
import { afterAll, describe, expect, it } from 'vitest';

const heavy = process.env['LUXLINT_HEAVY'] === '1';
const timeout = heavy ? 600_000 : 120_000;

const timings: string[] = [];
afterAll(() => {
  console.log(`tests/adversarial/markdown:\n  ${timings.join('\n  ')}`);
});

type Found = readonly [ruleId: string, offset: number, context: string];

function findings(text: string, format: Format, name: string, fastPath = true): Found[] {
  const started = performance.now();
  const file = lint(text, { format, reportSkipped: true, fastPath });
  timings.push(
    `${format}${fastPath ? '' : ' (full path)'} / ${name} (${text.length.toLocaleString('en')} chars): ${(performance.now() - started).toFixed(0)} ms`,
  );
  return file.messages.map((message) => {
    const place = message.place && 'start' in message.place ? message.place : undefined;
    const start = place?.start.offset ?? -1;
    expect(message.actual).toBe(text.slice(start, place?.end.offset ?? -1));
    return [
      message.ruleId ?? '',
      start,
      (message as { context?: string }).context ?? 'prose',
    ] as const;
  });
}

/** `count` lines made by `line(index)`, joined by LF, and where each term (`child porn`) starts. */
function manyLines(count: number, line: (index: number) => string) {
  const lines: string[] = [];
  const offsets: number[] = [];
  let offset = 0;
  for (let index = 0; index < count; index++) {
    const text = line(index);
    const term = text.indexOf('child porn');
    if (term !== -1) offsets.push(offset + term);
    lines.push(text);
    offset += text.length + 1;
  }
  return { text: lines.join('\n') + '\n', offsets };
}

describe('a paragraph of very many lines', () => {
  const count = heavy ? 200_000 : 10_000;
  const every = count / 4;
  const shapes = [
    {
      name: 'plain short lines',
      line: (index: number) => (index % every === 7 ? 'child porn here' : `line ${index}`),
      context: 'prose',
    },
    {
      name: 'lines with markup micromark must read (entities, underscores, HTML, strikethrough)',
      line: (index: number) =>
        index % every === 7
          ? 'child porn here'
          : index % 10 === 3
            ? `line _${index}_ &amp; <b>bold</b> ~~gone~~ and a [link](https://example.com)`
            : `line ${index}`,
      context: 'prose',
    },
    {
      name: 'an emphasis opened on the first line and closed on the last',
      line: (index: number) =>
        index === 0
          ? 'first *line'
          : index === count - 1
            ? 'last* line'
            : index % every === 7
              ? 'child porn here'
              : `line ${index}`,
      context: 'prose',
    },
    {
      name: 'quoted lines',
      line: (index: number) => `> ${index % every === 7 ? 'child porn here' : `line ${index}`}`,
      context: 'quotation',
    },
  ];
  for (const { name, line, context } of shapes) {
    // The emphasis spanning the whole paragraph cannot be cut: micromark reads it whole, which
    // is quadratic; keep it to a size that still ends quickly.
    const lines = name.startsWith('an emphasis') ? Math.min(count, 8_000) : count;
    it(`${lines.toLocaleString('en')} ${name}: every term found`, { timeout }, () => {
      const { text, offsets } = manyLines(lines, (index) =>
        name.startsWith('an emphasis') && index === lines - 1 ? 'last* line' : line(index),
      );
      expect(offsets.length).toBeGreaterThan(0);
      for (const format of ['markdown', 'mdx'] as const) {
        if (format === 'mdx' && text.includes('<b>')) continue; // MDX reads `<b>` as JSX
        expect(findings(text, format, name), format).toEqual(
          offsets.map((offset) => ['child-porn', offset, context]),
        );
      }
      // The full path (every block parsed, no quiet slicing) gives the same findings.
      if (!heavy) {
        expect(findings(text, 'markdown', name, false)).toEqual(
          offsets.map((offset) => ['child-porn', offset, context]),
        );
      }
    });
  }
});

describe('brackets and ampersands', () => {
  const repeats = heavy ? 66_000 : 10_000;
  it(`\`] &\` ×${repeats.toLocaleString('en')}, then a term: one finding`, { timeout }, () => {
    const text = `${'] &'.repeat(repeats)} child porn\n`;
    for (const format of ['markdown', 'mdx'] as const) {
      expect(findings(text, format, '] &'), format).toEqual([
        ['child-porn', text.indexOf('child porn'), 'prose'],
      ]);
    }
  });

  it(
    `\`] &\` ×${repeats.toLocaleString('en')} in a document that defines a footnote: the footnote and its call still read, one finding each`,
    { timeout },
    () => {
      const text = `${'] &'.repeat(repeats)} child porn[^1]\n\n[^1]: A child porn note.\n`;
      for (const format of ['markdown', 'mdx'] as const) {
        expect(findings(text, format, '] & with a footnote'), format).toEqual([
          ['child-porn', text.indexOf('child porn'), 'prose'],
          ['child-porn', text.lastIndexOf('child porn'), 'prose'],
        ]);
      }
    },
  );

  it(
    'with a footnote definition and an image in the paragraph (full footnote syntax, still quadratic there): bounded repeats end',
    { timeout },
    () => {
      const text = `![x](y.png) ${'] &'.repeat(heavy ? 6_000 : 2_000)} child porn[^1]\n\n[^1]: A child porn note.\n`;
      expect(findings(text, 'markdown', '] & with a footnote and an image')).toEqual([
        ['child-porn', text.indexOf('child porn'), 'prose'],
        ['child-porn', text.lastIndexOf('child porn'), 'prose'],
      ]);
    },
  );
});

describe('nesting', () => {
  const refusal = (line: number) =>
    `nested too deeply: line ${line} opens or continues more than 100 block quotes or list items`;
  const oneLine = [
    { name: 'list items', make: (depth: number) => '- '.repeat(depth), context: 'prose' },
    { name: 'block quotes', make: (depth: number) => '> '.repeat(depth), context: 'quotation' },
    {
      name: 'block quotes and list items',
      make: (depth: number) => '> - '.repeat(depth / 2),
      context: 'quotation',
    },
  ];
  for (const { name, make, context } of oneLine) {
    it(
      `100 ${name} on one line: found; 102 and ${heavy ? '50,000' : '5,000'}: refused as nested too deeply`,
      { timeout },
      () => {
        const text = `${make(100)}child porn\n`;
        expect(findings(text, 'markdown', `100 ${name}`)).toEqual([
          ['child-porn', text.indexOf('child porn'), context],
        ]);
        for (const depth of [102, heavy ? 50_000 : 5_000]) {
          for (const format of ['markdown', 'mdx'] as const) {
            for (const fastPath of [true, false]) {
              expect(
                () => lint(`Intro.\n\n${make(depth)}child porn\n`, { format, fastPath }),
                `${format}, fast path ${fastPath}`,
              ).toThrow(refusal(3));
            }
          }
        }
      },
    );
  }

  it('a line of 150 `- ` and nothing else is a thematic break, not nesting', () => {
    const text = `child porn\n\n${'- '.repeat(150)}\n\nchild porn\n`;
    expect(findings(text, 'markdown', 'a long thematic break')).toEqual([
      ['child-porn', 0, 'prose'],
      ['child-porn', text.lastIndexOf('child porn'), 'prose'],
    ]);
  });

  // Line `index` (from 0) of each shape may be inside `1 + index` containers, or, indented by
  // tabs (four columns each, two per possible list level), `1 + 2 × index`.
  const overLines = [
    {
      name: 'list items, each indented under the last',
      line: (index: number) => `${'  '.repeat(index)}- item ${index}`,
      context: 'prose',
      firstRefused: 101,
    },
    {
      name: 'list items, each indented by one more tab',
      line: (index: number) => `${'\t'.repeat(index)}- item ${index}`,
      context: 'prose',
      firstRefused: 51,
    },
    {
      name: 'block quotes, each one deeper',
      line: (index: number) => `${'> '.repeat(index + 1)}line ${index}`,
      context: 'quotation',
      firstRefused: 101,
    },
  ];
  for (const { name, line, context, firstRefused } of overLines) {
    it(
      `${name}: ${firstRefused - 1} lines and a term: found; ${heavy ? '5,000' : '1,000'} lines: refused at line ${firstRefused}`,
      { timeout },
      () => {
        const { text } = manyLines(firstRefused - 1, line);
        const withTerm = `${text.trimEnd()} child porn\n`;
        expect(findings(withTerm, 'markdown', name)).toEqual([
          ['child-porn', withTerm.indexOf('child porn'), context],
        ]);
        const deep = `${manyLines(heavy ? 5_000 : 1_000, line).text.trimEnd()} child porn\n`;
        for (const format of ['markdown', 'mdx'] as const) {
          const started = performance.now();
          expect(() => lint(deep, { format }), format).toThrow(refusal(firstRefused));
          timings.push(
            `${format} / ${name}, refused (${deep.length.toLocaleString('en')} chars): ${(performance.now() - started).toFixed(0)} ms`,
          );
        }
      },
    );
  }
});
