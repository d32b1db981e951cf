/**
 * Scores the plugin (through @luxlint/lint, as every surface uses it) on a case file, following
 * /work/shared/eval/README.md:
 * - a *flag* is a message with status `avoid` or `caution` and no `context`;
 * - an expected span is *found* when a flag overlaps it and the flag's status equals its stance;
 * - a flag is a *true positive* when it overlaps an expected span with the same stance,
 *   otherwise a false positive;
 * - a *protected false positive* is a warning that overlaps a `must_not_flag` string, or a flag
 *   at any level that overlaps one of kind preferred / adult_or_general / trap / code / url
 *   (an info-level note on a title, quotation or mention is fine).
 */
import { lint, type LintOptions } from '@luxlint/lint';
import type { EvalCase, ProtectedKind } from './cases.js';

export const targets = { precision: 0.95, recall: 0.95, protectedFalsePositives: 0 } as const;

export interface Finding {
  readonly ruleId: string;
  readonly status: string | undefined;
  readonly context: string | undefined;
  readonly severity: 'warning' | 'info' | 'error';
  readonly start: number;
  readonly end: number;
  readonly actual: string;
}

export interface CaseResult {
  readonly id: string;
  readonly category: string;
  readonly text: string;
  readonly findings: readonly Finding[];
  readonly truePositives: readonly Finding[];
  readonly falsePositives: readonly Finding[];
  readonly misses: readonly EvalCase['expected'][number][];
  readonly protectedFalsePositives: ReadonlyArray<{
    readonly finding: Finding;
    readonly text: string;
    readonly kind: ProtectedKind;
  }>;
}

export interface PluginScore {
  readonly cases: number;
  readonly flags: number;
  readonly expected: number;
  readonly truePositives: number;
  readonly found: number;
  readonly precision: number;
  readonly recall: number;
  readonly protectedFalsePositives: number;
  readonly passed: boolean;
  readonly results: readonly CaseResult[];
}

const infoIsFine: ReadonlySet<ProtectedKind> = new Set(['title', 'quotation', 'mention']);

function overlaps(a: { start: number; end: number }, b: { start: number; end: number }): boolean {
  return a.start < b.end && b.start < a.end;
}

/** Every occurrence of `needle` in `text` as a span. */
function spansOf(text: string, needle: string): Array<{ start: number; end: number }> {
  const spans: Array<{ start: number; end: number }> = [];
  for (let index = text.indexOf(needle); index !== -1; index = text.indexOf(needle, index + 1)) {
    spans.push({ start: index, end: index + needle.length });
  }
  return spans;
}

/** Lint a case's text and read the messages into findings. */
export function findingsOf(text: string, options: LintOptions = {}): Finding[] {
  const file = lint(text, { format: 'markdown', ...options });
  return file.messages.map((message) => {
    const fields = message as typeof message & { status?: string; context?: string };
    const place = message.place;
    const start = place && 'start' in place ? (place.start.offset ?? 0) : (place?.offset ?? 0);
    const end = place && 'end' in place ? (place.end.offset ?? start) : start;
    return {
      ruleId: message.ruleId ?? '',
      status: fields.status,
      context: fields.context,
      severity: message.fatal === true ? 'error' : message.fatal === false ? 'warning' : 'info',
      start,
      end,
      actual: text.slice(start, end),
    };
  });
}

function isFlag(finding: Finding): boolean {
  return (
    (finding.status === 'avoid' || finding.status === 'caution') && finding.context === undefined
  );
}

export function scoreCase(item: EvalCase, findings: readonly Finding[]): CaseResult {
  const flags = findings.filter(isFlag);
  const truePositives = flags.filter((flag) =>
    item.expected.some((expected) => overlaps(flag, expected) && flag.status === expected.stance),
  );
  const falsePositives = flags.filter((flag) => !truePositives.includes(flag));
  const misses = item.expected.filter(
    (expected) =>
      !flags.some((flag) => overlaps(flag, expected) && flag.status === expected.stance),
  );
  const protectedFalsePositives: Array<{ finding: Finding; text: string; kind: ProtectedKind }> =
    [];
  item.must_not_flag.forEach((protectedText, index) => {
    const kind = item.must_not_flag_kinds[index] ?? 'trap';
    for (const span of spansOf(item.text, protectedText)) {
      for (const finding of findings) {
        if (!overlaps(finding, span)) continue;
        if (finding.severity !== 'info' || (isFlag(finding) && !infoIsFine.has(kind))) {
          protectedFalsePositives.push({ finding, text: protectedText, kind });
        }
      }
    }
  });
  return {
    id: item.id,
    category: item.category,
    text: item.text,
    findings,
    truePositives,
    falsePositives,
    misses,
    protectedFalsePositives,
  };
}

/** Score the plugin on `cases`. */
export function scorePlugin(cases: readonly EvalCase[], options: LintOptions = {}): PluginScore {
  const results = cases.map((item) => scoreCase(item, findingsOf(item.text, options)));
  const truePositives = results.reduce((sum, result) => sum + result.truePositives.length, 0);
  const flags =
    truePositives + results.reduce((sum, result) => sum + result.falsePositives.length, 0);
  const expected = cases.reduce((sum, item) => sum + item.expected.length, 0);
  const found = expected - results.reduce((sum, result) => sum + result.misses.length, 0);
  const protectedFalsePositives = results.reduce(
    (sum, result) => sum + result.protectedFalsePositives.length,
    0,
  );
  // With nothing to find (or nothing flagged) the ratio is vacuously perfect.
  const precision = flags === 0 ? 1 : truePositives / flags;
  const recall = expected === 0 ? 1 : found / expected;
  const passed =
    precision >= targets.precision &&
    recall >= targets.recall &&
    protectedFalsePositives <= targets.protectedFalsePositives;
  return {
    cases: cases.length,
    flags,
    expected,
    truePositives,
    found,
    precision,
    recall,
    protectedFalsePositives,
    passed,
    results,
  };
}

function describe(finding: Finding): string {
  const how = [finding.status ?? finding.severity, finding.context].filter(Boolean).join(', ');
  return `${JSON.stringify(finding.actual)} ${finding.start}-${finding.end} ${finding.ruleId} (${how})`;
}

/** A human-readable report: the figures, then every case with a miss or a false positive. */
export function formatPluginScore(name: string, score: PluginScore): string {
  const percent = (value: number): string => `${(value * 100).toFixed(1)}%`;
  const mark = (ok: boolean): string => (ok ? 'ok' : 'BELOW TARGET');
  const lines = [
    `Plugin: ${name} (${score.cases} cases)`,
    `  precision  ${percent(score.precision)}  (${score.truePositives}/${score.flags} flags)  target ≥ ${percent(targets.precision)}  ${mark(score.precision >= targets.precision)}`,
    `  recall     ${percent(score.recall)}  (${score.found}/${score.expected} expected)  target ≥ ${percent(targets.recall)}  ${mark(score.recall >= targets.recall)}`,
    `  protected false positives  ${score.protectedFalsePositives}  target 0  ${mark(score.protectedFalsePositives === 0)}`,
  ];
  const failing = score.results.filter(
    (result) =>
      result.misses.length + result.falsePositives.length + result.protectedFalsePositives.length >
      0,
  );
  if (failing.length > 0) lines.push('', `  Cases with problems (${failing.length}):`);
  for (const result of failing) {
    lines.push(`  ${result.id} [${result.category}] ${JSON.stringify(result.text)}`);
    for (const miss of result.misses)
      lines.push(
        `    miss: ${JSON.stringify(miss.match)} ${miss.start}-${miss.end} (${miss.stance})`,
      );
    for (const finding of result.falsePositives)
      lines.push(`    false positive: ${describe(finding)}`);
    for (const { finding, text, kind } of result.protectedFalsePositives) {
      lines.push(
        `    protected false positive on ${JSON.stringify(text)} [${kind}]: ${describe(finding)}`,
      );
    }
  }
  return lines.join('\n');
}
