import type { Paragraph, Root, RootContent, Sentence, SentenceContent } from 'nlcst';
import { toString } from 'nlcst-to-string';
import type { ParseEnglish } from 'parse-english';
import type { Position } from 'unist';
import type { LineIndex } from './positions.js';
import { gapWhiteSpace, sliceBlock, type Block, type SliceOptions } from './pieces.js';
import { appendAll } from './append.js';
import { tokenizePiece } from './tokenize.js';

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

/**
 * Tokens the sentence plugins see at once. parse-latin runs them over a whole paragraph as one
 * sentence, and several splice that array once per merge (`so-called so-called …` is
 * quadratic) or spread a merged word into a call (a 50,000-part hyphenated word overflows the
 * stack); in runs of this size both stay bounded.
 */
const sentenceRunTokens = 1024;

type SentencePlugin = (sentence: Sentence) => void;

function isMark(node: Positioned | undefined): boolean {
  return node?.type === 'PunctuationNode' || node?.type === 'SymbolNode';
}

/**
 * Where the run of tokens starting at `start` ends. Best is right after white space followed
 * by a word and two tokens that are no marks: the sentence plugins of parse-latin and
 * parse-english look at most two tokens back and merge marks into words, never across white
 * space, so every run then parses as it would in place. Failing that (only in contrived text),
 * any white space; inside an enormous word, after a mark that ends no sentence (a hyphen), so
 * the word's tokens and the sentence boundaries stay the same.
 */
function runEnd(children: readonly Positioned[], start: number): number {
  if (children.length - start <= 2 * sentenceRunTokens) return children.length;
  const from = start + sentenceRunTokens;
  const to = from + sentenceRunTokens;
  for (let index = from; index < to; index++) {
    if (
      children[index - 1]?.type === 'WhiteSpaceNode' &&
      children[index]?.type === 'WordNode' &&
      !isMark(children[index + 1]) &&
      !isMark(children[index + 2])
    )
      return index;
  }
  for (let index = from; index < to; index++) {
    if (
      children[index - 1]?.type === 'WhiteSpaceNode' &&
      children[index]?.type !== 'WhiteSpaceNode'
    )
      return index;
  }
  for (let index = from; index < to; index++) {
    const before = children[index - 1];
    if (
      isMark(before) &&
      !terminalMarker.test(toString(before as SentenceContent)) &&
      children[index]?.type === 'WordNode'
    )
      return index;
  }
  return from;
}

/** Run the sentence plugins over `sentence`'s tokens in bounded runs (see `runEnd`). */
function runSentencePlugins(sentence: Sentence, plugins: readonly SentencePlugin[]): void {
  const children = sentence.children as Positioned[];
  if (children.length <= 2 * sentenceRunTokens) {
    for (const plugin of plugins) plugin(sentence);
    return;
  }
  const result: Positioned[] = [];
  for (let start = 0; start < children.length;) {
    const end = runEnd(children, start);
    const run = {
      type: 'SentenceNode',
      children: children.slice(start, end),
    } as unknown as Sentence;
    for (const plugin of plugins) plugin(run);
    appendAll(result, run.children as Positioned[]);
    start = end;
  }
  sentence.children = result as unknown as SentenceContent[];
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
      appendAll(content, tokenizePiece(piece, lines));
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
  runSentencePlugins(sentence, parser.tokenizeSentencePlugins);

  const paragraph: Paragraph = {
    type: 'ParagraphNode',
    children: splitNode(sentence, 'PunctuationNode', terminalMarker),
  };
  if (position) paragraph.position = { start: { ...position.start }, end: { ...position.end } };
  for (const plugin of parser.tokenizeParagraphPlugins) plugin(paragraph);

  return splitNode(paragraph, 'WhiteSpaceNode', newLine);
}

/**
 * What a paragraph made from a slice that continues the one before it carries in `data` (see
 * `sliceBlock`): retext-luxembourg then checks both as one paragraph, and, for `'sentence'`,
 * their last and first sentences as one sentence.
 */
export type ContinuationData = { luxembourgContinues: 'paragraph' | 'sentence' };

/**
 * Assemble a root from converted blocks, separated as blocks are in a document. Enormous blocks
 * are parsed in slices (`slicing`, see `sliceBlock`).
 */
export function blocksToRoot(
  blocks: readonly Block[],
  parser: ParseEnglish,
  lines: LineIndex,
  length: number,
  slicing: SliceOptions = {},
): Root {
  for (const root of blocksToRoots(blocks, parser, lines, length, slicing, Infinity)) return root;
  return emptyRoot(parser, lines, length);
}

/** A root holding nothing, as the parser would give it. */
export function emptyRoot(parser: ParseEnglish, lines: LineIndex, length: number): Root {
  const root: Root = { type: 'RootNode', children: [], position: span(lines, 0, length) };
  for (const plugin of parser.tokenizeRootPlugins) plugin(root);
  return root;
}

/**
 * Prose characters of the slices parsed into one root by `blocksToRoots`: a root takes a few
 * hundred bytes per character, so a batch of this many stays within tens of megabytes.
 */
export const batchCharacters = 65_536;

/**
 * The roots of `blocks` (as `blocksToRoot` builds one) in batches of slices of about `batch`
 * prose characters each, built one at a time as they are asked for, so that only one batch's
 * tree is held at once. Each root after the first begins with the white space that stands
 * between its first paragraph and the paragraph before it, whose continuation mark
 * (`data.luxembourgContinues`) refers to that paragraph across the roots: the checker carries it
 * over (retext-luxembourg's `data.luxembourgMore`). Joined, the roots are `blocksToRoot`'s.
 */
export function* blocksToRoots(
  blocks: readonly Block[],
  parser: ParseEnglish,
  lines: LineIndex,
  length: number,
  slicing: SliceOptions = {},
  batch = batchCharacters,
): Generator<Root, void, undefined> {
  let children: RootContent[] = [];
  let characters = 0;
  let previousEnd: number | undefined;
  const rootOf = (content: RootContent[]): Root => {
    const root: Root = { type: 'RootNode', children: content, position: span(lines, 0, length) };
    for (const plugin of parser.tokenizeRootPlugins) plugin(root);
    return root;
  };
  for (const block of blocks) {
    for (const slice of sliceBlock(block, slicing)) {
      if (characters >= batch && children.length > 0) {
        yield rootOf(children);
        children = [];
        characters = 0;
      }
      const paragraphs = blockToParagraphs(slice, parser, lines);
      if (paragraphs.length === 0) continue;
      for (const piece of slice.pieces) if (piece.kind === 'text') characters += piece.value.length;
      const continues =
        slice.continues && slice.continues.after === previousEnd ? slice.continues : undefined;
      if (previousEnd !== undefined) {
        children.push({
          type: 'WhiteSpaceNode',
          value: continues ? continues.space : '\n\n',
          position: span(lines, previousEnd, slice.start),
        });
      }
      const first = paragraphs[0];
      if (continues && first?.type === 'ParagraphNode') {
        const data: ContinuationData = {
          luxembourgContinues: continues.sentence ? 'sentence' : 'paragraph',
        };
        first.data = { ...first.data, ...data };
      }
      appendAll(children, paragraphs);
      previousEnd = slice.end;
    }
  }
  if (children.length > 0) yield rootOf(children);
}
