import type { SentenceContent } from 'nlcst';
import { ParseEnglish } from 'parse-english';
import type { Point } from 'unist';
import { charEnd, charStart, type TextPiece } from './pieces.js';
import { LineIndex } from './positions.js';

const unknown = 0;
const whiteSpaceType = 1;
const wordType = 3;
const symbolType = 4;

const typeNames = ['', 'WhiteSpaceNode', 'PunctuationNode', 'WordNode', 'SymbolNode'] as const;

/** Type of each UTF-16 unit seen so far (0: not asked yet). */
const types = new Uint8Array(0x10000);
/** Asked about single units only: its plugins never see them. */
let classifier: ParseEnglish | undefined;

function typeOf(code: number): number {
  let type = types[code] as number;
  if (type === unknown) {
    classifier ??= new ParseEnglish();
    const [node] = classifier.tokenize(String.fromCharCode(code));
    type = typeNames.indexOf((node?.type ?? '') as (typeof typeNames)[number]);
    if (type <= 0) type = symbolType;
    types[code] = type;
  }
  return type;
}

/**
 * `ParseEnglish#tokenize`, exactly (same nodes, values and positions), several times faster.
 *
 * parse-latin's tokenizer tests three Unicode regular expressions on every character of the text
 * (`charAt`, one UTF-16 unit at a time), which made it a large share of the linter's time on
 * term-dense prose. A unit's type (white space, punctuation, word, symbol) depends on that unit
 * alone, so it is asked of the parser once per distinct unit and kept in a table; the token
 * boundaries then follow parse-latin's rules: a change of type ends a token, except that word and
 * white-space runs continue, and punctuation and symbol runs continue only with the same
 * character or a surrogate. `test/tokenize.test.ts` compares the two on generated text.
 */
export function tokenize(value: string): SentenceContent[] {
  // The whole value as one piece that is its own source: tokenizePiece then counts lines and
  // columns from the start, as parse-latin does.
  return tokenizePiece({ kind: 'text', value, start: 0, end: value.length }, new LineIndex(value));
}

/**
 * `tokenize(piece.value)` with every node placed in the file (offsets, lines and columns of the
 * original text, through the piece's character map), in the same pass.
 *
 * Placing the tokens afterwards cost as much as tokenizing: a second walk, a string per token
 * and a binary search over the line starts per boundary. Here a piece whose value is its source
 * slice verbatim (no map) counts lines and columns as it goes, exactly as `LineIndex` does
 * (CR LF one line ending, a lone CR or LF another: a token never ends between a CR and its LF,
 * both being white space, but a piece may, so a point right after a CR is looked up). A token's end point is the next token's start point, one object:
 * parse-latin's plugins assign points (`position.end = other.position.end`) and never change
 * their fields, so sharing them is safe. Positions are never shared (those are changed).
 */
export function tokenizePiece(piece: TextPiece, lines: LineIndex): SentenceContent[] {
  const { value } = piece;
  const children: SentenceContent[] = [];
  if (!value) return children;
  const mapped = piece.starts !== undefined && piece.ends !== undefined;
  let start: Point = lines.toPoint(charStart(piece, 0));
  let { line, column } = start;
  const base = piece.start;
  let from = 0;
  let previousType = unknown;
  let previous = -1;
  const flush = (to: number): Point => {
    const text = value.slice(from, to);
    // After a CR, the file may go on with its LF past the piece: then the line has not ended.
    const end: Point = mapped
      ? lines.toPoint(charEnd(piece, to - 1))
      : previous === 13
        ? lines.toPoint(base + to)
        : { line, column, offset: base + to };
    if (previousType === wordType) {
      children.push({
        type: 'WordNode',
        children: [{ type: 'TextNode', value: text, position: { start, end } }],
        position: { start, end },
      });
    } else {
      children.push({
        type: typeNames[previousType] as 'WhiteSpaceNode' | 'PunctuationNode' | 'SymbolNode',
        value: text,
        position: { start, end },
      } as SentenceContent);
    }
    return end;
  };
  for (let index = 0; index < value.length; index++) {
    const code = value.charCodeAt(index);
    const type = typeOf(code);
    if (
      index > from &&
      !(
        previousType === type &&
        (type === wordType ||
          type === whiteSpaceType ||
          code === previous ||
          (code >= 0xd800 && code <= 0xdfff))
      )
    ) {
      const end = flush(index);
      from = index;
      start = mapped ? lines.toPoint(charStart(piece, index)) : end;
    }
    if (!mapped) {
      if (code === 13 || (code === 10 && previous !== 13)) {
        line++;
        column = 1;
      } else if (code !== 10) {
        column++;
      }
    }
    previousType = type;
    previous = code;
  }
  flush(value.length);
  return children;
}
