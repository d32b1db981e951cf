import { lint, type LintOptions } from '@luxlint/lint';

export interface Seen {
  ruleId: string | undefined;
  status: string | undefined;
  context: string | undefined;
  /** The original text at [offset, endOffset). */
  text: string;
  offset: number | undefined;
  endOffset: number | undefined;
  line: number | undefined;
  column: number | undefined;
  fatal: boolean | null | undefined;
}

/** Lint and keep what the tests look at, with the source text under each message's span. */
export function seen(value: string, options: LintOptions = {}): Seen[] {
  return lint(value, options).messages.map((message) => {
    const place = message.place;
    const start = place && 'start' in place ? place.start : place;
    const end = place && 'end' in place ? place.end : place;
    const fields = message as typeof message & { status?: string; context?: string };
    return {
      ruleId: message.ruleId,
      status: fields.status,
      context: fields.context,
      text: value.slice(start?.offset ?? 0, end?.offset ?? 0),
      offset: start?.offset,
      endOffset: end?.offset,
      line: start?.line,
      column: start?.column,
      fatal: message.fatal,
    };
  });
}

/** Just the flagged source texts. */
export function flagged(value: string, options: LintOptions = {}): string[] {
  return seen(value, options).map((message) => message.text);
}

/** 1-based line and column of `offset` in `value`, computed independently of the code under test. */
export function lineColumn(value: string, offset: number): { line: number; column: number } {
  const before = value.slice(0, offset).split(/\r\n|\r|\n/);
  return { line: before.length, column: (before[before.length - 1]?.length ?? 0) + 1 };
}

/** Every own field of a message except the stack trace (which differs between two runs). */
export function comparable(message: object): Record<string, unknown> {
  const result: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(message)) if (key !== 'stack') result[key] = value;
  result['reason'] = (message as { reason?: unknown }).reason;
  return result;
}

/** The messages of `value` on the fast path and with full processing, comparable. */
export function fastAndFull(
  value: string,
  options: LintOptions,
): { fast: Record<string, unknown>[]; full: Record<string, unknown>[] } {
  const fast = lint(value, { ...options, fastPath: true }).messages.map(comparable);
  const full = lint(value, { ...options, fastPath: false }).messages.map(comparable);
  return { fast, full };
}
