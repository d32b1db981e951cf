/**
 * What the language server should say about a text, computed independently of it: `lint()` in
 * this process, with positions converted to LSP positions by code that does not share the
 * server's TextDocument.
 */
import { lint, type Format } from '@luxlint/lint';
import type { Diagnostic, Position, Range } from 'vscode-languageserver-protocol/node';

/** Offsets where LSP lines start: lines end at \r\n, \r or \n. */
function lineStarts(text: string): number[] {
  const starts = [0];
  for (let index = 0; index < text.length; index++) {
    const char = text[index];
    if (char === '\r' && text[index + 1] === '\n') index++;
    if (char === '\n' || char === '\r') starts.push(index + 1);
  }
  return starts;
}

/** A position finder for one text; characters are UTF-16 code units. */
export function positionsOf(text: string): (offset: number) => Position {
  const starts = lineStarts(text);
  return (offset) => {
    let low = 0;
    let high = starts.length - 1;
    while (low < high) {
      const middle = (low + high + 1) >> 1;
      if (starts[middle]! <= offset) low = middle;
      else high = middle - 1;
    }
    return { line: low, character: offset - starts[low]! };
  };
}

export function positionAt(text: string, offset: number): Position {
  return positionsOf(text)(offset);
}

/** An offset finder for one text: like an editor, a position past a line's end means its end. */
export function offsetsOf(text: string): (position: Position) => number {
  const starts = lineStarts(text);
  return (position) => {
    if (position.line < 0) return 0;
    const start = starts[position.line];
    if (start === undefined) return text.length;
    const next = starts[position.line + 1];
    let end = next ?? text.length;
    // The end of a line is before its line break.
    if (next !== undefined) end -= text.startsWith('\r\n', next - 2) ? 2 : 1;
    return Math.min(start + Math.max(0, position.character), end);
  };
}

export function offsetAt(text: string, position: Position): number {
  return offsetsOf(text)(position);
}

export interface ExpectedFinding {
  code: string | undefined;
  message: string;
  start: Position;
  end: Position;
  offset: number;
  endOffset: number;
  /** About a dataset entry (so it has a hover), not a problem with a control comment. */
  entry: boolean;
  fix: { offset: number; endOffset: number; text: string } | null;
}

const cache = new Map<string, ExpectedFinding[]>();

/** lint() of `text`, remembered: the sequences ask about the same (sometimes megabyte) text often. */
export function expectedFindings(text: string, format: Format): ExpectedFinding[] {
  const key = `${format}\u0000${text}`;
  let findings = cache.get(key);
  if (findings) return findings;
  const position = positionsOf(text);
  findings = lint(text, { format }).messages.map((message) => {
    const place = message.place && 'start' in message.place ? message.place : undefined;
    const offset = place?.start.offset ?? 0;
    const endOffset = place?.end.offset ?? offset;
    const extra = message as unknown as { fix?: ExpectedFinding['fix']; context?: string };
    return {
      code: message.ruleId ?? undefined,
      message: message.reason,
      start: position(offset),
      end: position(endOffset),
      offset,
      endOffset,
      entry: message.source === 'retext-luxembourg' && message.ruleId !== undefined,
      fix: extra.fix && extra.context === undefined ? extra.fix : null,
    };
  });
  if (cache.size > 64) cache.clear();
  cache.set(key, findings);
  return findings;
}

/** The part of a published diagnostic the comparison looks at. */
export interface DiagnosticSummary {
  code: Diagnostic['code'];
  message: Diagnostic['message'];
  start: Position;
  end: Position;
}

export function summarize(diagnostics: readonly Diagnostic[]): DiagnosticSummary[] {
  return diagnostics.map((diagnostic) => ({
    code: diagnostic.code,
    message: diagnostic.message,
    start: diagnostic.range.start,
    end: diagnostic.range.end,
  }));
}

export function expectedDiagnostics(text: string, format: Format): DiagnosticSummary[] {
  return expectedFindings(text, format).map(({ code, message, start, end }) => ({
    code,
    message,
    start,
    end,
  }));
}

export function rangeOf(text: string, offset: number, endOffset: number): Range {
  return { start: positionAt(text, offset), end: positionAt(text, endOffset) };
}
