/**
 * Generators shared by the cross-package property tests: hostile Unicode, random Markdown and
 * HTML structure, and prose with dataset terms spliced in (with inflection, hyphen and case
 * variants). Terms come from the real dataset, so a new entry is fuzzed without touching this.
 */
import { terms } from '@luxlint/terms';
import fc from 'fast-check';

/** Number of generated cases per property: small in `pnpm test`, large in `pnpm fuzz`. */
export const runs = Number(process.env['FUZZ_RUNS'] ?? '200');

/** Fixed seed unless FUZZ_SEED is given, so a failure in CI can be replayed. */
export const seed = process.env['FUZZ_SEED'] ? Number(process.env['FUZZ_SEED']) : 20261122;

// ---------------------------------------------------------------------------------------------
// Dataset forms

function expandAlternatives(phrase: string): string[][] {
  return phrase.split(' ').map((slot) => slot.split('|'));
}

/** Every match phrase (as word-slot alternatives) and every example sentence of the dataset. */
const phraseSlots = terms.flatMap((term) =>
  term.text.en.match.map((form) => ({
    slots: expandAlternatives(form.phrase),
    inflect: form.inflect,
  })),
);
const exampleSentences = terms.flatMap((term) => [
  ...term.text.en.examples.incorrect.map((example) => example.text),
  ...term.text.en.examples.correct.map((example) => example.text),
]);
const termHeadwords = terms.map((term) => term.text.en.term);

const separators = [' ', ' ', ' ', '-', '\u00A0', '\u2011', '\n', '  ', '\u2010', '–'];
const endings = ['', '', '', 's', "'s", '’s', 'es', '.', ',', '!', ')', '”'];
const casings: ((text: string) => string)[] = [
  (text) => text,
  (text) => text.toUpperCase(),
  (text) => text.replace(/\b\p{L}/gu, (letter) => letter.toUpperCase()),
  (text) => text.replace(/^\p{L}/u, (letter) => letter.toUpperCase()),
  (text) => [...text].map((char, index) => (index % 2 ? char.toUpperCase() : char)).join(''),
];

/** A dataset phrase with one alternative per slot, random separators, case and ending. */
export const datasetForm: fc.Arbitrary<string> = fc
  .record({
    form: fc.constantFrom(...phraseSlots),
    picks: fc.array(fc.nat(), { minLength: 8, maxLength: 8 }),
    separators: fc.array(fc.constantFrom(...separators), { minLength: 8, maxLength: 8 }),
    ending: fc.constantFrom(...endings),
    casing: fc.constantFrom(...casings),
  })
  .map(({ form, picks, separators: between, ending, casing }) => {
    const words = form.slots.map((slot, index) => slot[(picks[index] ?? 0) % slot.length] ?? '');
    const joined = words.reduce(
      (text, word, index) => (index === 0 ? word : text + (between[index] ?? ' ') + word),
      '',
    );
    return casing(joined + ending);
  });

export const datasetText: fc.Arbitrary<string> = fc.oneof(
  { weight: 4, arbitrary: datasetForm },
  { weight: 2, arbitrary: fc.constantFrom(...exampleSentences) },
  { weight: 1, arbitrary: fc.constantFrom(...termHeadwords) },
);

// ---------------------------------------------------------------------------------------------
// Hostile Unicode

const specialCharacters = [
  '\u0301',
  '\u0308',
  '\u20DD', // combining marks
  '😀',
  '👩‍👩‍👧',
  '🏳️‍⚧️',
  '👍🏽', // emoji, ZWJ sequences, modifiers
  'مرحبا',
  'שלום',
  '\u200F',
  '\u200E',
  '\u202E',
  '\u2066', // RTL text and bidi controls
  '\u0000',
  '\u0007',
  '\u001B[31m',
  '\u007F',
  '\u0085',
  '\u2028',
  '\u2029',
  '\f',
  '\v', // controls
  '\uD800',
  '\uDBFF',
  '\uDC00',
  '\uDFFF', // lone surrogates
  '\uFEFF',
  '\u200B',
  '\u200D',
  '\u00AD',
  '\u00A0',
  '\u3000', // invisibles and spaces
  'ǅ',
  'ß',
  'İ',
  'ﬁ',
  'Σ', // case-mapping oddities
  '\r',
  '\r\n',
  '\n',
  '\t',
];

const unicodeUnit = fc.oneof(
  { weight: 3, arbitrary: fc.constantFrom(...specialCharacters) },
  { weight: 3, arbitrary: fc.string({ unit: 'grapheme', maxLength: 3 }) },
  { weight: 1, arbitrary: fc.string({ unit: 'binary', maxLength: 3 }) },
  {
    weight: 2,
    arbitrary: fc.constantFrom('child', 'porn', 'sex', 'minor', 'abuse', ' ', '-', "'"),
  },
);

export const hostileUnicode: fc.Arbitrary<string> = fc
  .array(unicodeUnit, { maxLength: 30 })
  .map((parts) => parts.join(''));

// ---------------------------------------------------------------------------------------------
// Prose with spliced terms

const proseWords = [
  'the',
  'report',
  'said',
  'police',
  'found',
  'a',
  'an',
  'on',
  'his',
  'laptop',
  'and',
  'officers',
  'victims',
  'survivors',
  'in',
  'of',
  'court',
  'case',
  'minor',
  'children',
  'child',
  'was',
  'we',
  'called',
  'so-called',
  'term',
  'the term',
  'quoted',
  'said:',
  '"',
  '“',
  '”',
  "'",
  '‘',
  '’',
  'Optional Protocol',
  'Act',
  'adult',
  'sex',
  'porn',
  'abuse',
  'http://x.test/child-porn',
  '—',
  '(',
  ')',
];

const proseToken = fc.oneof(
  { weight: 6, arbitrary: fc.constantFrom(...proseWords) },
  { weight: 2, arbitrary: datasetText },
  { weight: 1, arbitrary: hostileUnicode },
);

/** Words, dataset forms and hostile Unicode joined by spaces and punctuation. */
export const prose: fc.Arbitrary<string> = fc
  .array(fc.tuple(proseToken, fc.constantFrom(' ', ' ', ' ', ', ', '. ', '\n', '')), {
    maxLength: 25,
  })
  .map((pairs) =>
    pairs
      .map(([token, gap]) => token + gap)
      .join('')
      .trim(),
  );

// ---------------------------------------------------------------------------------------------
// Markdown structure

const inline: fc.Arbitrary<string> = fc.oneof(
  { weight: 5, arbitrary: prose },
  { weight: 1, arbitrary: prose.map((text) => `*${text}*`) },
  { weight: 1, arbitrary: prose.map((text) => `**${text}**`) },
  { weight: 1, arbitrary: prose.map((text) => `~~${text}~~`) },
  { weight: 1, arbitrary: prose.map((text) => `\`${text}\``) },
  {
    weight: 1,
    arbitrary: prose.map(
      (text) => `[${text}](https://example.org/${text.slice(0, 10).replace(/[^a-z0-9-]/gi, '_')})`,
    ),
  },
  { weight: 1, arbitrary: prose.map((text) => `<span>${text}</span>`) },
  {
    weight: 1,
    arbitrary: datasetForm.map((form) => {
      const cut = Math.max(1, form.length >> 1);
      return `${form.slice(0, cut)}*${form.slice(cut)}*`;
    }),
  },
  {
    weight: 1,
    arbitrary: fc.constantFrom(
      '&amp;',
      '&nbsp;',
      '&#99;',
      '\\*',
      '<br>',
      '<!-- luxlint-disable-next-line -->',
      '<!-- luxlint-disable child-porn -->',
      '<!-- luxlint-enable -->',
    ),
  },
);

const inlineRun = fc.array(inline, { minLength: 1, maxLength: 4 }).map((parts) => parts.join(' '));

const markdownBlock: fc.Arbitrary<string> = fc.letrec<{ block: string }>((tie) => ({
  block: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    { weight: 5, arbitrary: inlineRun },
    {
      weight: 1,
      arbitrary: fc
        .tuple(fc.integer({ min: 1, max: 6 }), inlineRun)
        .map(([level, text]) => `${'#'.repeat(level)} ${text}`),
    },
    {
      weight: 1,
      arbitrary: fc
        .tuple(
          fc.constantFrom('- ', '* ', '1. ', '- [ ] '),
          fc.array(tie('block'), { minLength: 1, maxLength: 3 }),
        )
        .map(([marker, items]) =>
          items.map((item) => marker + item.replaceAll('\n', '\n   ')).join('\n'),
        ),
    },
    {
      weight: 1,
      arbitrary: tie('block').map((block) =>
        block
          .split('\n')
          .map((line) => `> ${line}`)
          .join('\n'),
      ),
    },
    {
      weight: 1,
      arbitrary: fc
        .tuple(fc.constantFrom('```', '~~~', '```js'), prose)
        .map(([fence, text]) => `${fence}\n${text}\n${fence.slice(0, 3)}`),
    },
    {
      weight: 1,
      arbitrary: fc
        .array(
          fc.array(
            inline.map((cell) => cell.replaceAll('|', '\\|').replaceAll('\n', ' ')),
            { minLength: 2, maxLength: 2 },
          ),
          { minLength: 1, maxLength: 3 },
        )
        .map((rows) =>
          ['| a | b |', '| - | - |', ...rows.map((row) => `| ${row.join(' | ')} |`)].join('\n'),
        ),
    },
    { weight: 1, arbitrary: prose.map((text) => `<div>\n${text}\n</div>`) },
    { weight: 1, arbitrary: prose.map((text) => `---\n${text.replaceAll('\n', ' ')}\n---`) },
  ),
})).block;

/** Front matter at the start; the same `---` lines later in a document are thematic breaks and a paragraph. */
const frontMatter = fc.option(
  prose.map((text) => `---\ntitle: ${text.replaceAll('\n', ' ')}\n---\n`),
  { nil: '' },
);

export const markdownDocument: fc.Arbitrary<string> = fc
  .tuple(
    frontMatter,
    fc.array(fc.tuple(markdownBlock, fc.constantFrom('\n\n', '\n', '\r\n\r\n', '\n\n\n')), {
      maxLength: 8,
    }),
  )
  .map(([matter, blocks]) => matter + blocks.map(([block, gap]) => block + gap).join(''));

// ---------------------------------------------------------------------------------------------
// HTML structure

const htmlNode: fc.Arbitrary<string> = fc.letrec<{ node: string }>((tie) => ({
  node: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    { weight: 5, arbitrary: prose.map((text) => text.replaceAll('<', '&lt;')) },
    {
      weight: 3,
      arbitrary: fc
        .tuple(
          fc.constantFrom(
            'p',
            'h1',
            'h3',
            'li',
            'blockquote',
            'q',
            'em',
            'b',
            'td',
            'span',
            'a href="https://example.org/child-porn"',
            'code',
            'pre',
            'script',
            'style',
            'del',
            'title',
            'template',
            'svg',
          ),
          fc.array(tie('node'), { maxLength: 3 }),
        )
        .map(([tag, children]) => `<${tag}>${children.join('')}</${tag.split(' ')[0]}>`),
    },
    {
      weight: 1,
      arbitrary: fc.constantFrom(
        '&amp;',
        '&nbsp;',
        '&#99;',
        '&#x63;',
        '&bogus;',
        '<br>',
        '<!-- luxlint-disable -->',
        '<!-- luxlint-enable -->',
        '<!-- luxlint-disable-next-line child-porn -->',
        '</p>',
        '<p>',
        '<',
        '&',
      ),
    },
    { weight: 1, arbitrary: hostileUnicode },
  ),
})).node;

export const htmlDocument: fc.Arbitrary<string> = fc
  .array(fc.tuple(htmlNode, fc.constantFrom('', '\n', ' ', '\r\n')), { maxLength: 8 })
  .map((nodes) => nodes.map(([node, gap]) => node + gap).join(''));

/** Plain text: paragraphs of prose, blank lines, control lines. */
export const textDocument: fc.Arbitrary<string> = fc
  .array(
    fc.oneof(
      { weight: 6, arbitrary: prose },
      {
        weight: 1,
        arbitrary: fc.constantFrom(
          'luxlint-disable-next-line',
          'luxlint-disable child-porn',
          'luxlint-enable',
        ),
      },
    ),
    { maxLength: 8 },
  )
  .chain((paragraphs) =>
    fc
      .array(fc.constantFrom('\n', '\n\n', '\r\n\r\n'), {
        minLength: paragraphs.length,
        maxLength: paragraphs.length,
      })
      .map((gaps) =>
        paragraphs.map((paragraph, index) => paragraph + (gaps[index] ?? '')).join(''),
      ),
  );

/** MDX: Markdown blocks plus JSX, expressions and ESM (some of which will not parse). */
export const mdxDocument: fc.Arbitrary<string> = fc
  .array(
    fc.oneof(
      { weight: 5, arbitrary: markdownBlock.map((block) => block.replace(/[{}<]/g, ' ')) },
      {
        weight: 1,
        arbitrary: prose.map((text) => `<Note>\n${text.replace(/[{}<>]/g, ' ')}\n</Note>`),
      },
      {
        weight: 1,
        arbitrary: fc.constantFrom(
          '{/* luxlint-disable */}',
          '{/* luxlint-enable */}',
          '{/* luxlint-disable-next-line child-porn */}',
          'export const a = "child porn";',
          'import X from "y";',
          '{1 + 1}',
          '{',
          '<Broken',
        ),
      },
    ),
    { maxLength: 8 },
  )
  .map((blocks) => blocks.join('\n\n'));

export const documentsByFormat = {
  markdown: fc.oneof(
    { weight: 3, arbitrary: markdownDocument },
    { weight: 1, arbitrary: hostileUnicode },
    { weight: 1, arbitrary: prose },
  ),
  mdx: fc.oneof({ weight: 3, arbitrary: mdxDocument }, { weight: 1, arbitrary: prose }),
  text: fc.oneof({ weight: 3, arbitrary: textDocument }, { weight: 1, arbitrary: hostileUnicode }),
  html: fc.oneof(
    { weight: 3, arbitrary: htmlDocument },
    { weight: 1, arbitrary: hostileUnicode },
    { weight: 1, arbitrary: prose },
  ),
} as const;
