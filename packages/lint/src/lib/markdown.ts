import type { Root as MdastRoot } from 'mdast';
import remarkFrontmatter from 'remark-frontmatter';
import { footnoteSupportFor, remarkGfmSyntax, type FootnoteSupport } from './gfm.js';
import remarkParse from 'remark-parse';
import { unified } from 'unified';
import type { Position } from 'unist';
import { parseDirective, type Directive, type ParsedDocument } from './parsed.js';
import { markdownCuts } from './chunks.js';
import { assertNesting } from './nesting.js';
import { markdownPieceCuts, parseInPieces, type TreeNode } from './markdown-pieces.js';
import {
  sliceBlock,
  textPiece,
  withoutUrls,
  type Block,
  type Piece,
  type TextPiece,
} from './pieces.js';
import { appendAll } from './append.js';
import { simpleMarkdownBlocks } from './simple-markdown.js';
import type { Reader } from './reader.js';

/** The fields of mdast (and MDX) nodes this module reads. */
interface MdNode {
  type: string;
  value?: string;
  alt?: string | null;
  children?: MdNode[];
  position?: Position | undefined;
}

// Six configurations: with or without front matter (a run cut out of the middle of a document:
// `---` there is a thematic break, never front matter), by the GFM footnote syntax the
// document can use (see `footnoteSupportFor`).
const markdownParsers = new Map<string, MarkdownParser>();

function markdownParser(atDocumentStart: boolean, footnotes: FootnoteSupport): MarkdownParser {
  const key = `${atDocumentStart}:${footnotes}`;
  let parser = markdownParsers.get(key);
  if (!parser) {
    const processor = unified().use(remarkParse).use(remarkGfmSyntax, { footnotes });
    parser = (
      atDocumentStart ? processor.use(remarkFrontmatter, ['yaml', 'toml']) : processor
    ).freeze();
    markdownParsers.set(key, parser);
  }
  return parser;
}

/**
 * A configured remark parser; MDX passes its own (see mdx.ts), which keeps remark-mdx and acorn
 * out of plain Markdown runs.
 */
export interface MarkdownParser {
  parse(document: string): unknown;
}

/** Containers of block content: walked, never linted as a whole. */
const containers = new Set([
  'root',
  'blockquote',
  'list',
  'listItem',
  'footnoteDefinition',
  'table',
  'tableRow',
  'mdxJsxFlowElement',
]);
/** Blocks whose phrasing content is prose. */
const proseBlocks = new Set(['paragraph', 'heading', 'tableCell']);
/** Phrasing nodes whose children are prose. */
const phrasingParents = new Set([
  'emphasis',
  'strong',
  'delete',
  'link',
  'linkReference',
  'mdxJsxTextElement',
]);
/** Phrasing content that is never prose. */
const phrasingSources = new Set(['inlineCode', 'inlineMath']);

function startOf(node: MdNode): number | undefined {
  return node.position?.start.offset;
}

function endOf(node: MdNode): number | undefined {
  return node.position?.end.offset;
}

function plainText(node: MdNode): string {
  if (typeof node.value === 'string') return node.value;
  return (node.children ?? []).map(plainText).join('');
}

/** Text inside an MDX comment expression `{/* … *\/}`, or undefined. */
function mdxComment(value: string): string | undefined {
  const match = /^\s*\/\*([\s\S]*)\*\/\s*$/.exec(value);
  return match ? match[1] : undefined;
}

/** Text inside an HTML comment `<!-- … -->`, or undefined. */
function htmlComment(value: string): string | undefined {
  const match = /^\s*<!--([\s\S]*?)-->\s*$/.exec(value);
  return match ? match[1] : undefined;
}

/**
 * Parse Markdown (or, given `mdxParser`, MDX) into prose blocks, block-quote ranges and control
 * comments.
 */
export function parseMarkdown(
  document: string,
  mdxParser: MarkdownParser | undefined,
  atDocumentStart = true,
  isMentionHeader: (header: string) => boolean = () => false,
): ParsedDocument {
  // micromark drops a byte order mark and counts positions without it: parse after it instead.
  if (document.startsWith('\uFEFF'))
    return shiftParsed(
      parseMarkdown(document.slice(1), mdxParser, atDocumentStart, isMentionHeader),
      1,
    );
  const mdx = mdxParser !== undefined;
  const footnotes = footnoteSupportFor(document);
  // An enormous paragraph is parsed in pieces, joined into the same tree (see markdown-pieces.ts).
  const tree = parseInPieces(
    document,
    markdownPieceCuts(document, mdx, undefined, atDocumentStart),
    (piece, atStart) =>
      (mdxParser ?? markdownParser(atDocumentStart && atStart, footnotes)).parse(
        piece,
      ) as MdastRoot as unknown as TreeNode,
  ) as MdNode;
  const blocks: Block[] = [];
  const quoteRanges: Array<[number, number]> = [];
  const mentionRanges: Array<[number, number]> = [];
  const directives: Directive[] = [];

  // A table of wording advice ("Avoid | Use instead") lists the discouraged terms as terms:
  // the cells under such a heading are mentions, not the writer's own use.
  const mentionColumnsOf = (table: MdNode): void => {
    const [header, ...rows] = table.children ?? [];
    const columns = (header?.children ?? []).flatMap((cell, index) =>
      isMentionHeader(plainText(cell)) ? [index] : [],
    );
    for (const row of rows) {
      for (const index of columns) {
        const cell = row.children?.[index];
        const start = cell && startOf(cell);
        const end = cell && endOf(cell);
        if (start !== undefined && end !== undefined) mentionRanges.push([start, end]);
      }
    }
  };

  const directiveIn = (node: MdNode): void => {
    const start = startOf(node);
    const end = endOf(node);
    if (start === undefined || end === undefined || typeof node.value !== 'string') return;
    const body =
      node.type === 'html' ? htmlComment(node.value) : mdx ? mdxComment(node.value) : undefined;
    if (body === undefined) return;
    const directive = parseDirective(body, start, end);
    if (directive) directives.push(directive);
  };

  const phrasing = (node: MdNode, pieces: Piece[]): void => {
    const start = startOf(node);
    const end = endOf(node);
    if (node.type === 'text') {
      if (start !== undefined && end !== undefined && node.value) {
        appendAll(pieces, withoutUrls(textPiece(node.value, document, start, end)));
      }
    } else if (phrasingSources.has(node.type)) {
      if (start !== undefined && end !== undefined)
        pieces.push({ kind: 'source', value: document.slice(start, end), start, end });
    } else if (node.type === 'break') {
      if (start !== undefined && end !== undefined) pieces.push({ kind: 'break', start, end });
    } else if (node.type === 'image' || node.type === 'imageReference') {
      // Alternative text is prose a reader sees (or hears); the URL is not.
      if (node.alt && start !== undefined && end !== undefined) {
        appendAll(pieces, withoutUrls(textPiece(node.alt, document, start + 2, end)));
      }
    } else if (
      node.type === 'link' &&
      start !== undefined &&
      end !== undefined &&
      isBareUrl(node, document, start, end)
    ) {
      pieces.push({ kind: 'source', value: document.slice(start, end), start, end });
    } else if (phrasingParents.has(node.type)) {
      for (const child of node.children ?? []) phrasing(child, pieces);
    } else if (node.type === 'html' || node.type === 'mdxTextExpression') {
      directiveIn(node);
    }
  };

  const block = (node: MdNode): void => {
    const start = startOf(node);
    const end = endOf(node);
    if (start === undefined || end === undefined) return;
    const pieces: Piece[] = [];
    for (const child of node.children ?? []) phrasing(child, pieces);
    if (pieces.length > 0) blocks.push({ start, end, pieces });
  };

  const flow = (node: MdNode): void => {
    if (proseBlocks.has(node.type)) {
      block(node);
    } else if (containers.has(node.type)) {
      if (node.type === 'blockquote') {
        const start = startOf(node);
        const end = endOf(node);
        if (start !== undefined && end !== undefined) quoteRanges.push([start, end]);
      }
      if (node.type === 'table') mentionColumnsOf(node);
      walkChildren(node);
    } else if (node.type === 'html' || node.type === 'mdxFlowExpression') {
      directiveIn(node);
    }
    // code, yaml, toml, definition, thematicBreak, math, mdxjsEsm: never prose.
  };

  // A JSX element in MDX may hold phrasing directly: group such runs into blocks.
  const walkChildren = (node: MdNode): void => {
    let run: MdNode[] = [];
    const flush = (): void => {
      const first = run[0];
      const last = run[run.length - 1];
      if (first && last)
        block({
          type: 'paragraph',
          children: run,
          position: { start: first.position!.start, end: last.position!.end },
        });
      run = [];
    };
    for (const child of node.children ?? []) {
      if (
        child.position &&
        (child.type === 'text' ||
          phrasingParents.has(child.type) ||
          phrasingSources.has(child.type) ||
          child.type === 'break')
      ) {
        run.push(child);
      } else {
        flush();
        flow(child);
      }
    }
    flush();
  };

  flow(tree);
  return { blocks, quoteRanges, mentionRanges, directives };
}

/** An autolink (`<https://…>`) or a GFM literal URL: its text is the address itself. */
function isBareUrl(node: MdNode, document: string, start: number, end: number): boolean {
  const source = document.slice(start, end);
  const text = plainText(node);
  return source === text || source === `<${text}>`;
}

function shiftPiece(piece: Piece, delta: number): Piece {
  if (piece.kind !== 'text')
    return { ...piece, start: piece.start + delta, end: piece.end + delta };
  const shifted: TextPiece = {
    kind: 'text',
    value: piece.value,
    start: piece.start + delta,
    end: piece.end + delta,
  };
  if (!piece.starts || !piece.ends) return shifted;
  return {
    ...shifted,
    starts: piece.starts.map((offset) => offset + delta),
    ends: piece.ends.map((offset) => offset + delta),
  };
}

function shiftParsed(parsed: ParsedDocument, delta: number): ParsedDocument {
  return {
    blocks: parsed.blocks.map((block) => ({
      start: block.start + delta,
      end: block.end + delta,
      pieces: block.pieces.map((piece) => shiftPiece(piece, delta)),
    })),
    quoteRanges: parsed.quoteRanges.map(([from, to]) => [from + delta, to + delta] as const),
    mentionRanges: parsed.mentionRanges.map(([from, to]) => [from + delta, to + delta] as const),
    directives: parsed.directives.map((directive) => ({
      ...directive,
      start: directive.start + delta,
      end: directive.end + delta,
    })),
  };
}

/**
 * Parse only the runs of a Markdown document that `isCandidate` accepts (see `markdownCuts`),
 * with offsets into the whole document. Falls back to one parse when the document cannot be cut.
 */
export function parseMarkdownRuns(
  document: string,
  isCandidate: (run: string) => boolean,
  isMentionHeader?: (header: string) => boolean,
): ParsedDocument {
  const cuts = markdownCuts(document);
  if (!cuts || cuts.length < 2) {
    const simple = simpleMarkdownBlocks(document, 0, document.length);
    return sliceLongBlocks(
      simple
        ? { blocks: simple, quoteRanges: [], mentionRanges: [], directives: [] }
        : parseMarkdown(document, undefined, true, isMentionHeader),
      document,
      isCandidate,
    );
  }
  const blocks: Block[] = [];
  const quoteRanges: Array<[number, number]> = [];
  const mentionRanges: Array<[number, number]> = [];
  const directives: Directive[] = [];
  // Adjacent candidate runs that are not simple Markdown are parsed together (each parse has a
  // fixed cost); a simple run needs no parse, so it never joins one.
  const parts: Array<{ start: number; end: number; simple: Block[] | undefined }> = [];
  for (let index = 0; index < cuts.length; index++) {
    const start = cuts[index] as number;
    const end = cuts[index + 1] ?? document.length;
    if (!isCandidate(document.slice(start, end))) continue;
    const simple = simpleMarkdownBlocks(document, start, end);
    const last = parts[parts.length - 1];
    if (!simple && last && last.end === start && !last.simple) last.end = end;
    else parts.push({ start, end, simple });
  }
  for (const { start, end, simple } of parts) {
    if (simple) {
      appendAll(blocks, simple);
      continue;
    }
    const parsed = parseMarkdown(
      document.slice(start, end),
      undefined,
      start === 0,
      isMentionHeader,
    );
    for (const block of parsed.blocks) {
      blocks.push({
        start: block.start + start,
        end: block.end + start,
        pieces: block.pieces.map((piece) => shiftPiece(piece, start)),
      });
    }
    for (const [from, to] of parsed.quoteRanges) quoteRanges.push([from + start, to + start]);
    for (const [from, to] of parsed.mentionRanges) mentionRanges.push([from + start, to + start]);
    for (const directive of parsed.directives)
      directives.push({ ...directive, start: directive.start + start, end: directive.end + start });
  }
  return sliceLongBlocks({ blocks, quoteRanges, mentionRanges, directives }, document, isCandidate);
}

/**
 * Characters on either side of a cut through an enormous paragraph that must hold no candidate
 * for the cut to be quiet (the margin the plain-text reader uses: more than the widest
 * look-back of the checker's context rules).
 */
const quietMargin = 1000;

/**
 * Cut enormous blocks into slices at quiet white space, as the plain-text reader does, so the
 * fast path parses only the slices with a candidate (a million-line paragraph holding a few
 * terms); the slices carry `continues` notes, so the checker still sees one paragraph.
 */
function sliceLongBlocks(
  parsed: ParsedDocument,
  document: string,
  isCandidate: (run: string) => boolean,
): ParsedDocument {
  const quiet = (start: number, end: number): boolean =>
    !isCandidate(document.slice(Math.max(0, start - quietMargin), end + quietMargin));
  const blocks: Block[] = [];
  for (const block of parsed.blocks) appendAll(blocks, sliceBlock(block, { quiet }));
  return blocks.length === parsed.blocks.length ? parsed : { ...parsed, blocks };
}

export const readMarkdown: Reader = (value, context) => {
  // Checked on the whole document, fast path or not, so that a line number names the line.
  assertNesting(value);
  return context.fastPath
    ? parseMarkdownRuns(value, context.mayMatch, context.isMentionHeader)
    : parseMarkdown(value, undefined, true, context.isMentionHeader);
};
