import type { LintOptions } from '@luxlint/lint';

/** One message of retext-luxembourg, flattened for the page (see DESIGN.md for the fields). */
export interface Finding {
  reason: string;
  ruleId: string;
  actual: string;
  expected: string[];
  url: string;
  /** UTF-16 offsets of the match in the checked text. */
  start: number;
  end: number;
  line: number;
  column: number;
  status?: 'avoid' | 'caution';
  /** Present when the match was left alone (legal title, quotation …) and reported on request. */
  context?: string;
}

export interface LintRequest {
  id: number;
  value: string;
  options: LintOptions;
}

export type LintResponse =
  | { id: number; ok: true; findings: Finding[]; fixed: string }
  | { id: number; ok: false; error: string };
