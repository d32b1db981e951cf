import type { Root as NlcstRoot } from 'nlcst';
import type { Point } from 'unist';
import { apostrophes, fold, hyphens } from './text.js';

/** One leaf of the natural-language tree, flattened, with its offsets in the original file. */
export interface Token {
  readonly kind: 'word' | 'space' | 'punctuation' | 'symbol' | 'barrier';
  readonly value: string;
  readonly start: number;
  readonly end: number;
  readonly startPoint: Point | undefined;
  readonly endPoint: Point | undefined;
  /** Index of the enclosing `ParagraphNode` (-1 between paragraphs). */
  readonly paragraph: number;
  /** Index of the enclosing `SentenceNode` (-1 outside one). */
  readonly sentence: number;
}

/** How a word is joined to the next word. */
export type Join = 'flex' | 'apostrophe' | 'other' | 'barrier';

/** A word (a `TextNode`) with what the matcher needs to know about it. */
export interface Word {
  /** Index of its token (lowered when the tokens before it are dropped, see `flatten`). */
  token: number;
  readonly value: string;
  readonly folded: string;
  readonly start: number;
  readonly end: number;
  readonly paragraph: number;
  readonly sentence: number;
  /** First letter upper case, or a number / code such as `2011/93/EU`. */
  readonly capitalised: boolean;
  readonly numeric: boolean;
  /** Part of a URL, e-mail address or domain name: never matched. */
  inUrl: boolean;
  /** How this word is joined to the next word. */
  join: Join;
  /** The separator text between this word and the next, as parsed (markup excluded). */
  separator: string;
}

/** The flattened document. */
export interface Document {
  readonly tokens: readonly Token[];
  readonly words: readonly Word[];
}

/**
 * A flattened tree, with how many paragraphs and sentences it numbered, so that the flattening
 * of a later tree of the same file can go on from it (see `flatten`).
 */
export interface FlatDocument extends Document {
  readonly tokens: Token[];
  readonly words: Word[];
  readonly paragraphs: number;
  readonly sentences: number;
}

interface NlcstNode {
  type: string;
  value?: string;
  children?: NlcstNode[];
  position?: { start: Point; end: Point } | undefined;
  data?: { luxembourgContinues?: unknown } | undefined;
}

/**
 * Flatten an nlcst tree into tokens and words.
 *
 * A host that parses an enormous paragraph in slices marks each slice cut from the paragraph
 * before it with `data.luxembourgContinues` on its `ParagraphNode`: `'paragraph'` (the two are
 * one paragraph) or `'sentence'` (their last and first sentences are one sentence, too). Only
 * white space may stand between the two.
 *
 * With `before`, the tree goes on from an earlier one of the same file (a host that checks a
 * file in several trees, to bound memory): its tokens and words are appended to `before`'s
 * arrays (which are reused, not copied), its paragraphs and sentences numbered after them, so a
 * paragraph marked as continuing continues the last one of `before`. The tree must begin with the
 * white space between the two, as it would stand in one tree.
 */
export function flatten(tree: NlcstRoot, before?: FlatDocument): FlatDocument {
  const tokens: Token[] = before?.tokens ?? [];
  const words: Word[] = before?.words ?? [];
  const firstNewToken = tokens.length;
  const firstNewWord = words.length;
  let paragraph = -1;
  let paragraphCount = before?.paragraphs ?? 0;
  let sentence = -1;
  let sentenceCount = before?.sentences ?? 0;
  /** Set while entering a paragraph whose first sentence continues the last one. */
  let continueSentence = false;

  const visit = (node: NlcstNode): void => {
    if (node.children) {
      const previousParagraph = paragraph;
      const previousSentence = sentence;
      if (node.type === 'ParagraphNode') {
        const continues = node.data?.luxembourgContinues;
        if ((continues === 'paragraph' || continues === 'sentence') && paragraphCount > 0) {
          paragraph = paragraphCount - 1;
          continueSentence = continues === 'sentence' && sentenceCount > 0;
        } else {
          paragraph = paragraphCount++;
          continueSentence = false;
        }
      }
      if (node.type === 'SentenceNode') {
        sentence = continueSentence ? sentenceCount - 1 : sentenceCount++;
        continueSentence = false;
      }
      for (const child of node.children) visit(child);
      paragraph = previousParagraph;
      sentence = previousSentence;
      return;
    }
    const value = node.value ?? '';
    const start = node.position?.start.offset;
    const end = node.position?.end.offset;
    const positioned = typeof start === 'number' && typeof end === 'number';
    let kind: Token['kind'];
    switch (node.type) {
      case 'TextNode':
        kind = 'word';
        break;
      case 'WhiteSpaceNode':
        kind = 'space';
        break;
      case 'PunctuationNode':
        kind = 'punctuation';
        break;
      case 'SymbolNode':
        kind = 'symbol';
        break;
      default:
        kind = 'barrier';
    }
    if (!positioned) kind = 'barrier';
    tokens.push({
      kind,
      value,
      start: positioned ? start : Number.NaN,
      end: positioned ? end : Number.NaN,
      startPoint: node.position?.start,
      endPoint: node.position?.end,
      paragraph,
      sentence,
    });
  };
  visit(tree as unknown as NlcstNode);

  for (let index = firstNewToken; index < tokens.length; index++) {
    const token = tokens[index] as Token;
    if (token.kind !== 'word') continue;
    const value = token.value;
    const numeric = hasDigit(value);
    const first = value.charAt(0);
    words.push({
      token: index,
      value,
      folded: fold(value),
      start: token.start,
      end: token.end,
      paragraph: token.paragraph,
      sentence: token.sentence,
      capitalised: numeric || (first !== first.toLowerCase() && first === first.toUpperCase()),
      numeric,
      inUrl: false,
      join: 'barrier',
      separator: '',
    });
  }

  // The last word before this tree was the last word then: it joins the first of this one now.
  for (let index = Math.max(0, firstNewWord - 1); index < words.length - 1; index++)
    joinWords(tokens, words[index] as Word, words[index + 1] as Word);

  markUrls(tokens, words, firstNewToken);
  return { tokens, words, paragraphs: paragraphCount, sentences: sentenceCount };
}

/** A word of ASCII letters only (most words) holds no number: the expression is asked only otherwise. */
function hasDigit(value: string): boolean {
  for (let index = 0; index < value.length; index++) {
    const code = value.charCodeAt(index) | 0x20;
    if (code < 0x61 || code > 0x7a) return /\p{N}/u.test(value);
  }
  return false;
}

/** A blank line: two line endings with only white space between them. */
const blankLine = /\n[^\S\n]*\n/u;

/** Set how `word` is joined to `next` (the word after it) and the separator between them. */
function joinWords(tokens: readonly Token[], word: Word, next: Word): void {
  if (word.paragraph !== next.paragraph || word.paragraph === -1) return;
  let separator = '';
  let onlySpace = true;
  for (let index = word.token + 1; index < next.token; index++) {
    const token = tokens[index] as Token;
    if (token.kind === 'barrier') return;
    if (token.kind === 'space') {
      // A blank line ends a paragraph whatever the parser made of it.
      const value = token.value;
      if (value.indexOf('\n') !== value.lastIndexOf('\n') && blankLine.test(value)) return;
    } else {
      onlySpace = false;
    }
    separator += token.value;
  }
  word.separator = separator;
  if (onlySpace || (separator.length === 1 && hyphens.has(separator))) word.join = 'flex';
  else if (separator.length === 1 && apostrophes.has(separator)) word.join = 'apostrophe';
  else word.join = 'other';
}

const urlStart = /^(?:[a-z][a-z\d+.-]*:\/\/|www\.|mailto:)/iu;
const domainPath = /^[\w-]+(?:\.[\w-]+)+\/\S*$/iu;
const openingMarks = new Set(['(', '"', "'", '\u201C', '\u2018', '<', '[']);
const closingMarks = new Set([
  ')',
  '"',
  "'",
  '\u201D',
  '\u2019',
  '>',
  ']',
  '.',
  ',',
  ';',
  ':',
  '!',
  '?',
]);

/**
 * `local@domain.tld`: one `@`, something before it, a dot inside what follows, no white space.
 * (The regular expression saying the same backtracks quadratically on `x@a.a.a…@`.)
 */
function isEmailLike(text: string): boolean {
  if (/\s/u.test(text)) return false;
  const at = text.indexOf('@');
  if (at <= 0 || text.includes('@', at + 1)) return false;
  const dot = text.indexOf('.', at + 2);
  return dot !== -1 && dot < text.length - 1;
}

/** Whether a chunk, without the brackets and quotes around it, is a URL, e-mail address or domain path. */
export function isUrlLike(chunk: string): boolean {
  // Trimmed by hand: a pattern anchored at the end rescans the chunk from every position.
  let start = 0;
  while (start < chunk.length && openingMarks.has(chunk.charAt(start))) start++;
  let end = chunk.length;
  while (end > start && closingMarks.has(chunk.charAt(end - 1))) end--;
  const trimmed = chunk.slice(start, end);
  return urlStart.test(trimmed) || isEmailLike(trimmed) || domainPath.test(trimmed);
}

/** Whether `following` goes on the chunk of `current`: no white space, no markup, no gap. */
function touches(current: Token | undefined, following: Token | undefined): boolean {
  return (
    current !== undefined &&
    following !== undefined &&
    current.kind !== 'space' &&
    current.kind !== 'barrier' &&
    following.kind !== 'space' &&
    following.kind !== 'barrier' &&
    following.start === current.end
  );
}

/**
 * Whether a token may be what makes a chunk URL-like: every form `isUrlLike` accepts holds `:`
 * (a scheme, `mailto:`), `@` (an address), `/` (a domain path) or starts with `www.`, so a chunk
 * none of whose tokens holds one is not joined into a string to be asked.
 */
function mayMarkUrl(token: Token): boolean {
  const { value } = token;
  // A word is letters, digits and marks only.
  if (token.kind === 'word') return value.length === 3 && value.toLowerCase() === 'www';
  return value.includes(':') || value.includes('@') || value.includes('/');
}

/** Mark words inside URLs, e-mail addresses and domain paths: they are never matched. */
function markUrls(tokens: readonly Token[], words: Word[], from = 0): void {
  // A chunk that touches the first new token began before it: look at it whole.
  let index = from;
  while (index > 0 && index < tokens.length && touches(tokens[index - 1], tokens[index])) index--;
  let wordIndex = 0;
  if (index > 0) {
    let low = 0;
    let high = words.length;
    while (low < high) {
      const middle = (low + high) >> 1;
      if ((words[middle] as Word).token < index) low = middle + 1;
      else high = middle;
    }
    wordIndex = low;
  }
  while (index < tokens.length) {
    const first = tokens[index] as Token;
    if (first.kind === 'space' || first.kind === 'barrier') {
      index++;
      continue;
    }
    // A chunk: tokens that touch each other (no white space, no markup gap).
    let last = index;
    let marked = mayMarkUrl(first);
    while (last + 1 < tokens.length) {
      const following = tokens[last + 1] as Token;
      if (!touches(tokens[last], following)) break;
      last++;
      if (!marked) marked = mayMarkUrl(following);
    }
    if (last > index && marked) {
      let text = '';
      for (let at = index; at <= last; at++) text += (tokens[at] as Token).value;
      if (isUrlLike(text)) {
        while (wordIndex < words.length && (words[wordIndex] as Word).token < index) wordIndex++;
        while (wordIndex < words.length && (words[wordIndex] as Word).token <= last) {
          (words[wordIndex] as Word).inUrl = true;
          wordIndex++;
        }
      }
    }
    index = last + 1;
  }
}
