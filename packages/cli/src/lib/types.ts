import type { Settings } from '@luxlint/config';

/** Rule levels and the plugin options a config file or the command line can set. */
export type { RuleLevel, Settings } from '@luxlint/config';

/** Input formats the linter understands (the same names as `@luxlint/lint`). */
export type TextFormat = 'markdown' | 'mdx' | 'text' | 'html';

/** A safe replacement, as offsets into the original text. */
export interface JsonFix {
  offset: number;
  endOffset: number;
  text: string;
}

/** One message of the versioned JSON contract (`version: 1`). */
export interface JsonMessage {
  ruleId: string;
  status: 'avoid' | 'caution';
  severity: 'warning' | 'info';
  message: string;
  actual: string;
  expected: string[];
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
  offset: number;
  endOffset: number;
  url: string;
  note: string;
  context?: string;
  fix: JsonFix | null;
}

/** What linting one file gives; plain data so it can cross a worker boundary. */
export interface FileResult {
  /** The path as shown to the user (relative to the working directory). */
  path: string;
  messages: JsonMessage[];
  /** Set when the file could not be read, parsed or written: nothing else about it is reported. */
  error?: string;
  /** A remark that is not an error (for example: `--fix` does not write .docx). */
  notice?: string;
  /** `paragraph` for Word documents: `line` is then the paragraph number. */
  positions?: 'paragraph';
  /** Unified diff of the safe fixes (`--fix-dry-run`). */
  diff?: string;
  /** How many fixes were written (`--fix`). */
  fixed?: number;
  /** Size of the file in bytes (for throughput figures). */
  bytes: number;
}

export type FixMode = 'none' | 'fix' | 'dry-run';

/** One unit of work for the in-process runner or a worker thread. */
export interface FileTask {
  /** Absolute path on disk (ignored when `text` is given). */
  absolutePath: string;
  /** The path to show. */
  path: string;
  settings: Settings;
  mode: FixMode;
  /** Already-read text (standard input). */
  text?: string;
  /** Force a format instead of guessing from the path. */
  format?: TextFormat;
}
