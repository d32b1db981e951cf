import { execFile } from 'node:child_process';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import ajvDraft04 from 'ajv-draft-04';
import { toSarif, type FileResult } from 'luxlint';
import { describe, expect, it } from 'vitest';

const here = path.dirname(fileURLToPath(import.meta.url));
const repoRoot = path.resolve(here, '../../..');

async function validator() {
  const schema = JSON.parse(
    await readFile(path.join(here, 'fixtures/sarif-2.1.0-rtm.5.json'), 'utf8'),
  ) as object;
  // A CommonJS module: under NodeNext its class is the `default` of the default import.
  const ajv = new ajvDraft04.default({ allErrors: true, strict: false, unicodeRegExp: false });
  ajv.addFormat('uri', (value: string) => URL.canParse(value));
  ajv.addFormat('uri-reference', (value: string) => URL.canParse(value, 'file:///base/'));
  ajv.addFormat('date-time', (value: string) => !Number.isNaN(Date.parse(value)));
  return ajv.compile(schema);
}

const result: FileResult = {
  path: 'news/a b.md',
  bytes: 40,
  messages: [
    {
      ruleId: 'child-pornography',
      status: 'avoid',
      severity: 'warning',
      message: 'Consider `child sexual abuse material` instead of `child pornography`',
      actual: 'child pornography',
      expected: ['child sexual abuse material'],
      line: 1,
      column: 7,
      endLine: 1,
      endColumn: 24,
      offset: 6,
      endOffset: 23,
      url: 'https://luxlint.dev/terms/child-pornography/',
      note: 'why',
      fix: { offset: 6, endOffset: 23, text: 'child sexual abuse material' },
    },
    {
      ruleId: 'child-pornography',
      status: 'avoid',
      severity: 'info',
      message: 'Skipped in a legal title',
      actual: 'Child Pornography',
      expected: ['child sexual abuse material'],
      line: 2,
      column: 1,
      endLine: 2,
      endColumn: 18,
      offset: 30,
      endOffset: 47,
      url: 'https://luxlint.dev/terms/child-pornography/',
      note: '',
      context: 'legal-title',
      fix: null,
    },
  ],
};

describe('SARIF', () => {
  it('is valid against the SARIF 2.1.0 schema, with a fix, an info result and a read error', async () => {
    const validate = await validator();
    const log = toSarif(
      [result],
      [{ path: 'bad.md', messages: [], bytes: 0, error: 'binary file' }],
      { color: false, verbose: false, cwd: '/work/site', version: '0.1.0' },
    );
    expect(validate(log), JSON.stringify(validate.errors, null, 2)).toBe(true);
    const run = (log['runs'] as Record<string, unknown>[])[0] as {
      results: Record<string, unknown>[];
      tool: { driver: { rules: unknown[] } };
      invocations: { executionSuccessful: boolean }[];
    };
    expect(run.tool.driver.rules).toHaveLength(1);
    expect(run.results.map((entry) => entry['level'])).toEqual(['warning', 'note']);
    expect(run.invocations[0]?.executionSuccessful).toBe(false);
    expect(JSON.stringify(run.results[0])).toContain('"uri":"news/a%20b.md"');
  });

  it('the CLI output on the example draft is valid', async () => {
    const validate = await validator();
    const { stdout } = await promisify(execFile)(
      process.execPath,
      [
        path.join(repoRoot, 'packages/cli/dist/bundle/bin.js'),
        '--format',
        'sarif',
        '--report-skipped',
        'examples/draft.md',
      ],
      { cwd: repoRoot },
    ).catch((error: { stdout: string }) => error);
    const log = JSON.parse(stdout) as Record<string, unknown>;
    expect(validate(log), JSON.stringify(validate.errors, null, 2)).toBe(true);
  });

  it('the schema check can fail', async () => {
    const validate = await validator();
    expect(validate({ version: '2.1.0', runs: [{ tool: { driver: {} }, results: [] }] })).toBe(
      false,
    );
  });
});
