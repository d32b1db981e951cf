import { ParseEnglish } from 'parse-english';
import type { SentenceWindow } from 'retext-luxembourg';
import {
  blockText,
  maximumSliceLength,
  slicePiece,
  type Block,
  type Piece,
  type TextPiece,
} from './pieces.js';

/**
 * Parsing only the sentences of a paragraph that can hold a match (the fast path's finer grain).
 *
 * In term-dense prose most paragraphs hold one term in one of their sentences, and parsing the
 * others was most of the time spent on them. A block is cut between two sentences where
 * parse-latin certainly ends one (`sentenceCut`); the parts without a candidate are dropped
 * unless the checker could still read them:
 *
 * - a negation is looked for up to `window.wordsBefore` words before a match, across sentence
 *   ends: enough sentences before each candidate part are kept to hold that many words;
 * - a legal title (punctuation ignored) or an `allow` phrase may run across a sentence end: no
 *   cut where one could (`window.joins`);
 * - quotation marks are paired over the whole paragraph: a part holding one is kept (an
 *   apostrophe between two letters pairs with nothing);
 * - every other context rule stays within a sentence, or reads only words joined by white space
 *   or hyphens, which a cut after a full stop separates anyway.
 *
 * The parts kept form one paragraph for the checker (each after the first marked as continuing
 * it), so the messages are those of the whole paragraph; the fast-path differential tests
 * compare the two on generated and corpus documents.
 */

/** Blocks with less prose than this are parsed whole: a cut would save little. */
const minimumCharacters = 400;

/**
 * A full stop ending a lower-case word (after a space), white space without a line break, and a
 * capitalised word followed by white space and a letter: parse-latin ends a sentence there
 * unless the word is an abbreviation (`endsSentence`), and its sentence plugins never merge
 * tokens across that white space, so both sides parse as they would together.
 */
const sentenceCut = /(?<=[ \t])(\p{Ll}{2,})\.([ \t]+)(?=(\p{Lu}\p{Ll}*)[ \t]+\p{L})/gu;

/** Quotation marks the checker pairs (see retext-luxembourg's `quoteSpans`). */
const quotationMark = /["\u201C\u201D\u201E\u00AB\u00BB\u2018]/u;
const apostrophe = /['\u2019]/gu;
const letterOrDigit = /[\p{L}\p{N}]/u;

let oracle: ParseEnglish | undefined;
const sentenceEnds = new Map<string, boolean>();

/**
 * Whether parse-english ends a sentence after `word.` before a capitalised word: not after an
 * abbreviation (`etc.`, `approx.`, a single letter…). Asked of the parser itself, once a word.
 */
function endsSentence(word: string): boolean {
  let ends = sentenceEnds.get(word);
  if (ends === undefined) {
    oracle ??= new ParseEnglish();
    const paragraph = oracle.parse(`Aa ${word}. Bb cc`).children[0];
    ends =
      paragraph?.type === 'ParagraphNode' &&
      paragraph.children.filter((child) => child.type === 'SentenceNode').length === 2;
    if (sentenceEnds.size < 10_000) sentenceEnds.set(word, ends);
  }
  return ends;
}

interface Cut {
  readonly piece: number;
  /** White space `[from, to)` of the piece's value, dropped between the two parts. */
  readonly from: number;
  readonly to: number;
}

/** Whether a part may be dropped as far as quotations go: no quotation mark can pair in it. */
function holdsNoQuotation(part: Block): boolean {
  for (const piece of part.pieces) {
    if (piece.kind !== 'text') continue;
    const { value } = piece;
    if (quotationMark.test(value)) return false;
    apostrophe.lastIndex = 0;
    for (let match = apostrophe.exec(value); match; match = apostrophe.exec(value)) {
      const before = value.charAt(match.index - 1);
      const after = value.charAt(match.index + 1);
      if (!letterOrDigit.test(before) || !letterOrDigit.test(after)) return false;
    }
  }
  return true;
}

/** White-space-separated chunks holding a letter or digit: at most as many as the words. */
const wordChunk = /[^\s]*[\p{L}\p{N}][^\s]*/gu;

function wordsAtLeast(part: Block): number {
  let count = 0;
  for (const piece of part.pieces)
    if (piece.kind === 'text') count += piece.value.match(wordChunk)?.length ?? 0;
  return count;
}

/** Split `block` at `cuts` (in order) into parts, dropping each cut's white space. */
function partsOf(block: Block, cuts: readonly Cut[]): Block[] {
  const parts: Block[] = [];
  let current: Piece[] = [];
  const flush = (): void => {
    const first = current[0];
    const last = current.at(-1);
    if (first && last) parts.push({ start: first.start, end: last.end, pieces: current });
    current = [];
  };
  let next = 0;
  for (const [index, piece] of block.pieces.entries()) {
    if (piece.kind !== 'text' || cuts[next]?.piece !== index) {
      current.push(piece);
      continue;
    }
    let offset = 0;
    for (let cut = cuts[next]; cut?.piece === index; cut = cuts[++next]) {
      current.push(slicePiece(piece, offset, cut.from));
      flush();
      offset = cut.to;
    }
    current.push(slicePiece(piece, offset, piece.value.length));
  }
  flush();
  return parts;
}

/**
 * The parts of `block` to parse (see above): the block itself when nothing can be dropped,
 * else runs of sentences, each after the first continuing the paragraph of the one before.
 */
export function windowBlock(
  block: Block,
  window: SentenceWindow,
  mayMatch: (text: string) => boolean,
  lineOf: (offset: number) => number,
): Block[] {
  if (block.continues) return [block];
  let characters = 0;
  for (const piece of block.pieces) if (piece.kind === 'text') characters += piece.value.length;
  if (characters < minimumCharacters || characters > maximumSliceLength) return [block];

  const cuts: Cut[] = [];
  for (const [index, piece] of block.pieces.entries()) {
    if (piece.kind !== 'text') continue;
    const { value } = piece as TextPiece;
    sentenceCut.lastIndex = 0;
    for (let match = sentenceCut.exec(value); match; match = sentenceCut.exec(value)) {
      const [, last = '', space = '', first = ''] = match;
      if (!endsSentence(last) || window.joins(last.toLowerCase(), first.toLowerCase())) continue;
      const from = match.index + last.length + 1;
      cuts.push({ piece: index, from, to: from + space.length });
    }
  }
  if (cuts.length === 0) return [block];

  const parts = partsOf(block, cuts);
  const candidate = parts.map((part) => mayMatch(blockText(part, lineOf)));
  const kept = [...candidate];
  for (const [index, isCandidate] of candidate.entries()) {
    if (!isCandidate) continue;
    // Whole sentences before it, until they hold the words a negation is looked for in.
    let words = 0;
    for (let before = index - 1; before >= 0 && words < window.wordsBefore; before--) {
      kept[before] = true;
      words += wordsAtLeast(parts[before] as Block);
    }
  }
  // A part where a quotation mark could pair is kept too (it holds no match, so no rule starts
  // in it; it only has to be there for the pairing).
  for (const [index, part] of parts.entries())
    if (!kept[index]) kept[index] = !holdsNoQuotation(part);
  if (kept.every(Boolean)) return [block];

  // Runs of kept parts become one part each; a run after a dropped part continues the paragraph.
  const windows: Block[] = [];
  let run: Block[] = [];
  let previousEnd: number | undefined;
  const flush = (): void => {
    const first = run[0];
    const last = run.at(-1);
    if (!first || !last) return;
    const pieces: Piece[] = [];
    for (const [index, part] of run.entries()) {
      if (index > 0) {
        // The white space of the cut between two kept parts, as it stands in the block.
        const cut = cuts[parts.indexOf(part) - 1] as Cut;
        const piece = block.pieces[cut.piece] as TextPiece;
        pieces.push(slicePiece(piece, cut.from, cut.to));
      }
      for (const piece of part.pieces) pieces.push(piece);
    }
    const merged: Block = { start: first.start, end: last.end, pieces: mergeTexts(pieces) };
    windows.push(
      previousEnd === undefined
        ? merged
        : { ...merged, continues: { after: previousEnd, space: ' ', sentence: false } },
    );
    previousEnd = last.end;
    run = [];
  };
  for (const [index, part] of parts.entries()) {
    if (kept[index]) run.push(part);
    else flush();
  }
  flush();
  return windows;
}

/**
 * Join text pieces that were one verbatim piece before the cuts (each ends where the next
 * begins). Pieces with a character map stay apart: their tokens are the same either way, since
 * every cut is white space between a full stop and a word.
 */
function mergeTexts(pieces: readonly Piece[]): Piece[] {
  const result: Piece[] = [];
  for (const piece of pieces) {
    const previous = result.at(-1);
    if (
      previous?.kind === 'text' &&
      piece.kind === 'text' &&
      !previous.starts &&
      !piece.starts &&
      previous.end === piece.start
    ) {
      result[result.length - 1] = {
        kind: 'text',
        value: previous.value + piece.value,
        start: previous.start,
        end: piece.end,
      };
    } else {
      result.push(piece);
    }
  }
  return result;
}
