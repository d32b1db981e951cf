import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { loadConfigFile } from '@luxlint/config';
import { known, workspace } from './helpers.js';

const fixtures = fileURLToPath(new URL('fixtures/read/', import.meta.url));
const fixture = (name: string) => path.join(fixtures, name);
/** Name files as the CLI does: relative to a folder. */
const relativeTo = (folder: string) => (file: string) => path.relative(folder, file);

describe('loadConfigFile', () => {
  it('reads YAML (.yml, .yaml) with comments', async () => {
    expect(await loadConfigFile(fixture('desk.yml'), { known })).toEqual({
      file: fixture('desk.yml'),
      settings: {
        rules: { 'child-pornography': 'off' },
        allow: ['Child Pornography Prevention Act'],
      },
      problems: [],
    });
  });

  it('reads JSON after a byte-order mark, and any other name as JSON', async () => {
    expect((await loadConfigFile(fixture('bom.json'), { known }))?.settings).toEqual({
      preset: 'guidelines',
    });
    expect((await loadConfigFile(fixture('custom-config'), { known }))?.settings).toEqual({
      preset: 'all',
    });
  });

  it('makes a relative path absolute, and names the file as displayPath says', async () => {
    const relative = path.relative(process.cwd(), fixture('list.yaml'));
    expect(await loadConfigFile(relative, { known, displayPath: relativeTo(fixtures) })).toEqual({
      file: fixture('list.yaml'),
      settings: {},
      problems: [
        'list.yaml: expected an object with the keys preset, rules, allow, reportSkipped, baseUrl, lang, not ["preset","all"]',
      ],
    });
  });

  it('treats an empty YAML file as an empty config', async () => {
    expect(await loadConfigFile(fixture('empty.yaml'), { known })).toEqual({
      file: fixture('empty.yaml'),
      settings: {},
      problems: [],
    });
  });

  it('gives the line and column of a JSON syntax error', async () => {
    const loaded = await loadConfigFile(fixture('trailing-comma.json'), {
      known,
      displayPath: relativeTo(fixtures),
    });
    expect(loaded?.settings).toEqual({});
    expect(loaded?.problems).toHaveLength(1);
    // The reason is V8's wording (Node 20: "Expected double-quoted property name").
    expect(loaded?.problems[0]).toMatch(
      /^trailing-comma\.json: invalid JSON \(line 3, column 1\): \S/,
    );
  });

  it('gives the first line of a YAML syntax error', async () => {
    const loaded = await loadConfigFile(fixture('unclosed.yaml'), {
      known,
      displayPath: relativeTo(fixtures),
    });
    expect(loaded?.settings).toEqual({});
    expect(loaded?.problems).toHaveLength(1);
    expect(loaded?.problems[0]).toMatch(/^unclosed\.yaml: invalid YAML: \S[^\n]*$/);
  });

  it('says why a file cannot be read', async () => {
    const root = workspace({});
    mkdirSync(path.join(root, 'folder.json'));
    const options = { known, displayPath: relativeTo(root) };
    expect(await loadConfigFile(path.join(root, 'missing.json'), options)).toEqual({
      file: path.join(root, 'missing.json'),
      settings: {},
      problems: ['missing.json: cannot read config (ENOENT)'],
    });
    expect((await loadConfigFile(path.join(root, 'folder.json'), options))?.problems).toEqual([
      'folder.json: cannot read config (EISDIR)',
    ]);
  });

  it('reads the "luxlint" key of a package.json, and nothing from one without it', async () => {
    const root = workspace({
      'with/package.json': JSON.stringify({ name: 'a', luxlint: { reportSkipped: true } }),
      'without/package.json': JSON.stringify({ name: 'b', scripts: { luxlint: 'luxlint .' } }),
      'empty-key/package.json': JSON.stringify({ name: 'c', luxlint: null }),
      'bad-key/package.json': JSON.stringify({ name: 'd', luxlint: { preset: 'every' } }),
    });
    const options = { known, displayPath: relativeTo(root) };
    expect((await loadConfigFile(path.join(root, 'with/package.json'), options))?.settings).toEqual(
      { reportSkipped: true },
    );
    expect(await loadConfigFile(path.join(root, 'without/package.json'), options)).toBeUndefined();
    expect(await loadConfigFile(path.join(root, 'empty-key/package.json'), options)).toEqual({
      file: path.join(root, 'empty-key/package.json'),
      settings: {},
      problems: [],
    });
    expect(
      (await loadConfigFile(path.join(root, 'bad-key/package.json'), options))?.problems,
    ).toEqual(['bad-key/package.json: "preset" must be one of guidelines, all, not "every"']);
  });
});
