import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ConfigFinder } from '@luxlint/config';
import { known, workspace } from './helpers.js';

describe('ConfigFinder', () => {
  it('finds the nearest config walking up, trying the names in order', async () => {
    const root = workspace({
      '.luxlintrc.yaml': 'preset: guidelines\n',
      'a/b/notes.md': '',
      'c/package.json': JSON.stringify({ name: 'c', luxlint: { reportSkipped: true } }),
      'd/package.json': JSON.stringify({ name: 'd' }),
      'e/.luxlintrc.json': JSON.stringify({ rules: { 'child-pornography': 'off' } }),
      'e/.luxlintrc.yml': 'preset: all\n',
      'e/package.json': JSON.stringify({ name: 'e', luxlint: { preset: 'all' } }),
      'f/.luxlintrc.yml': 'preset: all\n',
      'f/package.json': JSON.stringify({ name: 'f', luxlint: { reportSkipped: true } }),
    });
    const finder = new ConfigFinder({ known });
    expect(await finder.find(path.join(root, 'a/b'))).toEqual({
      file: path.join(root, '.luxlintrc.yaml'),
      settings: { preset: 'guidelines' },
      problems: [],
    });
    expect((await finder.find(path.join(root, 'c'))).file).toBe(path.join(root, 'c/package.json'));
    // A package.json without a "luxlint" key is not a config: the search goes on upwards.
    expect((await finder.find(path.join(root, 'd'))).file).toBe(path.join(root, '.luxlintrc.yaml'));
    expect((await finder.find(path.join(root, 'e'))).file).toBe(
      path.join(root, 'e/.luxlintrc.json'),
    );
    expect((await finder.find(path.join(root, 'f'))).file).toBe(
      path.join(root, 'f/.luxlintrc.yml'),
    );
  });

  it('gives no file and no settings when there is no config up to the root', async () => {
    // The temporary folder's parents hold no config on a normal machine; a file above would
    // show up as `file` here.
    const root = workspace({ 'a/notes.md': '' });
    expect(await new ConfigFinder({ known }).find(path.join(root, 'a'))).toEqual({
      file: undefined,
      settings: {},
      problems: [],
    });
  });

  it('skips a folder named like a config file', async () => {
    const root = workspace({ '.luxlintrc.yaml': 'preset: all\n' });
    mkdirSync(path.join(root, 'a/.luxlintrc.json'), { recursive: true });
    expect((await new ConfigFinder({ known }).find(path.join(root, 'a'))).file).toBe(
      path.join(root, '.luxlintrc.yaml'),
    );
  });

  it('stops at a malformed config and reports it, instead of using one further up', async () => {
    const root = workspace({
      '.luxlintrc.yaml': 'preset: all\n',
      'desk/.luxlintrc.json': '{"rule": {}, "preset": "guidelines"}',
    });
    const finder = new ConfigFinder({ known, displayPath: (file) => path.relative(root, file) });
    expect(await finder.find(path.join(root, 'desk'))).toEqual({
      file: path.join(root, 'desk/.luxlintrc.json'),
      settings: { preset: 'guidelines' },
      problems: [
        'desk/.luxlintrc.json: unknown key "rule" (did you mean "rules"?); valid keys: preset, rules, allow, reportSkipped, baseUrl, lang',
      ],
    });
  });

  it('searches each folder once until cleared, and resolves relative folders', async () => {
    const root = workspace({ 'a/b/notes.md': '' });
    const finder = new ConfigFinder({ known });
    const first = finder.find(path.join(root, 'a/b'));
    expect(finder.find(path.join(root, 'a', 'x', '..', 'b'))).toBe(first);
    expect((await first).file).toBeUndefined();

    writeFileSync(path.join(root, 'a/.luxlintrc.json'), '{"preset": "guidelines"}');
    // Cached, the parent folder too.
    expect((await finder.find(path.join(root, 'a/b'))).file).toBeUndefined();
    expect((await finder.find(path.join(root, 'a'))).file).toBeUndefined();

    finder.clear();
    expect(await finder.find(path.join(root, 'a/b'))).toMatchObject({
      file: path.join(root, 'a/.luxlintrc.json'),
      settings: { preset: 'guidelines' },
    });

    rmSync(path.join(root, 'a/.luxlintrc.json'));
    finder.clear();
    const relative = path.relative(process.cwd(), path.join(root, 'a/b'));
    expect((await finder.find(relative)).file).toBeUndefined();
  });
});
