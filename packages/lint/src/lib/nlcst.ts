import type { Paragraph, Root, RootContent, Sentence, SentenceContent } from 'nlcst';
import { toString } from 'nlcst-to-string';
import type { ParseEnglish } from 'parse-english';
import type { Position } from 'unist';
import type { LineIndex } from './positions.js';
import { charEnd, charStart, gapWhiteSpace, type Block, type TextPiece } from './pieces.js';
import { appendAll } from './append.js';

// The same boundaries parse-latin uses when it parses a whole document itself.
const terminalMarker = /^([!.?\u2026\u203D]+)$/;
const newLine = /^[ \t]*((\r?\n|\r)[\t ]*)+$/;

interface Positioned {
  type: string;
  position?: Position | undefined;
  value?: string;
  children?: Positioned[];
}

function span(lines: LineIndex, start: number, end: number): Position {
  return { start: lines.toPoint(start), end: lines.toPoint(end) };
}

/** Give tokens of a text piece (from character `from` on) their place in the original file. */
function placeTokens(
  tokens: readonly Positioned[],
  piece: TextPiece,
  lines: LineIndex,
  from: number,
): void {
  let index = from;
  for (const token of tokens) {
    const length = toString(token as SentenceContent).length;
    const start = charStart(piece, index);
    const end = length > 0 ? charEnd(piece, index + length - 1) : start;
    token.position = span(lines, start, end);
    // Word nodes hold text nodes: place them the same way.
    if (token.children) placeTokens(token.children, piece, lines, index);
    index += length;
  }
}

/**
 * Split `node`'s children into several nodes of the same type after each child of `childType`
 * whose text matches `expression` (what parse-latin does to make sentences and paragraphs).
 */
function splitNode<T extends Sentence | Paragraph>(
  node: T,
  childType: string,
  expression: RegExp,
): T[] {
  const result: T[] = [];
  let start = 0;
  const children = node.children as Positioned[];
  for (let index = 0; index < children.length; index++) {
    const token = children[index] as Positioned;
    if (
      index === children.length - 1 ||
      (token.type === childType && expression.test(toString(token as SentenceContent)))
    ) {
      const part = { type: node.type, children: children.slice(start, index + 1) } as unknown as T;
      const first = children[start];
      if (first?.position && token.position) {
        part.position = { start: first.position.start, end: token.position.end };
      }
      result.push(part);
      start = index + 1;
    }
  }
  return result;
}

/** Turn one block into root-level nlcst paragraphs, with offsets into the original file. */
export function blockToParagraphs(
  block: Block,
  parser: ParseEnglish,
  lines: LineIndex,
): RootContent[] {
  const content: SentenceContent[] = [];
  let previousEnd: number | undefined;
  for (const piece of block.pieces) {
    if (previousEnd !== undefined) {
      const gap = gapWhiteSpace(previousEnd, piece.start, (offset) => lines.lineOf(offset));
      if (gap)
        content.push({
          type: 'WhiteSpaceNode',
          value: gap,
          position: span(lines, previousEnd, piece.start),
        });
    }
    if (piece.kind === 'text') {
      const tokens = parser.tokenize(piece.value);
      placeTokens(tokens as Positioned[], piece, lines, 0);
      appendAll(content, tokens);
    } else if (piece.kind === 'source') {
      content.push({
        type: 'SourceNode',
        value: piece.value,
        position: span(lines, piece.start, piece.end),
      });
    } else {
      content.push({
        type: 'WhiteSpaceNode',
        value: '\n',
        position: span(lines, piece.start, piece.end),
      });
    }
    previousEnd = piece.end;
  }
  if (content.length === 0) return [];

  const first = content[0] as Positioned;
  const last = content[content.length - 1] as Positioned;
  const position =
    first.position && last.position
      ? { start: first.position.start, end: last.position.end }
      : undefined;

  const sentence: Sentence = { type: 'SentenceNode', children: content };
  if (position) sentence.position = { start: { ...position.start }, end: { ...position.end } };
  for (const plugin of parser.tokenizeSentencePlugins) plugin(sentence);

  const paragraph: Paragraph = {
    type: 'ParagraphNode',
    children: splitNode(sentence, 'PunctuationNode', terminalMarker),
  };
  if (position) paragraph.position = { start: { ...position.start }, end: { ...position.end } };
  for (const plugin of parser.tokenizeParagraphPlugins) plugin(paragraph);

  return splitNode(paragraph, 'WhiteSpaceNode', newLine);
}

/** Assemble a root from converted blocks, separated as blocks are in a document. */
export function blocksToRoot(
  blocks: readonly Block[],
  parser: ParseEnglish,
  lines: LineIndex,
  length: number,
): Root {
  const children: RootContent[] = [];
  let previousEnd: number | undefined;
  for (const block of blocks) {
    const paragraphs = blockToParagraphs(block, parser, lines);
    if (paragraphs.length === 0) continue;
    if (previousEnd !== undefined) {
      children.push({
        type: 'WhiteSpaceNode',
        value: '\n\n',
        position: span(lines, previousEnd, block.start),
      });
    }
    appendAll(children, paragraphs);
    previousEnd = block.end;
  }
  const root: Root = { type: 'RootNode', children, position: span(lines, 0, length) };
  for (const plugin of parser.tokenizeRootPlugins) plugin(root);
  return root;
}
