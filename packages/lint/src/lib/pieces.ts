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
function slicePiece(piece: TextPiece, from: number, to: number): TextPiece {
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
