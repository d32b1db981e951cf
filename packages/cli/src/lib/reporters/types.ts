import type { FileResult } from '../types.js';

export interface RuleInfo {
  /** Headword of the entry. */
  term: string;
  summary: string;
  status: 'use' | 'caution' | 'avoid';
}

export interface ReportContext {
  color: boolean;
  verbose: boolean;
  /** Leave out files without findings (stylish). */
  quiet?: boolean;
  /** Absolute working directory (paths in results are relative to it). */
  cwd: string;
  version: string;
  /** Describes a rule id, for formats that carry rule metadata (SARIF). */
  describeRule?: (id: string) => RuleInfo | undefined;
}

/**
 * A reporter gets results in input order and returns what to print at once (streamed formats)
 * or keeps them for `finish` (formats that need the whole run).
 */
export interface Reporter {
  add(result: FileResult): string;
  /** `errors` are the files that could not be linted (already printed on stderr). */
  finish(errors: readonly FileResult[]): string;
}
