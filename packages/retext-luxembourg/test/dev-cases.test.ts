import { existsSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import retextLuxembourg from 'retext-luxembourg';
import type { LuxembourgMessage } from '../src/lib/types.js';
import { lintMarkdown } from './markdown-host.js';

/**
 * Scores the plugin on the shared development cases, following /work/shared/eval/README.md:
 * a flag (a message without `context`) is found when it overlaps the expected span with the
 * expected stance; a flag overlapping a `must_not_flag` string is a protected false positive.
 * The file lives outside the repository, so the test is skipped where it is absent.
 */
const casesPath = '/work/shared/eval/dev-cases.jsonl';

interface DevCase {
  id: string;
  text: string;
  expected: { match: string; stance: 'avoid' | 'caution'; start: number; end: number }[];
  must_not_flag: string[];
}

interface Span {
  start: number;
  end: number;
}

function overlaps(a: Span, b: Span): boolean {
  return a.start < b.end && b.start < a.end;
}

function spansOf(text: string, needle: string): Span[] {
  const spans: Span[] = [];
  for (let index = text.indexOf(needle); index !== -1; index = text.indexOf(needle, index + 1)) {
    spans.push({ start: index, end: index + needle.length });
  }
  return spans;
}

const cases: DevCase[] = existsSync(casesPath)
  ? readFileSync(casesPath, 'utf8')
      .split('\n')
      .filter((line) => line.trim() !== '')
      .map((line) => JSON.parse(line) as DevCase)
  : [];

describe.skipIf(cases.length === 0)('shared development cases', () => {
  it('reaches precision ≥ 0.95, recall ≥ 0.95 and no protected false positive', async () => {
    let flags = 0;
    let truePositives = 0;
    let expectedCount = 0;
    let foundCount = 0;
    const problems: string[] = [];
    for (const devCase of cases) {
      const file = await lintMarkdown(devCase.text, undefined, retextLuxembourg as never);
      const found = (file.messages as LuxembourgMessage[])
        .filter((message) => message.context === undefined)
        .map((message) => {
          const place = message.place && 'start' in message.place ? message.place : undefined;
          return {
            start: place?.start.offset ?? -1,
            end: place?.end.offset ?? -1,
            status: message.status,
            actual: message.actual,
          };
        });
      flags += found.length;
      for (const flag of found) {
        if (
          devCase.expected.some(
            (expected) => overlaps(flag, expected) && expected.stance === flag.status,
          )
        )
          truePositives++;
        else
          problems.push(`${devCase.id}: unexpected ${flag.status} ${JSON.stringify(flag.actual)}`);
        for (const protectedText of devCase.must_not_flag) {
          if (spansOf(devCase.text, protectedText).some((span) => overlaps(span, flag))) {
            problems.push(`${devCase.id}: protected ${JSON.stringify(protectedText)} flagged`);
          }
        }
      }
      for (const expected of devCase.expected) {
        expectedCount++;
        if (found.some((flag) => overlaps(flag, expected) && flag.status === expected.stance))
          foundCount++;
        else
          problems.push(
            `${devCase.id}: missed ${expected.stance} ${JSON.stringify(expected.match)}`,
          );
      }
    }
    const precision = flags === 0 ? 1 : truePositives / flags;
    const recall = expectedCount === 0 ? 1 : foundCount / expectedCount;
    const protectedFalsePositives = problems.filter((problem) =>
      problem.includes('protected'),
    ).length;
    console.info(
      `dev cases: ${cases.length}; precision ${truePositives}/${flags}; recall ${foundCount}/${expectedCount}; protected false positives ${protectedFalsePositives}`,
    );
    expect({
      precisionOk: precision >= 0.95,
      recallOk: recall >= 0.95,
      protectedFalsePositives,
      problems: problems.length > 0 ? problems : [],
    }).toEqual({
      precisionOk: true,
      recallOk: true,
      protectedFalsePositives: 0,
      problems: [],
    });
  });
});
