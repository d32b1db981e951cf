/**
 * Scores @luxlint/lint on the held-out corpus (tests/fixtures/holdout), following
 * /work/shared/eval/README.md:
 * - a *flag* is a message whose status is `avoid` or `caution` and that has no `context`;
 * - an expected span is *found* when a flag overlaps it with the same status as its stance;
 * - a flag that overlaps no expected span of the same stance is a false positive;
 * - a *protected false positive* is a warning-level message overlapping a must_not_flag string,
 *   or a flag (any level) overlapping one whose kind is not title / quotation / mention (an
 *   info-level note on those is fine).
 *
 * Written independently of tests/eval so that the held-out figures do not inherit its bugs.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { lint } from '@luxlint/lint';

export const holdoutFolder = fileURLToPath(new URL('../fixtures/holdout/', import.meta.url));

export interface Expected {
  readonly match: string;
  readonly stance: 'avoid' | 'caution';
  readonly start: number;
  readonly end: number;
}

export interface Annotation {
  readonly file: string;
  readonly expected: readonly Expected[];
  readonly must_not_flag: readonly string[];
  readonly must_not_flag_kinds: readonly string[];
}

export interface Message {
  readonly ruleId: string;
  readonly status: string | undefined;
  readonly context: string | undefined;
  readonly level: 'warning' | 'info' | 'error';
  readonly start: number;
  readonly end: number;
  readonly actual: string;
}

export interface DocumentResult {
  readonly file: string;
  readonly text: string;
  readonly messages: readonly Message[];
  readonly found: readonly Expected[];
  readonly misses: readonly Expected[];
  readonly truePositives: readonly Message[];
  readonly falsePositives: readonly Message[];
  readonly protectedFalsePositives: ReadonlyArray<{ message: Message; text: string; kind: string }>;
}

export interface HoldoutScore {
  readonly documents: number;
  readonly expected: number;
  readonly found: number;
  readonly flags: number;
  readonly truePositives: number;
  readonly precision: number;
  readonly recall: number;
  readonly protectedFalsePositives: number;
  readonly results: readonly DocumentResult[];
}

const infoIsFine = new Set(['title', 'quotation', 'mention']);

function overlaps(a: { start: number; end: number }, b: { start: number; end: number }): boolean {
  return a.start < b.end && b.start < a.end;
}

export function readAnnotations(): Annotation[] {
  return readFileSync(holdoutFolder + 'annotations.jsonl', 'utf8')
    .split('\n')
    .filter((line) => line.trim() !== '')
    .map((line) => JSON.parse(line) as Annotation);
}

export function messagesOf(text: string, path: string): Message[] {
  const file = lint(text, { format: 'markdown', path });
  return file.messages.map((message) => {
    const extra = message as typeof message & { status?: string; context?: string };
    const start = message.place && 'start' in message.place ? (message.place.start.offset ?? 0) : 0;
    const end =
      message.place && 'end' in message.place ? (message.place.end.offset ?? start) : start;
    return {
      ruleId: message.ruleId ?? '',
      status: extra.status,
      context: extra.context,
      level: message.fatal === true ? 'error' : message.fatal === false ? 'warning' : 'info',
      start,
      end,
      actual: text.slice(start, end),
    };
  });
}

function isFlag(message: Message): boolean {
  return (
    (message.status === 'avoid' || message.status === 'caution') && message.context === undefined
  );
}

export function scoreDocument(
  annotation: Annotation,
  text: string,
  messages: readonly Message[],
): DocumentResult {
  const flags = messages.filter(isFlag);
  const matches = (flag: Message, expected: Expected): boolean =>
    overlaps(flag, expected) && flag.status === expected.stance;
  const found = annotation.expected.filter((expected) =>
    flags.some((flag) => matches(flag, expected)),
  );
  const misses = annotation.expected.filter((expected) => !found.includes(expected));
  const truePositives = flags.filter((flag) =>
    annotation.expected.some((expected) => matches(flag, expected)),
  );
  const falsePositives = flags.filter((flag) => !truePositives.includes(flag));
  const protectedFalsePositives: Array<{ message: Message; text: string; kind: string }> = [];
  annotation.must_not_flag.forEach((protectedText, index) => {
    const kind = annotation.must_not_flag_kinds[index] ?? 'trap';
    for (
      let start = text.indexOf(protectedText);
      start !== -1;
      start = text.indexOf(protectedText, start + 1)
    ) {
      const span = { start, end: start + protectedText.length };
      for (const message of messages) {
        if (!overlaps(message, span)) continue;
        if (message.level !== 'info' || (isFlag(message) && !infoIsFine.has(kind))) {
          protectedFalsePositives.push({ message, text: protectedText, kind });
        }
      }
    }
  });
  return {
    file: annotation.file,
    text,
    messages,
    found,
    misses,
    truePositives,
    falsePositives,
    protectedFalsePositives,
  };
}

export function scoreHoldout(keep: (file: string) => boolean = () => true): HoldoutScore {
  const annotations = readAnnotations().filter((annotation) => keep(annotation.file));
  const results = annotations.map((annotation) => {
    const text = readFileSync(holdoutFolder + annotation.file, 'utf8');
    return scoreDocument(annotation, text, messagesOf(text, annotation.file));
  });
  const sum = (pick: (result: DocumentResult) => number): number =>
    results.reduce((total, result) => total + pick(result), 0);
  const expected = sum((result) => result.found.length + result.misses.length);
  const found = sum((result) => result.found.length);
  const truePositives = sum((result) => result.truePositives.length);
  const flags = truePositives + sum((result) => result.falsePositives.length);
  return {
    documents: results.length,
    expected,
    found,
    flags,
    truePositives,
    precision: flags === 0 ? 1 : truePositives / flags,
    recall: expected === 0 ? 1 : found / expected,
    protectedFalsePositives: sum((result) => result.protectedFalsePositives.length),
    results,
  };
}

/** The text around a span, on one line, with the span in [brackets]. */
export function around(text: string, start: number, end: number, width = 60): string {
  const before = text.slice(Math.max(0, start - width), start);
  const after = text.slice(end, end + width);
  const flat = (value: string): string => value.replace(/\s+/g, ' ');
  return `…${flat(before)}[${flat(text.slice(start, end))}]${flat(after)}…`;
}
