import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseJson, repoRoot, run } from './helpers.js';

const draft = 'examples/draft.md';
const messageKeys = [
  'ruleId',
  'status',
  'severity',
  'message',
  'actual',
  'expected',
  'line',
  'column',
  'endLine',
  'endColumn',
  'offset',
  'endOffset',
  'url',
  'note',
  'fix',
];

describe('luxlint <file>', () => {
  it('prints stylish findings with suggestions and exits 1 on the example draft', async () => {
    const { code, stdout, stderr } = await run([draft]);
    expect(stderr).toBe('');
    expect(code).toBe(1);
    expect(stdout.split('\n')[0]).toBe('examples/draft.md');
    expect(stdout).toMatch(
      /^13:15-13:32 +warning +Consider `child sexual abuse material` or `child sexual exploitation material` instead of `child pornography`/m,
    );
    expect(stdout).toMatch(/child-sex-tourism +retext-luxembourg/);
    expect(stdout).toMatch(/⚠ \d+ warnings/);
    // No ANSI colour when stdout is not a terminal.
    expect(stdout).not.toContain('\u001B[');
  });

  it('follows the JSON contract: version 1, exact message fields, offsets into the file', async () => {
    const { code, stdout } = await run(['--format', 'json', draft]);
    expect(code).toBe(1);
    const report = parseJson(stdout);
    expect(report.version).toBe(1);
    expect(report.files.map((file) => file.path)).toEqual([draft]);
    const text = await readFile(path.join(repoRoot, draft), 'utf8');
    const messages = report.files[0]?.messages ?? [];
    expect(messages.length).toBeGreaterThanOrEqual(5);
    for (const message of messages) {
      expect(Object.keys(message)).toEqual(messageKeys);
      expect(text.slice(message['offset'] as number, message['endOffset'] as number)).toBe(
        message['actual'],
      );
      expect(message['url']).toBe(`https://luxlint.dev/terms/${String(message['ruleId'])}/`);
    }
    const pornography = messages.find((message) => message['ruleId'] === 'child-pornography');
    expect(pornography).toMatchObject({
      status: 'avoid',
      severity: 'warning',
      line: 13,
      column: 15,
      endLine: 13,
      endColumn: 32,
      fix: { text: 'child sexual abuse material' },
    });
  });

  it('does not flag the legal title, the quotation or the mention, and shows them with --report-skipped', async () => {
    const plain =
      parseJson((await run(['--format', 'json', draft])).stdout).files[0]?.messages ?? [];
    expect(
      plain.filter(
        (message) =>
          message['line'] === 41 ||
          message['line'] === 42 ||
          message['line'] === 36 ||
          message['line'] === 47,
      ),
    ).toEqual([]);
    const skipped =
      parseJson((await run(['--format', 'json', '--report-skipped', draft])).stdout).files[0]
        ?.messages ?? [];
    const contexts = skipped
      .filter((message) => 'context' in message)
      .map((message) => [
        message['ruleId'],
        message['context'],
        message['severity'],
        message['fix'],
      ]);
    expect(contexts).toEqual(
      expect.arrayContaining([
        ['child-pornographer', 'quotation', 'info', null],
        ['child-pornography', 'legal-title', 'info', null],
        ['child-pornography', 'mention', 'info', null],
      ]),
    );
  });

  it('--quiet keeps avoid findings only; --max-warnings sets the failing count', async () => {
    const quiet =
      parseJson((await run(['--format', 'json', '--quiet', draft])).stdout).files[0]?.messages ??
      [];
    expect(quiet.length).toBeGreaterThan(0);
    expect(quiet.every((message) => message['severity'] === 'warning')).toBe(true);
    const many = await run(['--max-warnings', '100', draft]);
    expect(many.code).toBe(0);
    const few = await run(['--max-warnings', '1', draft]);
    expect(few.code).toBe(1);
    expect(few.stderr).toMatch(/more than --max-warnings 1/);
  });

  it('--rule turns an entry off or changes its level; unknown ids exit 2 with a suggestion', async () => {
    const off =
      parseJson((await run(['--format', 'json', '--rule', 'child-pornography=off', draft])).stdout)
        .files[0]?.messages ?? [];
    expect(off.some((message) => message['ruleId'] === 'child-pornography')).toBe(false);
    const caution =
      parseJson(
        (await run(['--format', 'json', '--rule', 'child-pornography=caution', draft])).stdout,
      ).files[0]?.messages ?? [];
    expect(caution.find((message) => message['ruleId'] === 'child-pornography')).toMatchObject({
      status: 'caution',
      severity: 'info',
    });
    expect(await run(['--rule', 'child-pornografy=off', draft])).toEqual({
      code: 2,
      stdout: '',
      stderr:
        '--rule: unknown rule id "child-pornografy" (did you mean "child-pornography"?); `luxlint list` shows every id\n',
    });
    const badLevel = await run(['--rule', 'child-pornography=warn', draft]);
    expect(badLevel.code).toBe(2);
    expect(badLevel.stderr).toBe(
      '--rule child-pornography must be one of off, caution, avoid, not "warn"\n',
    );
  });

  it('exits 0 on a clean file', async () => {
    expect(await run(['-'], { input: 'Child sexual abuse material was seized.\n' })).toEqual({
      code: 0,
      stdout: '<stdin>: no issues found\n',
      stderr: '',
    });
  });

  it('reads standard input with - and picks the format from --stdin-filename', async () => {
    const html = await run(['--stdin', '--stdin-filename', 'page.html', '--format', 'json'], {
      input: '<p>They found <b>child pornography</b>.</p><!-- child pornography in a comment -->\n',
    });
    expect(html.code).toBe(1);
    const messages = parseJson(html.stdout).files[0]?.messages ?? [];
    expect(parseJson(html.stdout).files[0]?.path).toBe('page.html');
    expect(messages.map((message) => [message['actual'], message['offset']])).toEqual([
      ['child pornography', 17],
    ]);
  });

  it('prints GitHub workflow annotations', async () => {
    const { code, stdout } = await run(['--format', 'github', draft]);
    expect(code).toBe(1);
    const lines = stdout.trim().split('\n');
    expect(lines[0]).toMatch(
      /^::warning file=examples\/draft\.md,line=13,col=15,endLine=13,endColumn=32,title=luxlint \(child-pornography\)::Consider `child sexual abuse material`/,
    );
    expect(
      lines.every((line) =>
        /^::(warning|notice) file=[^,]+,line=\d+,col=\d+,endLine=\d+,endColumn=\d+,title=[^:]+::\S/.test(
          line,
        ),
      ),
    ).toBe(true);
  });

  it('writes SARIF 2.1.0 with rules and results', async () => {
    const { code, stdout } = await run(['--format', 'sarif', draft]);
    expect(code).toBe(1);
    const log = JSON.parse(stdout) as {
      version: string;
      runs: {
        tool: { driver: { rules: { id: string; helpUri: string }[] } };
        results: {
          ruleId: string;
          level: string;
          locations: {
            physicalLocation: { artifactLocation: { uri: string }; region: Record<string, number> };
          }[];
        }[];
      }[];
    };
    expect(log.version).toBe('2.1.0');
    const run0 = log.runs[0];
    expect(run0?.tool.driver.rules.find((rule) => rule.id === 'child-pornography')?.helpUri).toBe(
      'https://luxlint.dev/terms/child-pornography/',
    );
    expect(run0?.results[0]).toMatchObject({
      ruleId: 'child-pornography',
      level: 'warning',
      locations: [
        {
          physicalLocation: {
            artifactLocation: { uri: 'examples/draft.md' },
            region: {
              startLine: 13,
              startColumn: 15,
              endLine: 13,
              endColumn: 32,
              charOffset: 380,
              charLength: 17,
            },
          },
        },
      ],
    });
  });

  it('--preset guidelines reports a subset of --preset all', async () => {
    const all =
      parseJson((await run(['--format', 'json', '--preset', 'all', draft])).stdout).files[0]
        ?.messages ?? [];
    const guidelines =
      parseJson((await run(['--format', 'json', '--preset', 'guidelines', draft])).stdout).files[0]
        ?.messages ?? [];
    // A longer non-Guidelines entry can hide a shorter one under `all`, so compare rule ids.
    const ids = (messages: Record<string, unknown>[]) => [
      ...new Set(messages.map((message) => String(message['ruleId']))),
    ];
    expect(ids(guidelines).length).toBeGreaterThan(0);
    expect(ids(guidelines).length).toBeLessThan(ids(all).length);
    expect(ids(all)).toEqual(expect.arrayContaining(ids(guidelines)));
  });
});
