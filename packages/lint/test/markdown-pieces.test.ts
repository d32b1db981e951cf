/**
 * An enormous Markdown paragraph is parsed in pieces (src/lib/markdown-pieces.ts) and the pieces'
 * trees are joined; the joined tree must equal the tree of the whole document, node for node and
 * position for position. Generated documents mix plain lines with inline markup that may pair
 * across lines (emphasis, code spans, links, HTML, strikethrough), hard breaks, block quotes,
 * lists, headings, setext underlines, tables, fences, indentation, HTML blocks and front matter;
 * a tiny piece length puts a cut wherever the rules allow one.
 *
 * Also: GFM without footnote constructs (used when a document cannot define a footnote: it lacks
 * `[^` or `]:`) parses every such document exactly as full GFM does.
 */
import fc from 'fast-check';
import remarkFrontmatter from 'remark-frontmatter';
import remarkMdx from 'remark-mdx';
import remarkParse from 'remark-parse';
import { unified } from 'unified';
import { isDeepStrictEqual as isEqual } from 'node:util';
import { describe, expect, it } from 'vitest';
import { footnoteSupportFor, remarkGfmSyntax, type FootnoteSupport } from '../src/lib/gfm.js';
import { parseMarkdown } from '../src/lib/markdown.js';
import { markdownPieceCuts, parseInPieces, type TreeNode } from '../src/lib/markdown-pieces.js';

const runs = Number(process.env['FUZZ_RUNS'] ?? '1500');
/** Fixed unless FUZZ_SEED is given, so a failure can be replayed. */
const seed = Number(process.env['FUZZ_SEED'] ?? '20261123');
/** Room for `pnpm fuzz`'s many runs (a hang is still caught). */
const timeout = Math.max(60_000, runs * 30);

const parsers = {
  markdown: unified()
    .use(remarkParse)
    .use(remarkGfmSyntax)
    .use(remarkFrontmatter, ['yaml', 'toml'])
    .freeze(),
  markdownBody: unified().use(remarkParse).use(remarkGfmSyntax).freeze(),
  mdx: unified()
    .use(remarkParse)
    .use(remarkGfmSyntax)
    .use(remarkFrontmatter, ['yaml', 'toml'])
    .use(remarkMdx)
    .freeze(),
};

const parseMarkdownPiece = (piece: string, atStart: boolean): TreeNode =>
  (atStart ? parsers.markdown : parsers.markdownBody).parse(piece) as unknown as TreeNode;
const parseMdxPiece = (piece: string): TreeNode => parsers.mdx.parse(piece) as unknown as TreeNode;

/** The tree without `data` fields some nodes carry (none are read), as plain JSON. */
function plain(tree: unknown): unknown {
  return JSON.parse(
    JSON.stringify(tree, (key, value: unknown) => (key === 'data' ? undefined : value)),
  );
}

const plainLines = [
  'line of plain text',
  'Child porn here',
  'naïve café Ünïcödé',
  'x',
  'The end.',
  'Another sentence',
  'per cent 2024',
];
const inlineLines = [
  '*emphasis* word',
  'word *opens',
  'closes* word',
  '**strong** text',
  'an _under_ score',
  'snake_case_name',
  '~~struck~~ out',
  'a ~tilde',
  'some `code` here',
  'a `backtick opens',
  'closes` it',
  'a [link](http://example.com) here',
  'a [bracket opens',
  'bracket closes] here',
  'closes](http://x.y) late',
  'an ![image](i.png) here',
  'a footnote[^1] call',
  'some <b>bold</b> html',
  'a <a',
  'href="x"> tag',
  'a <!-- comment --> here',
  '&amp; and &#42; and &ast;',
  '\\*escaped\\* stars',
  'see http://example.com/x.',
  'visit www.example.com now',
  'mail me@example.com now',
  'a {brace} here',
  'a > b and c < d',
  'hard break  ',
  'backslash break\\',
  'tab at end\t',
  'trailing space ',
];
const blockLines = [
  '',
  '   ',
  '> quoted line',
  '> > deeply quoted',
  '>no space quote',
  '> ',
  '- item',
  '* item',
  '+ item',
  '1. one',
  '2) two',
  '# Heading',
  '## Heading ##',
  '===',
  '---',
  '***',
  '| a | b |',
  '|---|---|',
  'a | b',
  '```',
  '~~~',
  '    indented code',
  '  two spaces in',
  '<div>',
  '</div>',
  '<!-- luxlint-disable -->',
  '[^1]: a note',
  '[ref]: http://example.com',
];
const prefixes = ['', '', '', '', '> ', '> > ', '>', '- ', '  '];

const line = fc.oneof(
  { weight: 6, arbitrary: fc.constantFrom(...plainLines) },
  { weight: 3, arbitrary: fc.constantFrom(...inlineLines) },
  { weight: 1, arbitrary: fc.constantFrom(...blockLines) },
  {
    weight: 2,
    arbitrary: fc
      .tuple(fc.constantFrom(...prefixes), fc.constantFrom(...plainLines, ...inlineLines))
      .map(([prefix, text]) => prefix + text),
  },
);

const document = fc
  .record({
    // Front matter (closed or not) whose lines look like prose, blank lines included.
    frontMatter: fc.option(
      fc.record({
        fence: fc.constantFrom('---', '+++'),
        lines: fc.array(fc.constantFrom(...plainLines, '', 'title: x'), { maxLength: 6 }),
        closed: fc.boolean(),
      }),
      { freq: 4 },
    ),
    lines: fc.array(line, { minLength: 1, maxLength: 60 }),
    crlf: fc.boolean(),
    finalNewline: fc.boolean(),
  })
  .map(({ frontMatter, lines, crlf, finalNewline }) => {
    const all = frontMatter
      ? [
          frontMatter.fence,
          ...frontMatter.lines,
          ...(frontMatter.closed ? [frontMatter.fence] : []),
          ...lines,
        ]
      : lines;
    const text = all.join(crlf ? '\r\n' : '\n');
    return finalNewline ? text + (crlf ? '\r\n' : '\n') : text;
  });

describe('Markdown parsed in pieces', () => {
  it(`joins into the whole document's tree (${runs} generated documents)`, { timeout }, () => {
    let cutDocuments = 0;
    let joined = 0;
    fc.assert(
      fc.property(document, fc.integer({ min: 1, max: 80 }), (text, pieceLength) => {
        const cuts = markdownPieceCuts(text, false, pieceLength);
        if (cuts.length > 0) cutDocuments++;
        joined += cuts.length;
        const pieces = parseInPieces(text, cuts, parseMarkdownPiece);
        expect(plain(pieces)).toEqual(plain(parsers.markdown.parse(text)));
      }),
      { numRuns: runs, seed },
    );
    // The property must exercise cuts, not only documents too short or awkward to cut.
    expect(cutDocuments).toBeGreaterThan(runs / 4);
    expect(joined).toBeGreaterThan(runs);
  });

  it(
    `joins MDX into the whole document's tree (${Math.ceil(runs / 4)} generated documents)`,
    {
      timeout,
    },
    () => {
      let joined = 0;
      fc.assert(
        fc.property(document, fc.integer({ min: 1, max: 80 }), (text, pieceLength) => {
          let whole: unknown;
          try {
            whole = plain(parsers.mdx.parse(text));
          } catch {
            return; // not valid MDX as a whole: nothing to compare
          }
          const cuts = markdownPieceCuts(text, true, pieceLength);
          joined += cuts.length;
          expect(plain(parseInPieces(text, cuts, parseMdxPiece))).toEqual(whole);
        }),
        { numRuns: Math.ceil(runs / 4), seed },
      );
      expect(joined).toBeGreaterThan(runs / 8);
    },
  );

  /** Parse `text` in pieces; the pieces parsed, and whether the joined tree equals the whole tree. */
  function inPieces(text: string, mdx = false, pieceLength?: number) {
    const parsedPieces: string[] = [];
    const parse = (piece: string, atStart: boolean): TreeNode => {
      parsedPieces.push(piece);
      return mdx ? parseMdxPiece(piece) : parseMarkdownPiece(piece, atStart);
    };
    const tree = parseInPieces(text, markdownPieceCuts(text, mdx, pieceLength), parse);
    const whole = (mdx ? parsers.mdx : parsers.markdown).parse(text);
    return { parsedPieces, same: isEqual(plain(tree), plain(whole)) };
  }

  it('keeps cuts through a long paragraph whose markup pairs on each line', () => {
    const markup = [
      '*emphasis*',
      '**strong**',
      '_under_',
      '~~struck~~',
      '`code`',
      '[link](u)',
      '[12]',
      '<b>bold</b>',
      'snake_case',
    ];
    const text =
      Array.from(
        { length: 2000 },
        (_, index) =>
          `line ${index} ${index % 3 === 0 ? markup[index % markup.length]! : 'of text'}`,
      ).join('\n') + '\n';
    const { parsedPieces, same } = inPieces(text, false, 2048);
    expect(same).toBe(true);
    expect(parsedPieces.length).toBeGreaterThan(2);
    expect(parsedPieces).not.toContain(text);
  });

  it('cuts a quoted paragraph of many lines and joins its block quotes', () => {
    const text = Array.from({ length: 1200 }, (_, index) => `> > line ${index} *of* text`).join(
      '\n',
    );
    const { parsedPieces, same } = inPieces(text, false, 2048);
    expect(same).toBe(true);
    expect(parsedPieces.length).toBeGreaterThan(2);
    expect(parseMarkdown(text, undefined).quoteRanges).toEqual([
      [0, text.length],
      [2, text.length],
    ]);
  });

  it('drops the cuts where an opener before and a closer after pair across them', () => {
    const filler = Array.from({ length: 600 }, (_, index) => `line ${index}`);
    for (const [open, close] of [
      ['*', '*'],
      ['_', '_'],
      ['~~', '~~'],
      ['`', '`'],
      ['[', '](u)'],
      ['<b', '>'],
    ] as const) {
      const text = [`a ${open}x`, ...filler, `y${close} b`].join('\n');
      const paired = inPieces(text, false, 512);
      expect(paired.same, open).toBe(true);
      expect(paired.parsedPieces.at(-1), open).toBe(text);
      // An opener with no closer after it bars nothing.
      const unpaired = inPieces([`a ${open}x`, ...filler].join('\n'), false, 512);
      expect(unpaired.same, open).toBe(true);
      expect(unpaired.parsedPieces.length, open).toBeGreaterThan(2);
    }
  });

  it('joins MDX pieces, and parses whole what MDX refuses in pieces', () => {
    const filler = Array.from({ length: 1000 }, (_, index) => `line ${index} *of* text`);
    const plainMdx = inPieces(filler.join('\n'), true, 1024);
    expect(plainMdx.same).toBe(true);
    expect(plainMdx.parsedPieces.length).toBeGreaterThan(2);
    const element = inPieces(['a <b>x', ...filler, 'y</b> c'].join('\n'), true, 1024);
    expect(element.same).toBe(true);
  });
});

describe('GFM with less footnote syntax', () => {
  const withFootnotes = (footnotes: FootnoteSupport) =>
    unified()
      .use(remarkParse)
      .use(remarkGfmSyntax, { footnotes })
      .use(remarkFrontmatter, ['yaml', 'toml'])
      .freeze();
  const lessSyntax = {
    none: withFootnotes('none'),
    'without-image-calls': withFootnotes('without-image-calls'),
  };
  const fragment = fc.constantFrom(
    'child porn',
    ' ',
    ']',
    '] &',
    '[',
    '!',
    '![',
    '[^1]',
    '![^1]',
    '[^a b]',
    '![img](x.png)',
    '[link](y)',
    '\n',
    '\n\n',
    '\n[^1]: A note.\n',
    '\n[^a b]: Another.\n',
    '\n    indented\n',
    '> ',
    '- ',
  );
  const footnoteDocument = fc.array(fragment, { maxLength: 40 }).map((parts) => parts.join(''));

  for (const [name, generated] of [
    ['generated documents', document],
    ['documents of footnote fragments', footnoteDocument],
  ] as const) {
    it(
      `parses ${name} with the least syntax footnoteSupportFor allows as full GFM does (${runs} each)`,
      {
        timeout,
      },
      () => {
        const seen = new Set<FootnoteSupport>();
        fc.assert(
          fc.property(generated, (text) => {
            const support = footnoteSupportFor(text);
            seen.add(support);
            if (support === 'full') return;
            expect(plain(lessSyntax[support].parse(text))).toEqual(
              plain(parsers.markdown.parse(text)),
            );
          }),
          { numRuns: runs, seed },
        );
        // The fragments exercise both reduced levels, not only documents without footnotes.
        if (generated === footnoteDocument)
          expect([...seen].sort()).toEqual(['full', 'none', 'without-image-calls']);
      },
    );
  }
});
