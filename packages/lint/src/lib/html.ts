import rehypeParse from 'rehype-parse';
import { unified } from 'unified';
import type { Position } from 'unist';
import { parseDirective, type Directive, type ParsedDocument } from './parsed.js';
import { textPiece, withoutUrls, type Block, type Piece } from './pieces.js';
import { appendAll } from './append.js';
import type { Reader } from './reader.js';

/** The fields of hast nodes this module reads. */
interface HtmlNode {
  type: string;
  tagName?: string;
  value?: string;
  properties?: Record<string, unknown>;
  children?: HtmlNode[];
  content?: HtmlNode;
  position?: Position | undefined;
}

const htmlParser = unified().use(rehypeParse).freeze();

/** Never prose: program text, notation, and what the reader does not see as text. */
const ignored = new Set([
  'script',
  'style',
  'noscript',
  'template',
  'svg',
  'math',
  'pre',
  'textarea',
  'del',
]);
/** Inline elements whose text is code or machine output: kept as opaque source. */
const sources = new Set(['code', 'kbd', 'samp', 'var', 'tt']);
/** Phrasing content (HTML "phrasing content" plus obsolete inline elements). */
const phrasing = new Set([
  'a',
  'abbr',
  'b',
  'bdi',
  'bdo',
  'big',
  'br',
  'cite',
  'code',
  'data',
  'dfn',
  'em',
  'font',
  'i',
  'img',
  'ins',
  'kbd',
  'label',
  'mark',
  'nobr',
  'q',
  'ruby',
  'rb',
  'rp',
  'rt',
  'rtc',
  's',
  'samp',
  'small',
  'span',
  'strike',
  'strong',
  'sub',
  'sup',
  'time',
  'tt',
  'u',
  'var',
  'wbr',
  'acronym',
  'output',
  'meter',
  'progress',
]);

function isIgnored(node: HtmlNode): boolean {
  return (
    (node.tagName !== undefined && ignored.has(node.tagName)) ||
    node.properties?.['dataNlcst'] === 'ignore'
  );
}

/** Parse HTML into prose blocks, quotation ranges (`<blockquote>`, `<q>`) and control comments. */
export function parseHtml(document: string): ParsedDocument {
  const tree = htmlParser.parse(document) as unknown as HtmlNode;
  const blocks: Block[] = [];
  const quoteRanges: Array<[number, number]> = [];
  const directives: Directive[] = [];

  const noteQuote = (node: HtmlNode): void => {
    const start = node.position?.start.offset;
    const end = node.position?.end.offset;
    if (
      (node.tagName === 'blockquote' || node.tagName === 'q') &&
      start !== undefined &&
      end !== undefined
    ) {
      quoteRanges.push([start, end]);
    }
  };

  const comment = (node: HtmlNode): void => {
    const start = node.position?.start.offset;
    const end = node.position?.end.offset;
    if (start === undefined || end === undefined || typeof node.value !== 'string') return;
    const directive = parseDirective(node.value, start, end);
    if (directive) directives.push(directive);
  };

  const inline = (node: HtmlNode, pieces: Piece[]): void => {
    const start = node.position?.start.offset;
    const end = node.position?.end.offset;
    if (node.type === 'text') {
      if (node.value && start !== undefined && end !== undefined) {
        appendAll(pieces, withoutUrls(textPiece(node.value, document, start, end)));
      }
    } else if (node.type === 'comment') {
      comment(node);
    } else if (node.type === 'element' && !isIgnored(node)) {
      if (node.tagName === 'br') {
        if (start !== undefined && end !== undefined) pieces.push({ kind: 'break', start, end });
      } else if (node.tagName !== undefined && sources.has(node.tagName)) {
        if (start !== undefined && end !== undefined)
          pieces.push({ kind: 'source', value: document.slice(start, end), start, end });
      } else {
        noteQuote(node);
        for (const child of node.children ?? []) inline(child, pieces);
      }
    }
  };

  const isPhrasing = (node: HtmlNode): boolean =>
    node.type === 'text' ||
    (node.type === 'element' && node.tagName !== undefined && phrasing.has(node.tagName));

  // Runs of phrasing content inside a flow element are the paragraphs (implicit or explicit).
  const flow = (node: HtmlNode): void => {
    if (node.type === 'comment') {
      comment(node);
      return;
    }
    if (node.type !== 'root' && (node.type !== 'element' || isIgnored(node))) return;
    noteQuote(node);
    let pieces: Piece[] = [];
    const flush = (): void => {
      const first = pieces[0];
      const last = pieces[pieces.length - 1];
      if (
        first &&
        last &&
        pieces.some((piece) => piece.kind === 'text' && /\S/.test(piece.value))
      ) {
        blocks.push({ start: first.start, end: last.end, pieces });
      }
      pieces = [];
    };
    const children =
      node.tagName === 'template' && node.content
        ? (node.content.children ?? [])
        : (node.children ?? []);
    for (const child of children) {
      if (isPhrasing(child)) {
        inline(child, pieces);
      } else if (child.type === 'comment') {
        comment(child);
      } else {
        flush();
        flow(child);
      }
    }
    flush();
  };

  flow(tree);
  quoteRanges.sort((a, b) => a[0] - b[0] || a[1] - b[1]);
  return { blocks, quoteRanges, mentionRanges: [], directives };
}

export const readHtml: Reader = (value) => parseHtml(value);
