import type { Point } from 'unist';
import type { VFile } from 'vfile';
import type { Compiled, EntryInfo } from './compile.js';
import type { FormMatch } from './match.js';
import type { Document, Token, Word } from './tokens.js';
import {
  applyCaseShape,
  caseShapeOf,
  collapseWhiteSpace,
  fold,
  isAllCaps,
  startsUpper,
  upperFirst,
  type CaseShape,
} from './text.js';
import type { Fix, LuxembourgMessage, SkipContext } from './types.js';

export const source = 'retext-luxembourg';

const contextLabels: Readonly<Record<SkipContext, string>> = {
  'legal-title': 'in the title of a legal instrument, mandate or organisation',
  quotation: 'in a quotation',
  mention: 'mentioned as a term',
  adult: 'in an adult or general context',
  preferred: 'part of a preferred term',
  allowed: 'in an allowed phrase',
};

/** Emit the message for one match. */
export function report(
  file: VFile,
  document: Document,
  compiled: Compiled,
  match: FormMatch,
  context: SkipContext | undefined,
): LuxembourgMessage {
  const { words, tokens } = document;
  const entry = match.end_.form.entry;
  const firstWord = words[match.first] as Word;
  const lastWord = words[match.last] as Word;
  const value = typeof file.value === 'string' ? file.value : String(file);
  const parsed = parsedText(words, match.first, match.last);
  const sliced = value.slice(match.start, match.end);
  const actual = sliced.length > 0 ? sliced : parsed;

  const spanWords: string[] = [];
  for (let index = match.first; index <= match.last; index++)
    spanWords.push((words[index] as Word).value);
  const shape = caseShapeOf(spanWords);
  const minorWords = new Set([...compiled.titleConnectors, ...compiled.articleWords]);
  const expected = entry.suggestions.map((suggestion) =>
    applyCaseShape(suggestion, shape, minorWords),
  );

  const shown = collapseWhiteSpace(parsed);
  let reason = reasonFor(entry, expected, shown);
  if (context !== undefined)
    reason = `Not flagged, ${contextLabels[context]}: ${lowerFirstWord(reason)}`;

  const place = {
    start: pointOf((tokens[firstWord.token] as Token).startPoint, match.start),
    end: pointOf((tokens[lastWord.token] as Token).endPoint, match.end),
  };
  const options = { place, ruleId: entry.id, source };
  // A lint message's stack trace says nothing useful (vfile-message clears it anyway), and
  // capturing one is most of the cost of a message in term-dense text.
  const stackTraceLimit = Error.stackTraceLimit;
  Error.stackTraceLimit = 0;
  let message: LuxembourgMessage;
  try {
    message = (
      context === undefined && entry.status === 'avoid'
        ? file.message(reason, options)
        : file.info(reason, options)
    ) as LuxembourgMessage;
  } finally {
    Error.stackTraceLimit = stackTraceLimit;
  }
  message.actual = actual;
  message.expected = expected;
  message.note = entry.note;
  message.url = entry.url;
  message.status = entry.status;
  if (context !== undefined) message.context = context;
  message.fix =
    context === undefined
      ? fixFor(value, document, compiled, match, shape, minorWords, parsed)
      : null;
  return message;
}

function lowerFirstWord(reason: string): string {
  return reason.charAt(0).toLowerCase() + reason.slice(1);
}

function pointOf(point: Point | undefined, offset: number): Point {
  return point
    ? { line: point.line, column: point.column, offset: point.offset ?? offset }
    : { line: 1, column: 1, offset };
}

function quote(value: string): string {
  return `\`${value}\``;
}

function reasonFor(entry: EntryInfo, expected: readonly string[], actual: string): string {
  const summary = entry.summary.trim();
  if (expected.length > 0) {
    const listed =
      expected.length === 1
        ? quote(expected[0] ?? '')
        : `${expected.slice(0, -1).map(quote).join(', ')} or ${quote(expected.at(-1) ?? '')}`;
    return `Consider ${listed} instead of ${quote(actual)}: ${summary}`;
  }
  return entry.status === 'avoid'
    ? `Avoid ${quote(actual)}: ${summary}`
    : `Use ${quote(actual)} with care: ${summary}`;
}

/** The text of words `first..last` with the separators as parsed (no markup). */
function parsedText(words: readonly Word[], first: number, last: number): string {
  let text = '';
  for (let index = first; index <= last; index++) {
    const word = words[index] as Word;
    text += word.value;
    if (index < last) text += word.separator;
  }
  return text;
}

/**
 * A fix only for an uninflected match of the entry's lemma (or of its first form) in plain prose
 * whose original text holds no markup; it keeps the case shape and corrects `a`/`an` before it.
 */
function fixFor(
  value: string,
  document: Document,
  compiled: Compiled,
  match: FormMatch,
  shape: CaseShape,
  minorWords: ReadonlySet<string>,
  parsed: string,
): Fix | null {
  const entry = match.end_.form.entry;
  if (entry.fix === undefined || entry.status !== 'avoid') return null;
  if (match.end_.inflected) return null;
  if (match.end_.form.index !== 0 && match.end_.words !== entry.lemma) return null;
  if (value.slice(match.start, match.end) !== parsed) return null;

  let text = applyCaseShape(entry.fix, shape, minorWords);
  let offset = match.start;
  const { words } = document;
  const articles = compiled.articles;
  if (articles && match.first > 0) {
    const before = words[match.first - 1] as Word;
    const article = before.folded;
    const isArticle =
      article === fold(articles.beforeConsonant) || article === fold(articles.beforeVowel);
    if (isArticle && before.join === 'flex' && /^[^\S\n]+$/u.test(before.separator)) {
      const firstLetter = fold(/\p{L}/u.exec(text)?.[0] ?? '');
      const wanted = compiled.vowelLetters.includes(firstLetter)
        ? articles.beforeVowel
        : articles.beforeConsonant;
      if (
        fold(wanted) !== article &&
        value.slice(before.start, match.start) === before.value + before.separator
      ) {
        const cased =
          isAllCaps(before.value) || (before.value.length === 1 && isAllCaps(text))
            ? wanted.toUpperCase()
            : startsUpper(before.value)
              ? upperFirst(wanted)
              : wanted;
        text = `${cased}${before.separator}${text}`;
        offset = before.start;
      }
    }
  }
  return { offset, endOffset: match.end, text };
}
