import { appendAll } from './append.js';
import { withoutUrls, type Block, type Piece } from './pieces.js';

/**
 * Blocks of a run of *simple* Markdown, read without micromark, exactly as `parseMarkdown` reads
 * them (same blocks, same pieces, same offsets); `undefined` when the run is not simple.
 *
 * Parsing a run with micromark costs several times what parse-english costs on its prose, and
 * most prose is simple: paragraphs, one-line ATX headings and one-line list items whose inline
 * markup is at most `*emphasis*`, `**strong**`, `[text](url)` and `` `code` ``. "Simple" is
 * decided conservatively, so that CommonMark + GFM leave no choice about what the run means:
 *
 * - lines are contiguous (the run is cut after its last blank line, see `markdownCuts`) and have
 *   no leading or trailing white space (indented code, lazy continuation, hard breaks);
 * - a line never starts with a block marker (`#` outside a heading, `>`, `-`, `+`, `*` + space,
 *   a digit, `=`, `:`, `|`, a fence, `<`, `[`, `_`), so nothing interrupts a paragraph;
 * - prose holds none of `<>&\_~|@#`, tabs, carriage returns or other control characters, `![`,
 *   `:/` or `www.` (HTML, references, escapes, GFM strikethrough, tables and autolink
 *   literals), so text values are the source verbatim;
 * - every `*` run is one or two characters and either only opens (white space before, none
 *   after) or only closes (a letter or digit before and white space, an end or punctuation
 *   after; or punctuation before and white space or an end after), strictly alternating with
 *   equal lengths, nothing but prose between: micromark's flanking rules then pair each opener
 *   with the closer after it;
 * - a link is `[text](destination)` with prose text and a destination without white space,
 *   brackets, parentheses, quotes, `<>`, `` ` ``, `*` or `\`; a code span is one backtick, code
 *   without a backtick or a line break, one backtick.
 *
 * `test/simple-markdown.test.ts` checks the result against micromark on generated runs.
 */
export function simpleMarkdownBlocks(
  document: string,
  start: number,
  end: number,
): Block[] | undefined {
  // Trailing and (at the document start) leading blank lines are not part of any block.
  let from = start;
  while (from < end && document.charCodeAt(from) === 10) from++;
  let to = end;
  while (to > from && document.charCodeAt(to - 1) === 10) to--;
  if (from >= to) return [];
  // Anywhere, code spans included: a blank line, white space at a line end, line endings
  // micromark sees that a split on LF misses, and characters it replaces or drops.
  const content = document.slice(from, to);
  if (/\n\n|[\r\0\uFEFF]| \n/u.test(content) || content.endsWith(' ')) return undefined;

  const first = document.charCodeAt(from);
  if (first === 35 /* # */) return heading(document, from, to);
  if (first === 45 /* - */) return listItems(document, from, to, bulletItem);
  if (first >= 48 && first <= 57) return listItems(document, from, to, orderedItem);
  return paragraph(document, from, to);
}

const atxOpening = /#{1,6} (?=\S)/y;

/** One line: `# Heading`, with no closing sequence (`#` is not allowed in its text). */
function heading(document: string, from: number, to: number): Block[] | undefined {
  atxOpening.lastIndex = from;
  if (!atxOpening.test(document)) return undefined;
  const contentStart = atxOpening.lastIndex;
  if (document.indexOf('\n', contentStart) !== -1 && document.indexOf('\n', contentStart) < to)
    return undefined;
  const pieces: Piece[] = [];
  if (!inlinePieces(document, contentStart, to, pieces)) return undefined;
  return pieces.length > 0 ? [{ start: from, end: to, pieces }] : [];
}

const bulletItem = /- (?=\S)/y;
const orderedItem = /\d{1,9}\. (?=\S)/y;

/**
 * Lines that are each a list item of the same kind (all `- ` or all `N. `), each item one line:
 * each item's paragraph is a block, from after the marker to the line end.
 */
function listItems(
  document: string,
  from: number,
  to: number,
  marker: RegExp,
): Block[] | undefined {
  const blocks: Block[] = [];
  for (let lineStart = from; lineStart < to;) {
    let lineEnd = document.indexOf('\n', lineStart);
    if (lineEnd === -1 || lineEnd > to) lineEnd = to;
    marker.lastIndex = lineStart;
    if (!marker.test(document)) return undefined;
    const contentStart = marker.lastIndex;
    if (!startsProse(document, contentStart)) return undefined;
    const pieces: Piece[] = [];
    if (!inlinePieces(document, contentStart, lineEnd, pieces)) return undefined;
    if (pieces.length > 0) blocks.push({ start: contentStart, end: lineEnd, pieces });
    lineStart = lineEnd + 1;
  }
  return blocks;
}

/** Lines of one paragraph. */
function paragraph(document: string, from: number, to: number): Block[] | undefined {
  for (let lineStart = from; lineStart < to;) {
    if (!startsProse(document, lineStart)) return undefined;
    const lineEnd = document.indexOf('\n', lineStart);
    if (lineEnd === -1 || lineEnd >= to) break;
    lineStart = lineEnd + 1;
  }
  const pieces: Piece[] = [];
  if (!inlinePieces(document, from, to, pieces)) return undefined;
  return pieces.length > 0 ? [{ start: from, end: to, pieces }] : [];
}

/**
 * Whether the line (or list item content) starting at `index` can only be paragraph text: no
 * block marker, no indentation. `*` is left to `inlinePieces`, which accepts it only as an
 * emphasis opener (never `* ` or `***`).
 */
function startsProse(document: string, index: number): boolean {
  const code = document.charCodeAt(index);
  if (code >= 48 && code <= 57) return false;
  switch (code) {
    case 32: // space
    case 35: // #
    case 43: // +
    case 45: // -
    case 58: // :
    case 60: // <
    case 61: // =
    case 62: // >
    case 91: // [
    case 95: // _
    case 96: // `
    case 124: // |
    case 126: // ~
      return false;
    default:
      return true;
  }
}

/** Characters never accepted in prose (see `simpleMarkdownBlocks`). */
const rejectedInProse = /[<>&\\_~|@#\uFEFF]|(?!\n)\p{Cc}|!\[|:\/|www\./iu;

const letterOrDigit = /[\p{L}\p{N}]/u;
const mailto = /mailto:/iu;
/** Punctuation a closing run may follow (then only with white space after it). */
const closerPunctuation = new Set([
  '.',
  ',',
  ';',
  ':',
  '!',
  '?',
  '"',
  "'",
  ')',
  '\u201D',
  '\u2019',
]);
/** What may follow a closing `*` run: its flanking then says "close", never "open". */
const closerFollowers = new Set([' ', '\n', ...closerPunctuation]);
const whiteSpace = /\s/u;

function isOpener(before: string | undefined, after: string | undefined): boolean {
  return (
    (before === undefined || before === ' ' || before === '\n') &&
    after !== undefined &&
    !whiteSpace.test(after)
  );
}

function isCloser(before: string | undefined, after: string | undefined): boolean {
  if (before === undefined) return false;
  // After a letter or digit, a run closes and cannot open when punctuation or white space follows.
  if (letterOrDigit.test(before)) return after === undefined || closerFollowers.has(after);
  // After punctuation (`**Name,** said`), only when white space follows.
  return closerPunctuation.has(before) && (after === undefined || after === ' ' || after === '\n');
}

const destination = /\(([^\s()<>\\`*[\]"']+)\)/y;

/**
 * Append the pieces of the inline content `document[from, to)` as `parseMarkdown` would (text,
 * emphasis and link text as text pieces, code spans as source pieces); false when the content
 * is not simple.
 */
function inlinePieces(document: string, from: number, to: number, pieces: Piece[]): boolean {
  let textStart = from;
  /** Length of the open emphasis run (0: none open). */
  let open = 0;
  const flush = (at: number): boolean => {
    if (at <= textStart) return true;
    const value = document.slice(textStart, at);
    if (rejectedInProse.test(value)) return false;
    // The value is the source verbatim, so this is what `textPiece` returns for it (no character
    // reference can straddle the markup character before `textStart`), without its look-back.
    const piece = { kind: 'text', value, start: textStart, end: at } as const;
    // Prose here holds no `://`, `www.` or `@`: of the URLs `withoutUrls` finds, only a `mailto:`
    // can be in it, so without one there is nothing to split (and no regular expression to run).
    if (mailto.test(value)) appendAll(pieces, withoutUrls(piece));
    else pieces.push(piece);
    return true;
  };
  let index = from;
  while (index < to) {
    const character = document[index];
    if (character === '*') {
      let runEnd = index + 1;
      while (runEnd < to && document[runEnd] === '*') runEnd++;
      const length = runEnd - index;
      if (length > 2) return false;
      const before = index > 0 ? document[index - 1] : undefined;
      const after = runEnd < document.length ? document[runEnd] : undefined;
      if (open === 0) {
        if (!isOpener(before, after) || !flush(index)) return false;
        open = length;
      } else {
        // The emphasis holds exactly one text node, from its opener to here.
        if (open !== length || !isCloser(before, after) || !flush(index)) return false;
        open = 0;
      }
      textStart = runEnd;
      index = runEnd;
      continue;
    }
    if (character === '`') {
      if (open !== 0 || document[index + 1] === '`') return false;
      const close = document.indexOf('`', index + 1);
      if (close === -1 || close >= to || close === index + 1 || document[close + 1] === '`')
        return false;
      const code = document.slice(index, close + 1);
      if (code.includes('\n')) return false;
      if (!flush(index)) return false;
      pieces.push({ kind: 'source', value: code, start: index, end: close + 1 });
      index = close + 1;
      textStart = index;
      continue;
    }
    if (character === '[') {
      if (open !== 0 || document[index - 1] === '!') return false;
      const close = document.indexOf(']', index + 1);
      if (close === -1 || close >= to) return false;
      const label = document.slice(index + 1, close);
      if (
        label.length === 0 ||
        label.startsWith('^') ||
        whiteSpace.test(label[0] as string) ||
        whiteSpace.test(label.at(-1) as string) ||
        /[[`*\n]/u.test(label)
      )
        return false;
      destination.lastIndex = close + 1;
      if (!destination.test(document) || destination.lastIndex > to) return false;
      if (!flush(index)) return false;
      textStart = index + 1;
      if (!flush(close)) return false;
      index = destination.lastIndex;
      textStart = index;
      continue;
    }
    if (character === ']') return false;
    if (character === '\n' && open !== 0) return false;
    index++;
  }
  if (open !== 0) return false;
  return flush(to);
}
