import { mkdirSync, mkdtempSync, realpathSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import {
  configFileNames,
  defaultSettings,
  formatFor,
  loadConfig,
  mergeOptions,
} from '@luxlint/language-server';
import { describe, expect, it, onTestFinished } from 'vitest';

/** A fresh folder holding `files`, removed when the calling test finishes. */
function workspace(files: Record<string, string>): string {
  const root = realpathSync(mkdtempSync(path.join(tmpdir(), 'luxlint-config-')));
  onTestFinished(() => rmSync(root, { recursive: true, force: true }));
  for (const [name, content] of Object.entries(files)) {
    mkdirSync(path.dirname(path.join(root, name)), { recursive: true });
    writeFileSync(path.join(root, name), content);
  }
  return root;
}

describe('loadConfig', () => {
  it('finds the nearest config file walking up, in the documented order', async () => {
    expect(configFileNames).toEqual([
      '.luxlintrc.json',
      '.luxlintrc.yaml',
      '.luxlintrc.yml',
      'package.json',
    ]);
    const root = workspace({
      '.luxlintrc.yaml': 'preset: guidelines\nallow:\n  - Child Pornography Prevention Act\n',
      'a/b/.keep': '',
      'c/package.json': JSON.stringify({ name: 'c', luxlint: { reportSkipped: true } }),
      'd/package.json': JSON.stringify({ name: 'd' }),
      'e/.luxlintrc.json': JSON.stringify({ rules: { 'child-pornography': 'off' } }),
      'e/.luxlintrc.yml': 'preset: all\n',
    });
    expect(await loadConfig(path.join(root, 'a/b'))).toEqual({
      file: path.join(root, '.luxlintrc.yaml'),
      settings: { preset: 'guidelines', allow: ['Child Pornography Prevention Act'] },
      problems: [],
    });
    expect((await loadConfig(path.join(root, 'c'))).settings).toEqual({ reportSkipped: true });
    // A package.json without a luxlint key is not a config; the search goes on upwards.
    expect((await loadConfig(path.join(root, 'd'))).file).toBe(path.join(root, '.luxlintrc.yaml'));
    expect(await loadConfig(path.join(root, 'e'))).toMatchObject({
      file: path.join(root, 'e/.luxlintrc.json'),
    });
  });

  it('names the file (absolute), the key and the valid choices, and keeps the valid keys', async () => {
    const root = workspace({
      '.luxlintrc.json': JSON.stringify({
        $schema: './schema.json',
        preset: 'strict',
        rules: { 'child-pornography': 'never', pimp: 'off', 'no-such-entry': 'off' },
        colour: 'red',
        allow: 'x',
        lang: 'EN',
      }),
    });
    const file = path.join(root, '.luxlintrc.json');
    const { settings, problems } = await loadConfig(root);
    expect(settings).toEqual({ rules: { pimp: 'off' } });
    expect(problems).toEqual([
      `${file}: "preset" must be one of guidelines, all, not "strict"`,
      `${file}: "rules.child-pornography" must be one of off, caution, avoid, not "never"`,
      `${file}: "rules": unknown rule id "no-such-entry"; \`luxlint list\` shows every id`,
      `${file}: unknown key "colour"; valid keys: preset, rules, allow, reportSkipped, baseUrl, lang`,
      `${file}: "allow" must be a list of phrases (non-empty strings), not "x"`,
      `${file}: "lang" must be one of en, not "EN" (did you mean "en"?)`,
    ]);
  });

  it('reports a file that does not parse and lints with no config', async () => {
    const root = workspace({ '.luxlintrc.yaml': 'rules: [unclosed\n' });
    const { settings, problems } = await loadConfig(root);
    expect(settings).toEqual({});
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatch(
      new RegExp(
        `^${path.join(root, '.luxlintrc.yaml').replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}: invalid YAML: `,
      ),
    );
    const json = workspace({ '.luxlintrc.json': '{"preset": ' });
    const jsonProblems = (await loadConfig(json)).problems;
    expect(jsonProblems).toHaveLength(1);
    // The reason after the colon is V8's own wording, which varies between Node versions.
    expect(jsonProblems[0]).toMatch(/^.*\/\.luxlintrc\.json: invalid JSON: /);
    expect(jsonProblems[0]?.startsWith(path.join(json, '.luxlintrc.json'))).toBe(true);
  });

  it('treats an empty YAML file as an empty config', async () => {
    expect(await loadConfig(workspace({ '.luxlintrc.yml': '' }))).toMatchObject({
      settings: {},
      problems: [],
    });
  });
});

describe('mergeOptions', () => {
  it('layers editor settings over the config file: scalars win, rules merge, allow lists add up', () => {
    const merged = mergeOptions(
      {
        preset: 'guidelines',
        rules: { a: 'off', b: 'avoid' },
        allow: ['one'],
        reportSkipped: true,
        baseUrl: 'https://example.org/t/',
        lang: 'en',
      },
      {
        ...defaultSettings,
        preset: 'all',
        rules: { b: 'caution', c: 'off' },
        allow: ['two'],
        reportSkipped: undefined,
      },
    );
    expect(merged).toEqual({
      preset: 'all',
      rules: { a: 'off', b: 'caution', c: 'off' },
      allow: ['one', 'two'],
      reportSkipped: true,
      baseUrl: 'https://example.org/t/',
      lang: 'en',
    });
    expect(mergeOptions({}, defaultSettings)).toEqual({});
  });
});

describe('formatFor', () => {
  it('maps the language ids editors send, then falls back to the extension', () => {
    expect(formatFor('markdown', 'file:///a.txt')).toBe('markdown');
    expect(formatFor('plaintext', 'untitled:Untitled-1')).toBe('text');
    expect(formatFor('text', 'file:///notes')).toBe('text');
    expect(formatFor('mdx', 'file:///a')).toBe('mdx');
    expect(formatFor('markdown.mdx', 'file:///a')).toBe('mdx');
    expect(formatFor('gfm', 'file:///a')).toBe('markdown');
    expect(formatFor('html', 'file:///a')).toBe('html');
    expect(formatFor('whatever', 'file:///dir/page.htm')).toBe('html');
    expect(formatFor('whatever', 'file:///dir/My%20Notes.md')).toBe('markdown');
    expect(formatFor('typescript', 'file:///dir/index.ts')).toBeUndefined();
    expect(formatFor('unknown', 'not a uri')).toBeUndefined();
  });
});
