import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { parseJson, run, temporaryDirectory } from './helpers.js';

let dir: string;
let cleanup: () => Promise<void>;
const finding = 'Officers seized child pornography and spoke of child sex tourism.\n';

beforeEach(async () => {
  ({ dir, cleanup } = await temporaryDirectory());
  await mkdir(path.join(dir, 'desk/sub'), { recursive: true });
  await writeFile(path.join(dir, 'top.md'), finding);
  await writeFile(path.join(dir, 'desk/mid.md'), finding);
  await writeFile(path.join(dir, 'desk/sub/deep.md'), finding);
});
afterEach(async () => cleanup());

async function ruleIdsByFile(args: string[]): Promise<Record<string, unknown[]>> {
  const result = await run(['--format', 'json', ...args], { cwd: dir });
  expect(result.stderr).toBe('');
  return Object.fromEntries(
    parseJson(result.stdout).files.map((file) => [
      file.path,
      file.messages.map((message) => message['ruleId']),
    ]),
  );
}

describe('config files', () => {
  it('the nearest config wins (.luxlintrc.json, .luxlintrc.yaml, package.json "luxlint")', async () => {
    await writeFile(
      path.join(dir, 'package.json'),
      JSON.stringify({ name: 'x', luxlint: { rules: { 'child-sex-tourism': 'off' } } }),
    );
    await writeFile(
      path.join(dir, 'desk/.luxlintrc.yaml'),
      '# desk settings\nrules:\n  child-pornography: off\n',
    );
    await writeFile(
      path.join(dir, 'desk/sub/.luxlintrc.json'),
      '{"allow": ["child sex tourism"], "rules": {"child-pornography": "caution"}}',
    );
    expect(await ruleIdsByFile(['.'])).toEqual({
      'desk/mid.md': ['child-sex-tourism'],
      'desk/sub/deep.md': ['child-pornography'],
      'top.md': ['child-pornography'],
    });
  });

  it('a package.json without a "luxlint" key is passed over', async () => {
    await writeFile(path.join(dir, '.luxlintrc.yml'), 'rules:\n  child-pornography: off\n');
    await writeFile(path.join(dir, 'desk/package.json'), '{"name": "desk"}');
    expect((await ruleIdsByFile(['desk/mid.md']))['desk/mid.md']).toEqual(['child-sex-tourism']);
  });

  it('--config replaces the search; flags override the file', async () => {
    await writeFile(
      path.join(dir, 'desk/.luxlintrc.json'),
      '{"rules": {"child-pornography": "off"}}',
    );
    await writeFile(path.join(dir, 'strict.yaml'), 'rules:\n  child-sex-tourism: off\n');
    expect(
      (await ruleIdsByFile(['--config', 'strict.yaml', 'desk/mid.md']))['desk/mid.md'],
    ).toEqual(['child-pornography']);
    expect(
      (
        await ruleIdsByFile([
          '--config',
          'strict.yaml',
          '--rule',
          'child-sex-tourism=avoid',
          'desk/mid.md',
        ])
      )['desk/mid.md'],
    ).toEqual(['child-pornography', 'child-sex-tourism']);
  });
});

describe('malformed config: names the file, the key and the valid values; exit 2; files under other configs still linted', () => {
  const cases: [string, string, string][] = [
    [
      '.luxlintrc.json',
      '{"rule": {}}',
      'desk/.luxlintrc.json: unknown key "rule" (did you mean "rules"?); valid keys: preset, rules, allow, reportSkipped, baseUrl, lang',
    ],
    [
      '.luxlintrc.json',
      '{"preset": "guideline"}',
      'desk/.luxlintrc.json: "preset" must be one of guidelines, all, not "guideline" (did you mean "guidelines"?)',
    ],
    [
      '.luxlintrc.yaml',
      'rules:\n  child-porngraphy: off\n',
      'desk/.luxlintrc.yaml: "rules": unknown rule id "child-porngraphy" (did you mean "child-pornography"?); `luxlint list` shows every id',
    ],
    [
      '.luxlintrc.yaml',
      'rules:\n  child-pornography: warning\n',
      'desk/.luxlintrc.yaml: "rules.child-pornography" must be one of off, caution, avoid, not "warning"',
    ],
    [
      '.luxlintrc.json',
      '{"allow": "child sex tourism"}',
      'desk/.luxlintrc.json: "allow" must be a list of phrases (non-empty strings), not "child sex tourism"',
    ],
    [
      '.luxlintrc.json',
      '{"reportSkipped": "yes"}',
      'desk/.luxlintrc.json: "reportSkipped" must be true or false, not "yes"',
    ],
    [
      '.luxlintrc.json',
      '{"lang": "eng"}',
      'desk/.luxlintrc.json: "lang" must be one of en, not "eng" (did you mean "en"?)',
    ],
    [
      '.luxlintrc.json',
      '{"preset": "all",}',
      'desk/.luxlintrc.json: invalid JSON (line 1, column 18): Expected double-quoted property name',
    ],
    ['.luxlintrc.yaml', 'rules: [unclosed\n', 'desk/.luxlintrc.yaml: invalid YAML: '],
  ];
  for (const [name, content, expected] of cases) {
    it(`${name}: ${content.trim()}`, async () => {
      await writeFile(path.join(dir, 'desk', name), content);
      const result = await run(['--format', 'json', '.'], { cwd: dir });
      expect(result.code).toBe(2);
      // One line for the config, not one per file under it.
      expect(result.stderr.split('\n').filter(Boolean)).toHaveLength(1);
      expect(result.stderr.startsWith(expected)).toBe(true);
      expect(parseJson(result.stdout).files.map((file) => file.path)).toEqual(['top.md']);
    });
  }

  it('a bad --config file', async () => {
    await writeFile(path.join(dir, 'bad.json'), '{"presets": "all"}');
    expect(await run(['--config', 'bad.json', 'top.md'], { cwd: dir })).toEqual({
      code: 2,
      stdout: '',
      stderr:
        'bad.json: unknown key "presets" (did you mean "preset"?); valid keys: preset, rules, allow, reportSkipped, baseUrl, lang\n',
    });
  });
});
