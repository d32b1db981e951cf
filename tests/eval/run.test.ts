import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it, onTestFinished } from 'vitest';
import { main, parseArguments } from './run.js';

function run(argv: string[], cwd = process.cwd()): { code: number; output: string } {
  const lines: string[] = [];
  const code = main(argv, cwd, (text) => lines.push(text));
  return { code, output: lines.join('\n') };
}

/** A fresh folder, removed when the calling test finishes. */
function scratchDirectory(): string {
  const directory = mkdtempSync(join(tmpdir(), 'luxlint-eval-'));
  onTestFinished(() => rmSync(directory, { recursive: true, force: true }));
  return directory;
}

describe('pnpm eval runner', () => {
  it('resolves --cases against the directory the command was typed in', () => {
    expect(parseArguments(['--cases', 'x.jsonl', '--cases=../y.jsonl', '--json'], '/a/b')).toEqual({
      cases: ['/a/b/x.jsonl', '/a/y.jsonl'],
      json: true,
    });
  });

  it('scores any case file and exits 1 below the targets, listing the miss', () => {
    const directory = scratchDirectory();
    const file = join(directory, 'cases.jsonl');
    const text = 'Nothing discouraged is written here.';
    writeFileSync(
      file,
      JSON.stringify({
        id: 'x1',
        text,
        expected: [{ match: 'Nothing', stance: 'avoid', start: 0, end: 7 }],
        must_not_flag: [],
        must_not_flag_kinds: [],
        category: 'flag',
      }) + '\n',
    );
    const { code, output } = run(['--cases', 'cases.jsonl'], directory);
    expect(code).toBe(1);
    expect(output).toContain('recall     0.0%');
    expect(output).toContain('miss: "Nothing" 0-7 (avoid)');
  });

  it('prints one JSON document with --json', () => {
    const directory = scratchDirectory();
    const file = join(directory, 'cases.jsonl');
    writeFileSync(
      file,
      JSON.stringify({
        id: 'x1',
        text: 'He kept child porn.',
        expected: [{ match: 'child porn', stance: 'avoid', start: 8, end: 18 }],
        must_not_flag: [],
        must_not_flag_kinds: [],
        category: 'flag',
      }) + '\n',
    );
    // Other sections (search quality) pass or fail on their own: look at the plugin's.
    const { output } = run(['--json', '--cases', file]);
    const report = JSON.parse(output) as {
      passed: boolean;
      sections: { plugin: Array<Record<string, unknown>> };
    };
    expect(typeof report.passed).toBe('boolean');
    expect(report.sections.plugin[0]).toMatchObject({
      precision: 1,
      recall: 1,
      protectedFalsePositives: 0,
      passed: true,
    });
  });

  it('exits 2 naming the problem on bad input', () => {
    expect(run(['--bogus'])).toMatchObject({
      code: 2,
      output: expect.stringContaining('unknown argument --bogus'),
    });
    expect(run(['--cases', '/nonexistent/cases.jsonl'])).toMatchObject({
      code: 2,
      output: expect.stringContaining('/nonexistent/cases.jsonl'),
    });
    const directory = scratchDirectory();
    writeFileSync(join(directory, 'bad.jsonl'), '{"id": "a"}\n');
    expect(run(['--cases', join(directory, 'bad.jsonl')])).toMatchObject({
      code: 2,
      output: expect.stringContaining('bad.jsonl:1:'),
    });
  });
});
