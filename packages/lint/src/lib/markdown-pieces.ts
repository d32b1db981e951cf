import type { Point, Position } from 'unist';
import { lastStartAtOrBefore } from './positions.js';

/**
 * Parsing an enormous Markdown paragraph in pieces.
 *
 * micromark resolves the inline content of a paragraph in time quadratic in its number of lines
 * (each line's data tokens are merged with a `splice` of the paragraph's whole event list), so a
 * pasted dump of a million short lines without a blank one never finished. Here such a document
 * is cut at line starts into pieces of about `markdownPieceLength` characters, each piece is
 * parsed alone, and the trees are joined back into the tree the whole document gives: the
 * paragraph cut in two becomes one paragraph again, with one text node across the cut.
 *
 * A cut goes before a line L that follows a line P only where that is provably harmless:
 *
 * - P ends in a character that is not white space or a backslash (no hard break, no line
 *   suffix), and L is any number of `>` markers (each with at most one space) and then a letter.
 *   A letter can start no block, so L continues the paragraph P is in, and parsed alone it starts
 *   a paragraph inside as many block quotes;
 * - no inline construct spans the cut. Each piece is parsed alone; whatever micromark paired in
 *   it is no longer text, so an opener character still in the text of the paragraph before the
 *   cut (`*`, `_` other than inside a word, `~`, a backtick, `<` and a tag character, a `[` not
 *   followed by a `]`) is one that might pair later. The cut is kept only if no such opener is
 *   left, or no closer of its kind follows before the next blank line (a paragraph never spans
 *   one). In MDX, a cut after the first `<` or `{` and up to the last `>` or `}` is barred, and a
 *   piece MDX refuses (an element or expression closed in the next piece) drops its cuts;
 * - the document holds no `]:` (definitions act at a distance) and no lone carriage return;
 * - after parsing, the first piece ends with that paragraph (after the same number of block
 *   quotes, ending at P's end) and the second starts with one at L. Otherwise the cut is dropped
 *   and the two pieces are parsed together.
 *
 * `test/markdown-pieces.test.ts` compares the joined trees with the whole parse, node for node.
 */

/** A node of an mdast tree, as this module reads and joins it. */
export interface TreeNode {
  type: string;
  value?: string;
  children?: TreeNode[];
  position?: Position | undefined;
}

/** Characters a piece holds at least before the next cut (none below this: one parse). */
export const markdownPieceLength = 16_384;

/**
 * Kinds of inline construct whose opener before a line ending may pair with a closer after it,
 * as bits: emphasis and strong (`*`, `_`), strikethrough (`~`), code spans, link text (`[` …
 * `]`, which also keeps a later autolink literal from being one) and raw HTML (`<a` … `>`).
 */
const kinds = [
  { bit: 1, closer: '*' },
  { bit: 2, closer: '_' },
  { bit: 4, closer: '~' },
  { bit: 8, closer: '`' },
  { bit: 16, closer: ']' },
  { bit: 32, closer: '>' },
] as const;

const bracketBit = 16;
const wwwPattern = /[wW]{3}\./g;

/** A place where a document may be cut: a line start. */
export interface PieceCut {
  readonly at: number;
  /** The kinds (bits, see `kinds`) of which a closer follows before the next blank line. */
  readonly closers: number;
}

/** The first line of front matter (YAML `---` or TOML `+++`), with its line ending. */
const frontMatterOpening = /^(?:---|(\+)\+\+)[ \t]*\r?\n/;
const yamlClosing = /\n---[ \t]*(?:\r?\n|$)/g;
const tomlClosing = /\n\+\+\+[ \t]*(?:\r?\n|$)/g;
/** A blank line: its line ending and the white space before the next one. */
const blankLine = /\n[ \t]*(?:\r?\n|$)/g;
/** The start of a line that cannot start a block: block-quote markers, then a letter. */
const continuationStart = /(?:> ?)*\p{L}/uy;

/**
 * The line starts where `document` may be cut (see the module comment), at least `pieceLength`
 * characters apart; empty when it is short or cannot be cut.
 */
export function markdownPieceCuts(
  document: string,
  mdx: boolean,
  pieceLength = markdownPieceLength,
  frontMatter = true,
): PieceCut[] {
  const cuts: PieceCut[] = [];
  if (document.length <= pieceLength) return cuts;
  if (document.includes(']:') || /\r(?!\n)/.test(document)) return cuts;
  // Front matter (when the parser reads it) is no paragraph: the first stretch starts after it.
  let bodyStart = 0;
  const opening = frontMatter ? frontMatterOpening.exec(document) : null;
  if (opening) {
    const closing = opening[1] === '+' ? tomlClosing : yamlClosing;
    closing.lastIndex = opening[0].length - 1;
    const match = closing.exec(document);
    // Unclosed, it is not front matter, but micromark then reads what follows oddly (a block
    // quote after it is paragraph text): parse such a document whole.
    if (!match) return cuts;
    bodyStart = match.index + match[0].length;
  }
  const cutStretch = (start: number, end: number): void => {
    if (end - start <= pieceLength) return;
    const stretch = document.slice(start, end);
    const lastCloser = kinds.map(({ closer }) => start + stretch.lastIndexOf(closer));
    // A GFM autolink literal is not recognised after an open `[`: what may start one counts as
    // a closer of brackets.
    let lastAutolink = start + Math.max(stretch.lastIndexOf('@'), stretch.lastIndexOf(':'));
    wwwPattern.lastIndex = 0;
    for (let www = wwwPattern.exec(stretch); www; www = wwwPattern.exec(stretch))
      lastAutolink = Math.max(lastAutolink, start + www.index);
    // MDX expressions and JSX (any `<`) are not read back from the tree: a cut after the first
    // opener and up to the last closer is barred.
    const barred: Array<readonly [number, number]> = [];
    if (mdx) {
      for (const [opener, closer] of [
        ['<', '>'],
        ['{', '}'],
      ] as const) {
        const first = stretch.indexOf(opener);
        const last = stretch.lastIndexOf(closer);
        if (first !== -1 && last > first) barred.push([start + first, start + last]);
      }
    }
    const allowed = (cut: number): boolean =>
      barred.every(([opener, closer]) => cut <= opener || cut > closer);
    let target = start + pieceLength;
    while (target < end) {
      let cut = -1;
      for (let lineEnd = document.indexOf('\n', target); lineEnd !== -1 && lineEnd < end;) {
        const lineStart = lineEnd + 1;
        if (isQuietLineEnd(document, lineEnd) && allowed(lineStart)) {
          continuationStart.lastIndex = lineStart;
          if (continuationStart.test(document)) {
            cut = lineStart;
            break;
          }
        }
        lineEnd = document.indexOf('\n', lineStart);
      }
      if (cut === -1 || cut >= end) return;
      let closers = 0;
      for (const [index, { bit }] of kinds.entries()) if (lastCloser[index]! >= cut) closers |= bit;
      if (lastAutolink >= cut) closers |= bracketBit;
      cuts.push({ at: cut, closers });
      target = cut + pieceLength;
    }
  };
  let stretchStart = bodyStart;
  blankLine.lastIndex = bodyStart;
  let match: RegExpExecArray | null;
  while ((match = blankLine.exec(document))) {
    cutStretch(stretchStart, match.index);
    stretchStart = match.index + match[0].length;
    if (match[0].length === 1) break; // the blank last line
    blankLine.lastIndex = stretchStart - 1;
  }
  cutStretch(stretchStart, document.length);
  return cuts;
}

/** Whether the line ending at `lineEnd` (a LF) ends in a character that is not white space or `\`. */
function isQuietLineEnd(document: string, lineEnd: number): boolean {
  let last = lineEnd - 1;
  if (document.charCodeAt(last) === 13) last--;
  if (last < 0) return false;
  switch (document.charCodeAt(last)) {
    case 9: // tab
    case 10: // an empty line
    case 32: // space
    case 92: // backslash
      return false;
    default:
      return true;
  }
}

/**
 * Parse `document` with `parse` (given each piece and whether it starts the document), cut at
 * `cuts`, and join the pieces' trees into the tree of the whole. Positions are those of the
 * whole document. A cut whose pieces do not end and start with the same paragraph, or where
 * the paragraph's prose before it leaves an opener that a closer after it may pair with, is
 * dropped, and its two pieces are parsed together.
 */
export function parseInPieces(
  document: string,
  cuts: readonly PieceCut[],
  parse: (piece: string, atStart: boolean) => TreeNode,
): TreeNode {
  if (cuts.length === 0) return parse(document, true);
  let kept = [...cuts];
  // Pieces parsed so far, by their start and end (a dropped cut re-parses only its neighbours).
  const parsed = new Map<string, TreeNode | Error>();
  const lines = new LineCounter(document);
  const treeOf = (start: number, end: number): TreeNode | Error => {
    const key = `${start}:${end}`;
    let tree = parsed.get(key);
    if (!tree) {
      try {
        tree = parse(document.slice(start, end), start === 0);
        if (start > 0) shiftTree(tree, start, lines.lineOf(start) - 1);
      } catch (error) {
        // MDX refuses a piece that opens an element or expression the next piece closes.
        tree = error instanceof Error ? error : new Error(String(error));
      }
      parsed.set(key, tree);
    }
    return tree;
  };
  for (;;) {
    const bounds = [0, ...kept.map((cut) => cut.at), document.length];
    const trees = bounds.slice(0, -1).map((start, index) => treeOf(start, bounds[index + 1]!));
    const dropped = new Set<PieceCut>();
    // What the paragraph before the cut leaves open. After a dropped cut it is carried on to the
    // next piece whatever that piece starts with, so a paragraph whose cuts all fail is dropped
    // in one round (the next round checks the pieces as actually parsed together).
    let open: OpenInline | undefined;
    let previousDropped = false;
    for (const [index, cut] of kept.entries()) {
      const before = trees[index]!;
      const after = trees[index + 1]!;
      const ending = before instanceof Error ? undefined : edgeChain(before, 'last');
      const paragraph = ending?.at(-1);
      const continues: boolean =
        previousDropped ||
        (!(before instanceof Error) && edgeChain(before, 'first')?.at(-1) === paragraph);
      const carried: OpenInline | undefined = continues ? open : undefined;
      open = paragraph ? scanOpenInline(paragraph, document, carried) : carried;
      previousDropped =
        !open ||
        after instanceof Error ||
        before instanceof Error ||
        !canJoin(before, after, document, cut.at) ||
        !isClosed(open, cut.closers);
      if (previousDropped) dropped.add(cut);
    }
    if (dropped.size === 0) {
      const [root, ...rest] = trees as TreeNode[];
      rest.forEach((tree, index) => join(root!, tree, document, kept[index]!.at));
      return root!;
    }
    kept = kept.filter((cut) => !dropped.has(cut));
    if (kept.length === 0) return parse(document, true);
  }
}

/** Inline openers left in a paragraph's prose (as read from its tree) that a later closer may pair with. */
interface OpenInline {
  /** Kinds (bits, see `kinds`) with a literal opener character left in the prose. */
  kinds: number;
  /** `[` not yet followed by a `]` (each `]` ends the last open one, as a failed link does). */
  brackets: number;
  /** A bracket in prose that does not stand for itself in the source (an escape, a reference). */
  unsure: boolean;
}

const letterOrDigit = /[\p{L}\p{N}]/u;
const tagStart = /[A-Za-z/!?]/;

/**
 * Read the literal opener characters of `paragraph`'s prose: whatever micromark paired is no
 * longer text, so a `*`, `_`, `~`, backtick or `<a` still in a text node is unpaired, and may
 * pair with a closer in a later piece.
 */
function scanOpenInline(
  paragraph: TreeNode,
  document: string,
  carried: OpenInline | undefined,
): OpenInline {
  const open: OpenInline = carried ? { ...carried } : { kinds: 0, brackets: 0, unsure: false };
  const visit = (node: TreeNode): void => {
    if (node.type === 'text' && node.value) {
      const { value } = node;
      const start = node.position?.start.offset;
      const end = node.position?.end.offset;
      const verbatim =
        start !== undefined && end !== undefined && document.slice(start, end) === value;
      for (let index = 0; index < value.length; index++) {
        switch (value[index]) {
          case '*':
            open.kinds |= 1;
            break;
          case '_':
            // Between two letters or digits of the source, `_` can neither open nor close.
            if (
              !verbatim ||
              !letterOrDigit.test(value[index - 1] ?? '') ||
              !letterOrDigit.test(value[index + 1] ?? '')
            )
              open.kinds |= 2;
            break;
          case '~':
            open.kinds |= 4;
            break;
          case '`':
            open.kinds |= 8;
            break;
          case '[':
            open.brackets++;
            if (!verbatim) open.unsure = true;
            break;
          case ']':
            if (open.brackets > 0) open.brackets--;
            if (!verbatim) open.unsure = true;
            break;
          case '<':
            if (tagStart.test(value[index + 1] ?? '')) open.kinds |= 32;
            break;
          default:
        }
      }
    }
    for (const child of node.children ?? []) visit(child);
  };
  for (const child of paragraph.children ?? []) visit(child);
  return open;
}

/** Whether nothing left open pairs with the kinds of closer that follow (`closers`). */
function isClosed(open: OpenInline, closers: number): boolean {
  if ((open.kinds & closers) !== 0) return false;
  return (closers & bracketBit) === 0 || (open.brackets === 0 && !open.unsure);
}

/** Line numbers (1-based) of offsets, asked in any order. */
class LineCounter {
  readonly #starts: number[] = [0];
  constructor(document: string) {
    for (
      let index = document.indexOf('\n');
      index !== -1;
      index = document.indexOf('\n', index + 1)
    )
      this.#starts.push(index + 1);
  }
  lineOf(offset: number): number {
    return lastStartAtOrBefore(this.#starts, offset) + 1;
  }
}

function shiftPoint(point: Point, offset: number, lines: number): void {
  point.line += lines;
  if (point.offset !== undefined) point.offset += offset;
}

function shiftTree(node: TreeNode, offset: number, lines: number): void {
  if (node.position) {
    shiftPoint(node.position.start, offset, lines);
    shiftPoint(node.position.end, offset, lines);
  }
  for (const child of node.children ?? []) shiftTree(child, offset, lines);
}

/** Block quotes, each the last (or first) child of the one before, ending in a paragraph. */
function edgeChain(root: TreeNode, edge: 'first' | 'last'): TreeNode[] | undefined {
  const chain: TreeNode[] = [];
  for (let node = root; ;) {
    const children = node.children ?? [];
    const next = edge === 'first' ? children[0] : children[children.length - 1];
    if (!next?.position) return undefined;
    chain.push(next);
    if (next.type === 'paragraph') return chain;
    if (next.type !== 'blockquote') return undefined;
    node = next;
  }
}

/** Where the line before `cut` ends, before its line ending. */
function lineEndBefore(document: string, cut: number): number {
  return document.charCodeAt(cut - 2) === 13 ? cut - 2 : cut - 1;
}

/** Whether the trees of the pieces before and after `cut` end and start with one paragraph cut there. */
function canJoin(before: TreeNode, after: TreeNode, document: string, cut: number): boolean {
  const ending = edgeChain(before, 'last');
  const starting = edgeChain(after, 'first');
  if (!ending || !starting || ending.length !== starting.length) return false;
  const end = lineEndBefore(document, cut);
  // A text node without a position was split by the GFM autolink-literal transform, which would
  // split the joined text node differently.
  const last = ending.at(-1)?.children?.at(-1);
  const next = starting.at(-1)?.children?.[0];
  return (
    last?.position !== undefined &&
    next?.position !== undefined &&
    ending.every((node) => node.position?.end.offset === end) &&
    starting[0]?.position?.start.offset === cut
  );
}

/** Join the tree after `cut` into `root` (the tree before it), as `canJoin` allowed. */
function join(root: TreeNode, after: TreeNode, document: string, cut: number): void {
  const ending = edgeChain(root, 'last')!;
  const starting = edgeChain(after, 'first')!;
  const lineEnd = lineEndBefore(document, cut);
  const lineEnding = document.slice(lineEnd, cut);
  const parents = [root, ...ending];
  const continuing = [after, ...starting];
  for (const [depth, node] of parents.entries()) {
    const next = continuing[depth]!;
    const children = next.children ?? [];
    if (node.type === 'paragraph') joinPhrasing(node, children, lineEnding, lineEnd, cut);
    else node.children!.push(...children.slice(1));
    node.position!.end = { ...next.position!.end };
  }
}

/** Append the phrasing `children` of the paragraph after the cut to `paragraph`, across `lineEnding`. */
function joinPhrasing(
  paragraph: TreeNode,
  children: TreeNode[],
  lineEnding: string,
  lineEnd: number,
  cut: number,
): void {
  const own = paragraph.children!;
  const last = own[own.length - 1];
  const next = children[0];
  const endPoint = { ...paragraph.position!.end };
  const cutPoint: Point = { line: endPoint.line + 1, column: 1, offset: cut };
  if (last?.type === 'text' && last.position?.end.offset === lineEnd) {
    if (next?.type === 'text') {
      last.value += lineEnding + (next.value ?? '');
      last.position.end = { ...next.position!.end };
      own.push(...children.slice(1));
    } else {
      last.value += lineEnding;
      last.position.end = cutPoint;
      own.push(...children);
    }
  } else if (next?.type === 'text') {
    next.value = lineEnding + (next.value ?? '');
    next.position!.start = endPoint;
    own.push(...children);
  } else {
    own.push({ type: 'text', value: lineEnding, position: { start: endPoint, end: cutPoint } });
    own.push(...children);
  }
}
