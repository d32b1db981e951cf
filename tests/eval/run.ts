/**
 * `pnpm eval`: the project's evaluation.
 *
 *   pnpm eval                                   score the plugin on tests/fixtures/eval-cases.jsonl
 *   pnpm eval --cases ../shared/eval/dev-cases.jsonl [--cases other.jsonl]
 *   pnpm eval --json                            one JSON document instead of the report
 *
 * Exits 1 when a section is below its targets, 2 on bad input (unreadable or malformed file).
 *
 * Each section is a `{ name, run(args) }`; to add one (search quality, say), write
 * tests/eval/<name>.ts exporting such a section and list it in `sections` below.
 */
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { readCases } from './cases.js';
import { formatPluginScore, scorePlugin, targets } from './plugin.js';
import { searchSection } from './search.js';

export interface EvalArguments {
  /** Case files given with `--cases` (absolute paths); empty = the project's own. */
  readonly cases: readonly string[];
  readonly json: boolean;
}

export interface SectionResult {
  /** Human-readable report. */
  readonly report: string;
  /** Machine-readable figures (for `--json`). */
  readonly data: unknown;
  readonly passed: boolean;
}

export interface EvalSection {
  readonly name: string;
  run(args: EvalArguments): SectionResult;
}

export const projectCases = fileURLToPath(new URL('../fixtures/eval-cases.jsonl', import.meta.url));

export const pluginSection: EvalSection = {
  name: 'plugin',
  run(args) {
    const files = args.cases.length > 0 ? args.cases : [projectCases];
    const reports: string[] = [];
    const data: Array<Record<string, unknown>> = [];
    let passed = true;
    for (const path of files) {
      const score = scorePlugin(readCases(path));
      passed &&= score.passed;
      reports.push(formatPluginScore(path, score));
      data.push({
        file: path,
        cases: score.cases,
        precision: score.precision,
        recall: score.recall,
        protectedFalsePositives: score.protectedFalsePositives,
        flags: score.flags,
        truePositives: score.truePositives,
        expected: score.expected,
        found: score.found,
        passed: score.passed,
        targets,
        problems: score.results
          .filter(
            (result) =>
              result.misses.length +
                result.falsePositives.length +
                result.protectedFalsePositives.length >
              0,
          )
          .map((result) => ({
            id: result.id,
            text: result.text,
            misses: result.misses,
            falsePositives: result.falsePositives,
            protectedFalsePositives: result.protectedFalsePositives,
          })),
      });
    }
    return { report: reports.join('\n\n'), data, passed };
  },
};

export const sections: EvalSection[] = [pluginSection, searchSection];

export function parseArguments(argv: readonly string[], cwd: string): EvalArguments {
  const cases: string[] = [];
  let json = false;
  for (let index = 0; index < argv.length; index++) {
    const argument = argv[index] as string;
    if (argument === '--json') json = true;
    else if (argument === '--cases' || argument.startsWith('--cases=')) {
      const value = argument === '--cases' ? argv[++index] : argument.slice('--cases='.length);
      if (!value) throw new Error('--cases needs a file path');
      cases.push(resolve(cwd, value));
    } else if (argument === '--') {
      continue;
    } else {
      throw new Error(`unknown argument ${argument} (expected --cases <file> or --json)`);
    }
  }
  return { cases, json };
}

/** Run every section; returns the exit code. */
export function main(argv: readonly string[], cwd: string, write: (text: string) => void): number {
  let args: EvalArguments;
  try {
    args = parseArguments(argv, cwd);
  } catch (error) {
    write(`eval: ${(error as Error).message}`);
    return 2;
  }
  const results: Record<string, SectionResult> = {};
  for (const section of sections) {
    try {
      results[section.name] = section.run(args);
    } catch (error) {
      write(`eval: ${section.name}: ${(error as Error).message}`);
      return 2;
    }
  }
  const passed = Object.values(results).every((result) => result.passed);
  if (args.json) {
    write(
      JSON.stringify(
        {
          passed,
          sections: Object.fromEntries(
            Object.entries(results).map(([name, result]) => [name, result.data]),
          ),
        },
        null,
        2,
      ),
    );
  } else {
    write(
      Object.values(results)
        .map((result) => result.report)
        .join('\n\n'),
    );
    write(passed ? '\nAll targets met.' : '\nBelow target: see above.');
  }
  return passed ? 0 : 1;
}

if (process.argv[1] && fileURLToPath(import.meta.url) === resolve(process.argv[1])) {
  // `pnpm eval` runs from the workspace root; INIT_CWD is where the user typed the command.
  process.exitCode = main(process.argv.slice(2), process.env['INIT_CWD'] ?? process.cwd(), (text) =>
    console.log(text),
  );
}
