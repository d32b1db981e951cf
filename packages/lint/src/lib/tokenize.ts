import type { SentenceContent } from 'nlcst';
import { ParseEnglish } from 'parse-english';
import type { Point } from 'unist';

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
  const children: SentenceContent[] = [];
  if (!value) return children;
  let line = 1;
  let column = 1;
  let from = 0;
  let start: Point = { line, column, offset: 0 };
  let previousType = unknown;
  let previous = -1;
  const flush = (to: number): void => {
    const text = value.slice(from, to);
    const end = (): Point => ({ line, column, offset: to });
    if (previousType === wordType) {
      children.push({
        type: 'WordNode',
        children: [{ type: 'TextNode', value: text, position: { start, end: end() } }],
        position: { start, end: end() },
      });
    } else {
      children.push({
        type: typeNames[previousType] as 'WhiteSpaceNode' | 'PunctuationNode' | 'SymbolNode',
        value: text,
        position: { start, end: end() },
      } as SentenceContent);
    }
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
      flush(index);
      from = index;
      start = { line, column, offset: index };
    }
    // CR LF is one line ending, a lone CR or LF another.
    if (code === 13 || (code === 10 && previous !== 13)) {
      line++;
      column = 1;
    } else if (code !== 10) {
      column++;
    }
    previousType = type;
    previous = code;
  }
  flush(value.length);
  return children;
}
