import type { JsonFix, JsonMessage } from './types.js';

interface Point {
  line?: number | undefined;
  column?: number | undefined;
  offset?: number | undefined;
}

/** The fields of a retext-luxembourg message this package reads (see the plugin's contract). */
export interface PluginMessage {
  reason: string;
  ruleId?: string | undefined;
  actual?: string | undefined;
  expected?: string[] | undefined;
  note?: string | undefined;
  url?: string | undefined;
  fatal?: boolean | null | undefined;
  place?: { start: Point; end: Point } | Point | undefined;
  status?: 'avoid' | 'caution' | undefined;
  context?: string | undefined;
  fix?: JsonFix | null | undefined;
}

/**
 * Maps offsets to 1-based line and column (UTF-16), counting CRLF, LF and CR as one break. The
 * line starts are found on first use: the plugin's messages usually carry their lines already.
 */
export class LineIndex {
  readonly #text: string;
  readonly #separator: RegExp | undefined;
  #found: number[] | undefined;

  /** `separator` (global) replaces the usual CRLF, LF or CR. */
  constructor(text: string, separator?: RegExp) {
    this.#text = text;
    this.#separator = separator;
  }

  get #starts(): number[] {
    this.#found ??= lineStarts(this.#text, this.#separator);
    return this.#found;
  }

  point(offset: number): { line: number; column: number } {
    const starts = this.#starts;
    let low = 0;
    let high = starts.length - 1;
    while (low < high) {
      const middle = (low + high + 1) >> 1;
      if ((starts[middle] ?? 0) <= offset) low = middle;
      else high = middle - 1;
    }
    return { line: low + 1, column: offset - (starts[low] ?? 0) + 1 };
  }

  offset(line: number, column: number): number {
    return (this.#starts[line - 1] ?? 0) + column - 1;
  }
}

function lineStarts(text: string, separator: RegExp | undefined): number[] {
  const starts = [0];
  if (separator) {
    for (const match of text.matchAll(separator)) starts.push(match.index + match[0].length);
    return starts;
  }
  // What /\r\n|\n|\r/g finds, without a match object per line.
  for (let index = 0; index < text.length; index++) {
    const code = text.charCodeAt(index);
    if (code === 10) starts.push(index + 1);
    else if (code === 13) {
      if (text.charCodeAt(index + 1) === 10) index++;
      starts.push(index + 1);
    }
  }
  return starts;
}

/**
 * Convert a message to the JSON contract. `paragraphs`, when given, re-expresses positions as
 * paragraph:column (Word documents).
 */
export function toJsonMessage(
  message: PluginMessage,
  lines: LineIndex,
  paragraphs?: LineIndex,
): JsonMessage {
  const place = message.place;
  const start: Point = place && 'start' in place ? place.start : (place ?? {});
  const end: Point = place && 'end' in place ? place.end : start;
  const offset = start.offset ?? lines.offset(start.line ?? 1, start.column ?? 1);
  const endOffset = end.offset ?? lines.offset(end.line ?? 1, end.column ?? 1);
  const locate = paragraphs ?? lines;
  const from =
    paragraphs || start.line === undefined
      ? locate.point(offset)
      : { line: start.line, column: start.column ?? 1 };
  const to =
    paragraphs || end.line === undefined
      ? locate.point(endOffset)
      : { line: end.line, column: end.column ?? 1 };
  const json: JsonMessage = {
    ruleId: message.ruleId ?? 'unknown',
    status: message.status ?? (message.fatal === false ? 'avoid' : 'caution'),
    severity: message.fatal === false || message.fatal === true ? 'warning' : 'info',
    message: message.reason,
    actual: message.actual ?? '',
    expected: message.expected ?? [],
    line: from.line,
    column: from.column,
    endLine: to.line,
    endColumn: to.column,
    offset,
    endOffset,
    url: message.url ?? '',
    note: message.note ?? '',
    fix: message.fix
      ? { offset: message.fix.offset, endOffset: message.fix.endOffset, text: message.fix.text }
      : null,
  };
  if (message.context !== undefined) {
    // Keep the contract's key order: `context` sits before `fix`.
    const { fix, ...rest } = json;
    return { ...rest, context: message.context, fix };
  }
  return json;
}
