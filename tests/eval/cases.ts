/** The shape of an evaluation case file (one JSON object a line), shared by the runner and tests. */
import { readFileSync } from 'node:fs';

export type Stance = 'avoid' | 'caution';
export type ProtectedKind =
  'title' | 'quotation' | 'mention' | 'adult_or_general' | 'preferred' | 'trap' | 'code' | 'url';

export interface ExpectedFlag {
  readonly match: string;
  readonly stance: Stance;
  /** 0-based UTF-16 offsets into `text`. */
  readonly start: number;
  readonly end: number;
}

export interface EvalCase {
  readonly id: string;
  readonly text: string;
  readonly expected: readonly ExpectedFlag[];
  readonly must_not_flag: readonly string[];
  readonly must_not_flag_kinds: readonly ProtectedKind[];
  readonly category: string;
}

const stances: ReadonlySet<string> = new Set(['avoid', 'caution']);
const kinds: ReadonlySet<string> = new Set([
  'title',
  'quotation',
  'mention',
  'adult_or_general',
  'preferred',
  'trap',
  'code',
  'url',
]);

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Check one parsed line; returns the problems (empty when valid). */
export function caseProblems(value: unknown): string[] {
  if (!isRecord(value)) return ['not a JSON object'];
  const problems: string[] = [];
  const {
    id,
    text,
    expected,
    must_not_flag: protectedTexts,
    must_not_flag_kinds: protectedKinds,
    category,
  } = value;
  if (typeof id !== 'string' || id === '') problems.push('`id` must be a non-empty string');
  if (typeof text !== 'string') problems.push('`text` must be a string');
  if (typeof category !== 'string') problems.push('`category` must be a string');
  if (!Array.isArray(expected)) problems.push('`expected` must be an array');
  else
    expected.forEach((flag: unknown, index) => {
      if (!isRecord(flag)) {
        problems.push(`expected[${index}] must be an object`);
        return;
      }
      const { match, stance, start, end } = flag;
      if (typeof stance !== 'string' || !stances.has(stance))
        problems.push(`expected[${index}].stance must be avoid or caution`);
      if (typeof match !== 'string' || !Number.isInteger(start) || !Number.isInteger(end)) {
        problems.push(`expected[${index}] needs match (string), start and end (integers)`);
      } else if (typeof text === 'string' && text.slice(start as number, end as number) !== match) {
        problems.push(
          `expected[${index}]: text.slice(${String(start)}, ${String(end)}) is ${JSON.stringify(text.slice(start as number, end as number))}, not ${JSON.stringify(match)}`,
        );
      }
    });
  if (!Array.isArray(protectedTexts) || !Array.isArray(protectedKinds)) {
    problems.push('`must_not_flag` and `must_not_flag_kinds` must be arrays');
  } else {
    if (protectedTexts.length !== protectedKinds.length)
      problems.push('`must_not_flag` and `must_not_flag_kinds` differ in length');
    protectedTexts.forEach((protectedText: unknown, index) => {
      if (typeof protectedText !== 'string' || protectedText === '')
        problems.push(`must_not_flag[${index}] must be a non-empty string`);
      else if (typeof text === 'string' && !text.includes(protectedText))
        problems.push(`must_not_flag[${index}] ${JSON.stringify(protectedText)} is not in text`);
    });
    protectedKinds.forEach((kind: unknown, index) => {
      if (typeof kind !== 'string' || !kinds.has(kind))
        problems.push(`must_not_flag_kinds[${index}] must be one of ${[...kinds].join(', ')}`);
    });
  }
  return problems;
}

/** Parse a case file; a bad line throws an error naming the file, the line and the problem. */
export function parseCases(source: string, name: string): EvalCase[] {
  const cases: EvalCase[] = [];
  const ids = new Set<string>();
  source.split(/\r?\n/).forEach((line, index) => {
    if (line.trim() === '') return;
    let value: unknown;
    try {
      value = JSON.parse(line);
    } catch (error) {
      throw new Error(`${name}:${index + 1}: not valid JSON (${(error as Error).message})`);
    }
    const problems = caseProblems(value);
    if (problems.length > 0) throw new Error(`${name}:${index + 1}: ${problems.join('; ')}`);
    const item = value as unknown as EvalCase;
    if (ids.has(item.id)) throw new Error(`${name}:${index + 1}: duplicate id ${item.id}`);
    ids.add(item.id);
    cases.push(item);
  });
  return cases;
}

export function readCases(path: string): EvalCase[] {
  return parseCases(readFileSync(path, 'utf8'), path);
}
