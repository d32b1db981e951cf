import remarkFrontmatter from 'remark-frontmatter';
import { footnoteSupportFor, remarkGfmSyntax, type FootnoteSupport } from './gfm.js';
import remarkMdx from 'remark-mdx';
import remarkParse from 'remark-parse';
import { unified } from 'unified';
import { assertNesting } from './nesting.js';
import { parseMarkdown } from './markdown.js';
import type { ParsedDocument } from './parsed.js';
import type { Reader } from './reader.js';

// In a module of its own: remark-mdx brings acorn, the largest part of the code a Markdown-only
// host would otherwise load. Each document is read with the least GFM footnote syntax it can use
// (see `footnoteSupportFor`), which gives the same tree.
const mdxParsers = new Map<FootnoteSupport, { parse(document: string): unknown }>();

function mdxParserWith(footnotes: FootnoteSupport): { parse(document: string): unknown } {
  let parser = mdxParsers.get(footnotes);
  if (!parser) {
    parser = unified()
      .use(remarkParse)
      .use(remarkGfmSyntax, { footnotes })
      .use(remarkFrontmatter, ['yaml', 'toml'])
      .use(remarkMdx)
      .freeze();
    mdxParsers.set(footnotes, parser);
  }
  return parser;
}

const mdxParser = {
  parse: (document: string): unknown => mdxParserWith(footnoteSupportFor(document)).parse(document),
};

/** Parse MDX into prose blocks, block-quote ranges and control comments (always whole). */
export function parseMdx(
  document: string,
  isMentionHeader?: (header: string) => boolean,
): ParsedDocument {
  assertNesting(document);
  return parseMarkdown(document, mdxParser, true, isMentionHeader);
}

export const readMdx: Reader = (value, context) => parseMdx(value, context.isMentionHeader);
