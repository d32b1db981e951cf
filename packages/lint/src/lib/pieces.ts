import { decodeNamedCharacterReference } from 'decode-named-character-reference';

/**
 * A run of prose inside a block, with where each of its characters sits in the original file.
 *
 * Syntax trees give a text node's *value* (escapes, character references and block-quote
 * markers removed) and the *source range* it came from; the two differ in length, so offsets
 * cannot be derived by counting characters from the start of the node (that is how
 * `mdast-util-to-nlcst` drifts inside block quotes and list items). `starts`/`ends` hold, per
 * character of `value`, its source range; absent means the value is the source slice verbatim.
 */
export interface TextPiece {
  readonly kind: 'text';
  readonly value: string;
  readonly start: number;
  readonly end: number;
  readonly starts?: readonly number[];
  readonly ends?: readonly number[];
}

/** Something that is in the block but never linted (inline code, a URL, a directive line). */
export interface SourcePiece {
  readonly kind: 'source';
  readonly value: string;
  readonly start: number;
  readonly end: number;
}

/** A hard line break (`<br>`, two trailing spaces, a backslash at the end of a line). */
export interface BreakPiece {
  readonly kind: 'break';
  readonly start: number;
  readonly end: number;
}

export type Piece = TextPiece | SourcePiece | BreakPiece;

/** A unit of prose parsed on its own: a paragraph, heading, table cell, list-item paragraph… */
export interface Block {
  readonly start: number;
  readonly end: number;
  readonly pieces: readonly Piece[];
  /** Set on a slice of a longer block cut inside a paragraph (see `sliceBlock`). */
  readonly continues?: Continuation;
}

/**
 * How a slice goes on from the slice before it, when a block was cut where parse-latin would
 * not have ended the paragraph: the checker then still sees one paragraph (and one sentence).
 */
export interface Continuation {
  /** Where the slice it continues ends: it continues only when that slice is parsed too. */
  readonly after: number;
  /** The white space between the two, as written. */
  readonly space: string;
  /** Whether the cut is inside a sentence, so that the sentence goes on as well. */
  readonly sentence: boolean;
}

export function charStart(piece: TextPiece, index: number): number {
  return piece.starts ? (piece.starts[index] ?? piece.end) : piece.start + index;
}

export function charEnd(piece: TextPiece, index: number): number {
  return piece.ends ? (piece.ends[index] ?? piece.end) : piece.start + index + 1;
}

const characterReference = /&(?:#[xX]([\da-fA-F]{1,6})|#(\d{1,7})|([A-Za-z][A-Za-z\d]{0,31}));/y;

/** Decode the character reference starting at `index` of `source`, or undefined. */
function referenceAt(
  source: string,
  index: number,
): { decoded: string; length: number } | undefined {
  characterReference.lastIndex = index;
  const match = characterReference.exec(source);
  if (!match) return undefined;
  let decoded: string | false = false;
  if (match[1] !== undefined || match[2] !== undefined) {
    const codePoint =
      match[1] === undefined ? Number.parseInt(match[2] ?? '', 10) : Number.parseInt(match[1], 16);
    decoded = codePoint > 0 && codePoint <= 0x10ffff ? String.fromCodePoint(codePoint) : '\uFFFD';
  } else if (match[3] !== undefined) {
    decoded = decodeNamedCharacterReference(match[3]);
  }
  return decoded === false ? undefined : { decoded, length: match[0].length };
}

/**
 * Whether a source character stands for a value character: itself, or a NUL, which Markdown
 * parsers replace with U+FFFD (the replacement character) for safety.
 */
function sameCharacter(source: string | undefined, character: string | undefined): boolean {
  return source === character || (source === '\u0000' && character === '\uFFFD');
}

/**
 * Build a text piece for `value` found somewhere in `document.slice(start, end)`.
 *
 * Walks value and source together: equal characters map one to one, a character reference maps
 * its decoded characters to the whole reference, and anything else in the source (markers,
 * indentation, backslashes of escapes) is skipped.
 */
export function textPiece(
  value: string,
  document: string,
  givenStart: number,
  end: number,
): TextPiece {
  // parse5 can report a text node as starting inside a character reference it opens with.
  let start = givenStart;
  const ampersand = document.lastIndexOf('&', start);
  if (ampersand !== -1 && start - ampersand < 40 && ampersand < start) {
    const reference = referenceAt(document, ampersand);
    if (reference && ampersand + reference.length > start && value.startsWith(reference.decoded))
      start = ampersand;
  }
  if (end - start === value.length && document.startsWith(value, start)) {
    return { kind: 'text', value, start, end };
  }
  const starts: number[] = new Array<number>(value.length);
  const ends: number[] = new Array<number>(value.length);
  let cursor = start;
  let index = 0;
  while (index < value.length) {
    const character = value[index];
    while (cursor < end && !sameCharacter(document[cursor], character)) {
      // HTML parsers normalise a CR or CR LF line ending to LF in text values.
      if (character === '\n' && document[cursor] === '\r') break;
      if (document[cursor] === '&') {
        const reference = referenceAt(document, cursor);
        if (reference && value.startsWith(reference.decoded, index)) {
          break;
        }
      }
      cursor++;
    }
    if (cursor >= end) {
      for (; index < value.length; index++) {
        starts[index] = end;
        ends[index] = end;
      }
      break;
    }
    if (sameCharacter(document[cursor], character)) {
      starts[index] = cursor;
      ends[index] = cursor + 1;
      cursor++;
      index++;
    } else if (character === '\n' && document[cursor] === '\r') {
      const lineEnd = document[cursor + 1] === '\n' && cursor + 1 < end ? cursor + 2 : cursor + 1;
      starts[index] = cursor;
      ends[index] = lineEnd;
      cursor = lineEnd;
      index++;
    } else {
      // A character reference standing for the next character(s) of the value.
      const reference = referenceAt(document, cursor);
      const length = reference ? reference.decoded.length : 1;
      const referenceEnd = cursor + (reference ? reference.length : 1);
      for (let offset = 0; offset < length && index < value.length; offset++, index++) {
        starts[index] = cursor;
        ends[index] = referenceEnd;
      }
      cursor = referenceEnd;
    }
  }
  return { kind: 'text', value, start, end, starts, ends };
}

/** The sub-piece of `piece` covering value[from, to). */
export function slicePiece(piece: TextPiece, from: number, to: number): TextPiece {
  const value = piece.value.slice(from, to);
  const start =
    from < to
      ? charStart(piece, from)
      : from < piece.value.length
        ? charStart(piece, from)
        : piece.end;
  const end = from < to ? charEnd(piece, to - 1) : start;
  if (!piece.starts || !piece.ends) return { kind: 'text', value, start, end };
  return {
    kind: 'text',
    value,
    start,
    end,
    starts: piece.starts.slice(from, to),
    ends: piece.ends.slice(from, to),
  };
}

function sourceOf(piece: TextPiece, from: number, to: number): SourcePiece {
  return {
    kind: 'source',
    value: piece.value.slice(from, to),
    start: charStart(piece, from),
    end: charEnd(piece, to - 1),
  };
}

// Scheme or www. URLs and e-mail addresses, as GFM autolink literals recognise them; trailing
// punctuation is trimmed below so a sentence-final full stop stays prose. The local part of an
// address is at most 64 characters (RFC 5321): unbounded, every word boundary of a long run such
// as `a-a-a-…` without `@` rescans the run, and the expression turns quadratic.
const urlExpression =
  /(?:\b(?:https?|ftp):\/\/|\bwww\.|\bmailto:)[^\s<>"`]+|\b[\w.+-]{1,64}@[\w-]+(?:\.[\w-]+)+/giu;
const trailingPunctuation = /[.,:;!?'"’”)\]}*_~]+$/u;

function trimUrl(url: string): string {
  let trimmed = url.replace(trailingPunctuation, '');
  // Keep a closing parenthesis that balances one inside the URL (Wikipedia-style links).
  const rest = url.slice(trimmed.length);
  if (rest.startsWith(')')) {
    const opens = (trimmed.match(/\(/g) ?? []).length;
    const closes = (trimmed.match(/\)/g) ?? []).length;
    if (opens > closes) trimmed += ')';
  }
  return trimmed;
}

/** Find URL ranges in prose, [start, end) in `value`. */
export function findUrls(value: string): Array<[number, number]> {
  const ranges: Array<[number, number]> = [];
  if (!/[:.@]/.test(value)) return ranges;
  urlExpression.lastIndex = 0;
  let match: RegExpExecArray | null;
  while ((match = urlExpression.exec(value))) {
    const url = trimUrl(match[0]);
    if (url.length > 0) ranges.push([match.index, match.index + url.length]);
  }
  return ranges;
}

/** Split a text piece so URLs inside it become source pieces (never linted). */
export function withoutUrls(piece: TextPiece): Piece[] {
  const ranges = findUrls(piece.value);
  if (ranges.length === 0) return [piece];
  const result: Piece[] = [];
  let from = 0;
  for (const [start, end] of ranges) {
    if (start > from) result.push(slicePiece(piece, from, start));
    result.push(sourceOf(piece, start, end));
    from = end;
  }
  if (from < piece.value.length) result.push(slicePiece(piece, from, piece.value.length));
  return result;
}

/** The text of a block as the prefilter must see it: the words the parser will see. */
export function blockText(block: Block, lineOf: (offset: number) => number): string {
  let text = '';
  let previousEnd: number | undefined;
  for (const piece of block.pieces) {
    // Separate pieces are separate words to the parser even when nothing lies between them
    // (`é<b>child</b>`): keep them apart here too, so the prefilter sees every word start.
    if (previousEnd !== undefined) text += gapWhiteSpace(previousEnd, piece.start, lineOf) ?? ' ';
    text += piece.kind === 'break' ? '\n' : piece.value;
    previousEnd = piece.end;
  }
  return text;
}

/** White space standing for markup between two pieces on different lines, as remark-retext does. */
export function gapWhiteSpace(
  previousEnd: number,
  nextStart: number,
  lineOf: (offset: number) => number,
): string | undefined {
  if (nextStart <= previousEnd) return undefined;
  const lines = lineOf(nextStart) - lineOf(previousEnd);
  return lines > 0 ? '\n'.repeat(lines) : undefined;
}

/**
 * Prose characters past which a block is parsed in slices (see `sliceBlock`). No ordinary
 * paragraph is this long.
 */
export const maximumSliceLength = 10_000;

// White space as parse-latin tokenises it (so a cut never splits one of its tokens).
const sliceWhiteSpace = /[\t-\r \u0085\u00A0\u1680\u2000-\u200A\u2028\u2029\u202F\u205F\u3000]+/g;
const lineBreak = /\r\n|\r|\n/g;
// A sentence end (terminal marks, then closing quotes or brackets) right before a cut…
const sentenceEnd = /[!.?\u2026\u203D][)\]"'\u2019\u201D\u00BB]{0,3}$/u;
// …and a capitalised word (after opening quotes or brackets) right after it.
const sentenceStart = /^[(["'\u2018\u201C\u00AB]{0,3}\p{Lu}/u;

/**
 * How well a cut at white space `value[from, to)` keeps the parse as it would be whole: 5 a blank
 * line and 4 a line break between two sentences (where parse-latin ends the paragraph anyway),
 * 3 a line break after a sentence, 2 any line break, 1 a space between sentences, 0 any white
 * space.
 */
function cutRank(value: string, from: number, to: number): number {
  const breaks = value.slice(from, to).match(lineBreak)?.length ?? 0;
  if (breaks >= 2) return 5;
  const afterSentence = sentenceEnd.test(value.slice(Math.max(0, from - 8), from));
  const beforeSentence = afterSentence && sentenceStart.test(value.slice(to, to + 8));
  if (breaks === 1) return beforeSentence ? 4 : afterSentence ? 3 : 2;
  return beforeSentence ? 1 : 0;
}

/** Characters after a target where a cut between two marks is looked for. */
const markSearch = 256;
const notMark = /[\p{L}\p{N}\p{M}\s]/u;

/**
 * Whether `value` can be cut before `index` between two different marks (punctuation or
 * symbols): parse-latin ends a token there anyway, and no word is split.
 */
function isMarkBoundary(value: string, index: number): boolean {
  if (index <= 0 || index >= value.length) return false;
  const before = value.charCodeAt(index - 1);
  const after = value.charCodeAt(index);
  if (before === after || (before >= 0xd800 && before <= 0xdfff)) return false;
  if (after >= 0xd800 && after <= 0xdfff) return false;
  return !notMark.test(value.charAt(index - 1)) && !notMark.test(value.charAt(index));
}

/** Cuts from this rank on end a paragraph where parse-latin would end it too. */
const paragraphRank = 4;

/** White space inside a text piece where a block may be cut (dropped from both slices). */
interface Cut extends PieceCut {
  /** Prose characters of the block before the cut, and up to its end. */
  readonly at: number;
  readonly end: number;
  readonly rank: number;
}

export interface SliceOptions {
  /** Prose characters a slice holds at most, when white space allows (default `maximumSliceLength`). */
  readonly maximum?: number | undefined;
  /**
   * Whether nothing near the white space `[start, end)` of the file could be a term: such a cut
   * is preferred when a slice may be dropped unparsed (the fast path), since a term at the edge
   * of a slice would lose the words before it if its neighbour were dropped.
   */
  readonly quiet?: ((start: number, end: number) => boolean) | undefined;
}

/** Sub-ranges of an allowance in each of which one quiet cut is looked for. */
const quietProbes = 16;

/**
 * Among `cuts` (white space after `windowStart`, in order, none past the allowance), the one a
 * slice ends at: the last paragraph boundary; else, with `quiet`, the best-ranked white space
 * (the last of equals) of the latest sixteenth of the allowance that has a quiet one, or none;
 * else the best-ranked white space in the second half of the allowance, or the last one.
 */
function chooseCut(
  cuts: readonly Cut[],
  windowStart: number,
  maximum: number,
  quiet: ((cut: Cut) => boolean) | undefined,
): Cut | undefined {
  let paragraph: Cut | undefined;
  for (const cut of cuts) if (cut.rank >= paragraphRank) paragraph = cut;
  if (paragraph) return paragraph;
  const bestIn = (from: number, to: number): Cut | undefined => {
    let best: Cut | undefined;
    for (const cut of cuts) {
      if (cut.at >= from && cut.at < to && (!best || cut.rank >= best.rank)) best = cut;
    }
    return best;
  };
  if (quiet) {
    const width = maximum / quietProbes;
    for (let probe = quietProbes - 1; probe >= 0; probe--) {
      const from = windowStart + probe * width;
      const candidate = bestIn(from, probe === quietProbes - 1 ? Infinity : from + width);
      if (candidate && quiet(candidate)) return candidate;
    }
    return undefined;
  }
  return bestIn(windowStart + maximum / 2, Number.POSITIVE_INFINITY) ?? cuts.at(-1);
}

/**
 * Cut a block of more than `maximum` prose characters into slices of at most about that many,
 * each parsed on its own, so that parsing and checking an enormous paragraph (a pasted PDF
 * dump, a million lines without a blank one) costs in proportion to its length, not its
 * square, and (on the fast path) slices without a candidate are never parsed.
 *
 * A slice ends at white space (see `chooseCut`). At a blank line, or a line break between
 * sentences, the slices are separate paragraphs, as parse-latin makes them; anywhere else the
 * next slice carries a `continues` note, so the checker still sees one paragraph. Blocks within
 * the limit — every ordinary paragraph — are returned as they are; so is one enormous word
 * (the parse splits that into bounded runs itself). With `quiet`, a slice ends only at a
 * paragraph boundary or quiet white space: where candidates are dense it grows instead, and
 * nothing of it can be dropped anyway.
 */
export function sliceBlock(block: Block, options: SliceOptions = {}): Block[] {
  const { maximum = maximumSliceLength, quiet } = options;
  let total = 0;
  for (const piece of block.pieces) if (piece.kind === 'text') total += piece.value.length;
  if (total <= maximum) return [block];

  const offsetsOf = (cut: Cut): [number, number] => {
    const piece = block.pieces[cut.piece] as TextPiece;
    return [charStart(piece, cut.from), charEnd(piece, cut.to - 1)];
  };
  const isQuiet = quiet && ((cut: Cut) => quiet(...offsetsOf(cut)));
  const chosen: Cut[] = [];
  // White space where the current slice may end, after `windowStart` (the slice's start, or
  // where the last look for a quiet cut gave up).
  let window: Cut[] = [];
  let windowStart = 0;
  const cutBefore = (limit: number): boolean => {
    const end = chooseCut(window, windowStart, maximum, isQuiet);
    if (!end || end.at > limit) return false;
    chosen.push(end);
    windowStart = end.end;
    window = window.filter((other) => other.at > end.at);
    return true;
  };
  const consider = (cut: Cut): void => {
    const { at } = cut;
    while (at - windowStart > maximum) {
      if (window.length > 0 && cutBefore(at)) continue;
      // No white space to end the slice at within the allowance: it grows past it, to end
      // here or (when this is not quiet) later.
      if (!isQuiet || isQuiet(cut)) {
        chosen.push(cut);
        windowStart = cut.end;
      } else {
        // Look for one in a fresh allowance from here.
        windowStart = at - 1;
      }
      window = [];
    }
    if (at > windowStart) window.push(cut);
  };
  // A long stretch without white space (`?!?!…`, `).).…`) may still hold thousands of
  // sentences for parse-latin to merge: offer a cut between two different marks every half
  // allowance, ranked below any white space.
  const considerMarks = (index: number, value: string, base: number, from: number, to: number) => {
    for (let target = from + maximum / 2; target < to; target += maximum / 2) {
      const limit = Math.min(to, target + markSearch);
      for (let at = Math.ceil(target); at < limit; at++) {
        if (!isMarkBoundary(value, at) || base + at === total) continue;
        consider({ piece: index, from: at, to: at, at: base + at, end: base + at, rank: -1 });
        break;
      }
    }
  };
  let base = 0;
  for (const [index, piece] of block.pieces.entries()) {
    if (piece.kind !== 'text') continue;
    const { value } = piece;
    let gapStart = 0;
    sliceWhiteSpace.lastIndex = 0;
    let match: RegExpExecArray | null;
    while ((match = sliceWhiteSpace.exec(value))) {
      const from = match.index;
      const to = from + match[0].length;
      if (from - gapStart > maximum / 2) considerMarks(index, value, base, gapStart, from);
      gapStart = to;
      // Every slice holds prose: no cut at the very start or end.
      if (base + from === 0 || base + to === total) continue;
      consider({
        piece: index,
        from,
        to,
        at: base + from,
        end: base + to,
        rank: cutRank(value, from, to),
      });
    }
    if (value.length - gapStart > maximum / 2)
      considerMarks(index, value, base, gapStart, value.length);
    base += value.length;
  }
  // The prose after the last white space counts too.
  while (total - windowStart > maximum && window.length > 0) if (!cutBefore(total)) break;
  if (chosen.length === 0) return [block];
  return slicesAt(block, chosen);
}

/** A range `[from, to)` of the value of the block's piece number `piece`, dropped by a cut. */
export interface PieceCut {
  readonly piece: number;
  readonly from: number;
  readonly to: number;
}

/**
 * Walk the pieces of `block`, cutting its text pieces at `cuts` (in order): `take` gets every
 * piece, or part of one, in order, and `cutAt` each cut once the text before it has been taken.
 * The parts a cut leaves empty are skipped unless `keepEmpty`.
 */
export function walkCutPieces<C extends PieceCut>(
  block: Block,
  cuts: readonly C[],
  take: (piece: Piece) => void,
  cutAt: (cut: C, piece: TextPiece) => void,
  keepEmpty = false,
): void {
  let next = 0;
  for (const [index, piece] of block.pieces.entries()) {
    if (piece.kind !== 'text' || cuts[next]?.piece !== index) {
      take(piece);
      continue;
    }
    let offset = 0;
    for (let cut = cuts[next]; cut?.piece === index; cut = cuts[++next]) {
      if (keepEmpty || cut.from > offset) take(slicePiece(piece, offset, cut.from));
      cutAt(cut, piece);
      offset = cut.to;
    }
    if (keepEmpty || offset < piece.value.length)
      take(slicePiece(piece, offset, piece.value.length));
  }
}

/** Split `block` at `cuts` (in order), dropping the white space of each. */
function slicesAt(block: Block, cuts: readonly Cut[]): Block[] {
  const slices: Block[] = [];
  let current: Piece[] = [];
  let continues = block.continues;
  const flush = (): void => {
    const first = current[0];
    const last = current.at(-1);
    if (!first || !last) return;
    const slice: Block = {
      start: slices.length === 0 ? block.start : first.start,
      end: last.end,
      pieces: current,
    };
    slices.push(continues ? { ...slice, continues } : slice);
    current = [];
  };
  walkCutPieces(
    block,
    cuts,
    (piece) => current.push(piece),
    (cut, piece) => {
      const after = current.at(-1)?.end;
      flush();
      continues =
        cut.rank >= paragraphRank || after === undefined
          ? undefined
          : { after, space: piece.value.slice(cut.from, cut.to), sentence: cut.rank !== 1 };
    },
  );
  flush();
  const last = slices.at(-1);
  if (last) slices[slices.length - 1] = { ...last, end: block.end };
  return slices;
}
