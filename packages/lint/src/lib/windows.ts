import { ParseEnglish } from 'parse-english';
import { quotationPairs, type SentenceWindow } from 'retext-luxembourg';
import {
  blockText,
  maximumSliceLength,
  slicePiece,
  walkCutPieces,
  type Block,
  type Piece,
  type PieceCut,
  type TextPiece,
} from './pieces.js';
import { lastStartAtOrBefore } from './positions.js';

/**
 * Parsing only the sentences of a paragraph that can hold a match (the fast path's finer grain).
 *
 * In term-dense prose most paragraphs hold one term in one of their sentences, and parsing the
 * others was most of the time spent on them. A block is cut between two sentences where
 * parse-latin certainly ends one (`findCuts`); the parts without a candidate are dropped
 * unless the checker could still read them:
 *
 * - a negation is looked for up to `window.wordsBefore` words before a match, across sentence
 *   ends: enough sentences before each candidate part are kept to hold that many words;
 * - a legal title (punctuation ignored) or an `allow` phrase may run across a sentence end: no
 *   cut where one could (`window.joins`);
 * - quotation marks are paired over the whole paragraph: a part whose marks pair with marks
 *   outside it is kept (`quotationPairs`, the checker's own pairing);
 * - a line break between two sentences may end the paragraph for parse-latin: a part holding
 *   one is kept, so no two paragraphs are joined into one;
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
 * Where a block may be cut: a full stop ending a lower-case word of two letters or more (after a
 * space or a tab), white space without a line break, and a capitalised word followed by white
 * space and a letter. parse-latin ends a sentence there unless the word is an abbreviation
 * (`endsSentence`), and its sentence plugins never merge tokens across that white space, so both
 * sides parse as they would together. (Scanned by hand from each full stop: an expression with
 * look-arounds tried at every character was a tenth of the time of a term-dense paragraph.)
 */
function findCuts(
  value: string,
  found: (last: string, from: number, to: number, first: string) => void,
): void {
  for (let stop = value.indexOf('.'); stop !== -1; stop = value.indexOf('.', stop + 1)) {
    let start = stop;
    while (start > 0 && isLower(value.charCodeAt(start - 1), value.charAt(start - 1))) start--;
    if (stop - start < 2 || start === 0 || !isSpace(value.charCodeAt(start - 1))) continue;
    let to = stop + 1;
    while (to < value.length && isSpace(value.charCodeAt(to))) to++;
    // Bounds first: reading past the end gives NaN, and optimised code that meets it once is
    // thrown away and compiled again (in every worker thread).
    if (to === stop + 1 || to >= value.length || !isUpper(value.charCodeAt(to), value.charAt(to)))
      continue;
    let end = to + 1;
    while (end < value.length && isLower(value.charCodeAt(end), value.charAt(end))) end++;
    let next = end;
    while (next < value.length && isSpace(value.charCodeAt(next))) next++;
    if (
      next === end ||
      next >= value.length ||
      !isLetter(value.charCodeAt(next), value.charAt(next))
    )
      continue;
    found(value.slice(start, stop), stop + 1, to, value.slice(to, end));
  }
}

function isSpace(code: number): boolean {
  return code === 0x20 || code === 0x09;
}

const lower = /\p{Ll}/u;
const upper = /\p{Lu}/u;
const letter = /\p{L}/u;

function isLower(code: number, character: string): boolean {
  if (code < 0x80) return code >= 0x61 && code <= 0x7a;
  return lower.test(character);
}

function isUpper(code: number, character: string): boolean {
  if (code < 0x80) return code >= 0x41 && code <= 0x5a;
  return upper.test(character);
}

function isLetter(code: number, character: string): boolean {
  if (code < 0x80) return (code | 0x20) >= 0x61 && (code | 0x20) <= 0x7a;
  return letter.test(character);
}

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

/** White space `[from, to)` of a piece's value, dropped between the two parts. */
type Cut = PieceCut;

/**
 * For each part, whether its quotation marks pair only among themselves (so that dropping it
 * changes no other pairing). In a block of one line (one paragraph for parse-latin) without
 * surrogates, the block's characters are paired as the checker pairs them
 * (`quotationPairs`); otherwise only parts with no mark that could pair count (`holdsNoQuotation`).
 */
function quotationsWithin(
  block: Block,
  parts: readonly Block[],
  cuts: readonly Cut[],
  texts: readonly string[],
): boolean[] {
  const simple = parts.map(holdsNoQuotation);
  if (simple.every(Boolean) || texts.some((text) => /[\n\r\uD800-\uDFFF]/u.test(text)))
    return simple;
  // The characters the checker reads (text pieces; inline code and URLs are not read), with where
  // each part's begin.
  let characters = '';
  const starts: number[] = [];
  for (const [index, part] of parts.entries()) {
    if (index > 0) {
      const cut = cuts[index - 1] as Cut;
      characters += (block.pieces[cut.piece] as TextPiece).value.slice(cut.from, cut.to);
    }
    starts.push(characters.length);
    for (const piece of part.pieces) if (piece.kind === 'text') characters += piece.value;
  }
  const partAt = (at: number): number => lastStartAtOrBefore(starts, at);
  const within = parts.map(() => true);
  for (const [open, close] of quotationPairs(characters)) {
    const first = partAt(open);
    if (close === -1 || partAt(close) !== first) {
      within[first] = false;
      if (close !== -1) within[partAt(close)] = false;
    }
  }
  return within;
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

/**
 * White-space-separated chunks holding a letter or digit, counted up to `enough`: at most as
 * many as the part's words.
 */
function wordsAtLeast(part: Block, enough: number): number {
  let count = 0;
  for (const piece of part.pieces) {
    if (piece.kind !== 'text') continue;
    wordChunk.lastIndex = 0;
    while (count < enough && wordChunk.test(piece.value)) count++;
    if (count >= enough) break;
  }
  return count;
}

const wordChunk = /[^\s]*[\p{L}\p{N}][^\s]*/gu;

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
  walkCutPieces(block, cuts, (piece) => current.push(piece), flush, true);
  flush();
  return parts;
}

/**
 * The parts of `block` to parse (see above): none when no part can match (`mayMatch`, the
 * prefilter), the block itself when nothing can be dropped, else runs of sentences, each after
 * the first continuing the paragraph of the one before.
 */
export function windowBlock(
  block: Block,
  window: SentenceWindow,
  mayMatch: (text: string) => boolean,
  lineOf: (offset: number) => number,
): Block[] {
  const whole = (): Block[] => (mayMatch(blockText(block, lineOf)) ? [block] : []);
  if (block.continues) return whole();
  let characters = 0;
  for (const piece of block.pieces) if (piece.kind === 'text') characters += piece.value.length;
  if (characters < minimumCharacters || characters > maximumSliceLength) return whole();

  const cuts: Cut[] = [];
  for (const [index, piece] of block.pieces.entries()) {
    if (piece.kind !== 'text') continue;
    findCuts(piece.value, (last, from, to, first) => {
      if (endsSentence(last) && !window.joins(last.toLowerCase(), first.toLowerCase()))
        cuts.push({ piece: index, from, to });
    });
  }
  if (cuts.length === 0) return whole();

  const parts = partsOf(block, cuts);
  const texts = parts.map((part) => blockText(part, lineOf));
  const candidate = texts.map((text) => mayMatch(text));
  const kept = [...candidate];
  for (const [index, isCandidate] of candidate.entries()) {
    if (!isCandidate) continue;
    // Whole sentences before it, until they hold the words a negation is looked for in.
    let words = 0;
    for (let before = index - 1; before >= 0 && words < window.wordsBefore; before--) {
      kept[before] = true;
      words += wordsAtLeast(parts[before] as Block, window.wordsBefore - words);
    }
  }
  // A part with a line break is kept: parse-latin may end the paragraph there, and the parts
  // after it must not be joined to the paragraph before.
  for (const [index, text] of texts.entries()) if (/[\n\r]/u.test(text)) kept[index] = true;
  // A part whose quotation marks could pair with others is kept too (it holds no match, so no
  // rule starts in it; it only has to be there for the pairing).
  const quiet = quotationsWithin(block, parts, cuts, texts);
  for (const [index, within] of quiet.entries()) if (!within) kept[index] = true;
  // No part can match (a term cannot run across a full stop), so neither can the block.
  if (!candidate.includes(true)) return [];
  if (kept.every(Boolean)) return [block];

  // Runs of kept parts become one part each; a run after a dropped part continues the paragraph.
  const windows: Block[] = [];
  let previousEnd: number | undefined;
  let runStart = -1;
  const flush = (runEnd: number): void => {
    if (runStart === -1) return;
    const pieces: Piece[] = [];
    for (let index = runStart; index < runEnd; index++) {
      if (index > runStart) {
        // The white space of the cut between two kept parts, as it stands in the block.
        const cut = cuts[index - 1] as Cut;
        pieces.push(slicePiece(block.pieces[cut.piece] as TextPiece, cut.from, cut.to));
      }
      for (const piece of (parts[index] as Block).pieces) pieces.push(piece);
    }
    const last = parts[runEnd - 1] as Block;
    const merged: Block = {
      start: runStart === 0 ? block.start : (parts[runStart] as Block).start,
      end: runEnd === parts.length ? block.end : last.end,
      pieces: mergeTexts(pieces),
    };
    windows.push(
      previousEnd === undefined
        ? merged
        : { ...merged, continues: { after: previousEnd, space: ' ', sentence: false } },
    );
    previousEnd = merged.end;
    runStart = -1;
  };
  for (let index = 0; index < parts.length; index++) {
    if (kept[index]) {
      if (runStart === -1) runStart = index;
    } else {
      flush(index);
    }
  }
  flush(parts.length);
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
