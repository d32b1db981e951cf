import { lint, type Format, type LintOptions } from '@luxlint/lint';
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { RcConfig } from './config.js';
import type { EditorSettings } from './settings.js';

/** A safe replacement: offsets are 0-based UTF-16 indices into the linted text. */
export interface Fix {
  offset: number;
  endOffset: number;
  text: string;
}

export const pluginSource = 'retext-luxembourg';

/** Whether a finding is about an entry of the dataset (and so has suggestions, a fix, a hover). */
export function isEntryFinding(finding: Finding): boolean {
  return finding.source === pluginSource && finding.ruleId !== undefined;
}

/** One lint message, reduced to what the server needs, with exact offsets. */
export interface Finding {
  /** Entry id; undefined for messages that are not about an entry (a file that could not be parsed). */
  ruleId: string | undefined;
  /** `retext-luxembourg` for findings about an entry; `luxlint` for problems with a control comment. */
  source: string | undefined;
  status: 'avoid' | 'caution' | undefined;
  reason: string;
  actual: string | undefined;
  expected: string[];
  note: string | undefined;
  url: string | undefined;
  /** Why a match was skipped (legal title, quotation …); only on reported skips. */
  context: string | undefined;
  fix: Fix | null;
  fatal: boolean | undefined;
  offset: number;
  endOffset: number;
}

/** The plugin options for one document: editor settings layered over the config file. */
export type PluginOptions = Omit<LintOptions, 'format' | 'path' | 'fastPath'>;

export function mergeOptions(rc: RcConfig, settings: EditorSettings): PluginOptions {
  const options: { -readonly [Key in keyof PluginOptions]: PluginOptions[Key] } = {};
  const preset = settings.preset ?? rc.preset;
  if (preset) options.preset = preset;
  const rules = { ...rc.rules, ...settings.rules };
  if (Object.keys(rules).length > 0) options.rules = rules;
  const allow = [...(rc.allow ?? []), ...settings.allow];
  if (allow.length > 0) options.allow = allow;
  const reportSkipped = settings.reportSkipped ?? rc.reportSkipped;
  if (reportSkipped !== undefined) options.reportSkipped = reportSkipped;
  if (rc.baseUrl !== undefined) options.baseUrl = rc.baseUrl;
  if (rc.lang !== undefined) options.lang = rc.lang;
  return options;
}

interface PointLike {
  line?: number | undefined;
  column?: number | undefined;
  offset?: number | undefined;
}

function isPoint(value: unknown): value is PointLike {
  return typeof value === 'object' && value !== null && ('line' in value || 'offset' in value);
}

function offsetOf(point: PointLike | undefined, lines: () => TextDocument): number | undefined {
  if (!point) return undefined;
  if (typeof point.offset === 'number') return point.offset;
  // unist columns are 1-based string indices, i.e. already UTF-16.
  if (typeof point.line === 'number' && typeof point.column === 'number') {
    return lines().offsetAt({ line: point.line - 1, character: point.column - 1 });
  }
  return undefined;
}

function isFix(value: unknown): value is Fix {
  if (typeof value !== 'object' || value === null) return false;
  const fix = value as Record<string, unknown>;
  return (
    typeof fix['offset'] === 'number' &&
    typeof fix['endOffset'] === 'number' &&
    typeof fix['text'] === 'string'
  );
}

function stringOrUndefined(value: unknown): string | undefined {
  return typeof value === 'string' ? value : undefined;
}

/** Lint a text. Throws whatever `lint` throws; the caller logs it. Runs in the lint worker. */
export function lintText(
  text: string,
  format: Format,
  options: PluginOptions,
  path?: string,
): Finding[] {
  const lintOptions: LintOptions = { ...options, format };
  if (path !== undefined) lintOptions.path = path;
  const file = lint(text, lintOptions);
  const findings: Finding[] = [];
  // Only needed for messages that carry lines and columns without offsets.
  let document: TextDocument | undefined;
  const lines = (): TextDocument =>
    (document ??= TextDocument.create('luxlint:text', 'plaintext', 0, text));
  for (const message of file.messages) {
    const extra = message as unknown as Record<string, unknown>;
    const place: unknown = message.place;
    let start: PointLike | undefined;
    let end: PointLike | undefined;
    if (isPoint(place)) start = place;
    else if (typeof place === 'object' && place !== null) {
      const position = place as { start?: unknown; end?: unknown };
      if (isPoint(position.start)) start = position.start;
      if (isPoint(position.end)) end = position.end;
    }
    const offset = offsetOf(start, lines) ?? 0;
    const endOffset = Math.max(offset, offsetOf(end, lines) ?? offset);
    const status = extra['status'];
    findings.push({
      ruleId: message.ruleId ?? undefined,
      source: message.source ?? undefined,
      status: status === 'avoid' || status === 'caution' ? status : undefined,
      reason: message.reason,
      actual: stringOrUndefined(message.actual),
      expected: Array.isArray(message.expected)
        ? (message.expected as unknown[]).filter((e): e is string => typeof e === 'string')
        : [],
      note: stringOrUndefined(message.note),
      url: stringOrUndefined(message.url),
      context: stringOrUndefined(extra['context']),
      fix: isFix(extra['fix']) ? extra['fix'] : null,
      fatal: message.fatal ?? undefined,
      offset,
      endOffset,
    });
  }
  return findings;
}
