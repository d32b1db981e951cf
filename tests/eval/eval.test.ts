import { existsSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { readCases } from './cases.js';
import { formatPluginScore, scorePlugin, targets } from './plugin.js';
import { projectCases } from './run.js';

// The shared development cases live beside the repository (read-only); score them when present.
const devCases =
  process.env['LUXLINT_DEV_CASES'] ??
  new URL('../../../shared/eval/dev-cases.jsonl', import.meta.url).pathname;

describe('pnpm eval targets', () => {
  for (const path of [projectCases, devCases]) {
    it.skipIf(!existsSync(path))(
      `meets precision, recall and protected-FP targets on ${path}`,
      () => {
        const score = scorePlugin(readCases(path));
        // The report names every failing case, so a red test says what to fix.
        const report = formatPluginScore(path, score);
        expect.soft(score.protectedFalsePositives, report).toBe(targets.protectedFalsePositives);
        expect.soft(score.precision, report).toBeGreaterThanOrEqual(targets.precision);
        expect.soft(score.recall, report).toBeGreaterThanOrEqual(targets.recall);
      },
    );
  }
});
