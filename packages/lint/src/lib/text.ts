import { parseDirective, type Directive, type ParsedDocument } from './parsed.js';
import { sliceBlock, textPiece, withoutUrls, type Block, type Piece } from './pieces.js';
import { appendAll } from './append.js';

// A control line: the whole line is the comment (`luxlint-disable-next-line child-porn`).
const directiveLine = /^[ \t]*luxlint-(?:disable-next-line|disable|enable)(?=[ \t]|$)[^\r\n]*/gm;
// Blank lines separate blocks (parse-latin starts a new paragraph there too); a CR LF pair is
// one line ending, never two.
const blankLines = /(?:\r\n|\r(?!\n)|\n)(?:[ \t]*(?:\r\n|\r(?!\n)|\n))+/g;

/** Prose pieces of document[start, end): URLs and control lines become opaque source. */
function piecesOf(
  document: string,
  start: number,
  end: number,
  controls: ReadonlyArray<readonly [number, number]>,
): Piece[] {
  const pieces: Piece[] = [];
  let from = start;
  for (const [controlStart, controlEnd] of controls) {
    if (controlEnd <= start || controlStart >= end) continue;
    if (controlStart > from)
      pieces.push(
        ...withoutUrls(textPiece(document.slice(from, controlStart), document, from, controlStart)),
      );
    pieces.push({
      kind: 'source',
      value: document.slice(controlStart, controlEnd),
      start: controlStart,
      end: controlEnd,
    });
    from = controlEnd;
  }
  if (end > from)
    appendAll(pieces, withoutUrls(textPiece(document.slice(from, end), document, from, end)));
  return pieces;
}

// parse-latin's white space: one white-space token is a run of these.
const whiteSpace = /[\t-\r \u0085\u00A0\u1680\u2000-\u200A\u2028\u2029\u202F\u205F\u3000]/;

/**
 * Whether the blank lines `document[start, end)` end a paragraph for parse-latin: only when the
 * whole white-space token around them is spaces, tabs and line breaks. A next-line character
 * (U+0085), a no-break space or another space next to them joins the same token, which then
 * ends no paragraph, so the text on both sides stays one paragraph (and a quotation opened
 * before the blank lines runs on after them).
 */
function endsParagraph(document: string, start: number, end: number): boolean {
  let before = start - 1;
  while (before >= 0 && (document[before] === ' ' || document[before] === '\t')) before--;
  let after = end;
  while (after < document.length && (document[after] === ' ' || document[after] === '\t')) after++;
  return !(
    (before >= 0 && whiteSpace.test(document[before] as string)) ||
    (after < document.length && whiteSpace.test(document[after] as string))
  );
}

/**
 * Characters on either side of a cut through an enormous paragraph that must hold no candidate
 * for the cut to be quiet: more than the widest look-back of the checker's context rules.
 */
const quietMargin = 1000;

/**
 * Parse plain text. With `split`, every run between blank lines is its own block (so the fast
 * path can skip the ones without a candidate); without, the whole file is one block, parsed the
 * way retext-english parses a file. `mayMatch` (the fast path's test) tells where an enormous
 * paragraph can be cut without a term losing the words before it.
 */
export function parseText(
  document: string,
  split: boolean,
  mayMatch?: (run: string) => boolean,
): ParsedDocument {
  const directives: Directive[] = [];
  const controls: Array<[number, number]> = [];
  directiveLine.lastIndex = 0;
  let match: RegExpExecArray | null;
  while ((match = directiveLine.exec(document))) {
    const start = match.index + (match[0].length - match[0].trimStart().length);
    const end = match.index + match[0].trimEnd().length;
    const directive = parseDirective(document.slice(start, end), start, end);
    if (directive) {
      directives.push(directive);
      controls.push([start, end]);
    }
  }

  const quiet =
    mayMatch &&
    ((start: number, end: number): boolean =>
      !mayMatch(document.slice(Math.max(0, start - quietMargin), end + quietMargin)));
  const blocks: Block[] = [];
  const add = (start: number, end: number): void => {
    if (end <= start) return;
    const pieces = piecesOf(document, start, end, controls);
    // An enormous paragraph (a million lines without a blank one) becomes slices here, so the
    // fast path parses only the slices with a candidate.
    if (pieces.length > 0) appendAll(blocks, sliceBlock({ start, end, pieces }, { quiet }));
  };
  if (split) {
    let from = 0;
    blankLines.lastIndex = 0;
    while ((match = blankLines.exec(document))) {
      if (!endsParagraph(document, match.index, match.index + match[0].length)) continue;
      add(from, match.index);
      from = match.index + match[0].length;
    }
    add(from, document.length);
  } else {
    add(0, document.length);
  }
  return { blocks, quoteRanges: [], mentionRanges: [], directives };
}
