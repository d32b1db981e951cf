import remarkFrontmatter from 'remark-frontmatter';
import { mayDefineFootnotes, remarkGfmSyntax } from './gfm.js';
import remarkMdx from 'remark-mdx';
import remarkParse from 'remark-parse';
import { unified } from 'unified';
import { assertNesting } from './nesting.js';
import { parseMarkdown } from './markdown.js';
import type { ParsedDocument } from './parsed.js';
import type { Reader } from './reader.js';

// In a module of its own: remark-mdx brings acorn, the largest part of the code a Markdown-only
// host would otherwise load. A document that cannot define a footnote is read without GFM
// footnotes (see `remarkGfmSyntax`).
const mdxParsers = [true, false].map((footnotes) =>
  unified()
    .use(remarkParse)
    .use(remarkGfmSyntax, { footnotes })
    .use(remarkFrontmatter, ['yaml', 'toml'])
    .use(remarkMdx)
    .freeze(),
);
const mdxParser = {
  parse: (document: string): unknown =>
    mdxParsers[mayDefineFootnotes(document) ? 0 : 1]!.parse(document),
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
