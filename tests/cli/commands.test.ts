import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { run, temporaryDirectory } from './helpers.js';

let dir: string;
let cleanup: () => Promise<void>;
beforeEach(async () => ({ dir, cleanup } = await temporaryDirectory()));
afterEach(async () => cleanup());

describe('luxlint lookup', () => {
  it('shows the status and what to use instead', async () => {
    const { code, stdout, stderr } = await run(['lookup', 'child', 'pornography']);
    expect(stderr).toBe('');
    expect(code).toBe(0);
    expect(stdout.split('\n').slice(0, 2)).toEqual([
      'child pornography  [avoid]  child-pornography',
      '  Use instead: child sexual abuse material; child sexual exploitation material',
    ]);
    expect(stdout).toContain('https://luxlint.dev/terms/child-pornography/');
  });

  it('--json prints ranked entries with their fields', async () => {
    const { code, stdout } = await run(['lookup', '--json', '--limit', '3', 'child prostitute']);
    expect(code).toBe(0);
    const answer = JSON.parse(stdout) as {
      query: string;
      results: {
        score: number;
        exact: boolean;
        url: string;
        term: { id: string; status: string; text: { en: { term: string } } };
      }[];
    };
    expect(answer.query).toBe('child prostitute');
    expect(answer.results.length).toBeGreaterThan(0);
    expect(answer.results.length).toBeLessThanOrEqual(3);
    expect(answer.results[0]).toMatchObject({
      exact: true,
      url: 'https://luxlint.dev/terms/child-prostitute/',
      term: { id: 'child-prostitute', status: 'avoid' },
    });
    const scores = answer.results.map((result) => result.score);
    expect([...scores].sort((a, b) => a - b)).toEqual(scores);
  });

  it('exits 1 when nothing matches', async () => {
    expect(await run(['lookup', 'qqqqzzzz'])).toEqual({
      code: 1,
      stdout: 'No entry matches “qqqqzzzz”. `luxlint list` shows them all.\n',
      stderr: '',
    });
  });
});

describe('luxlint explain', () => {
  it('shows the whole entry', async () => {
    const { code, stdout } = await run(['explain', 'child-sex-tourism']);
    expect(code).toBe(0);
    expect(stdout.split('\n')[0]).toBe('child sex tourism  [avoid]');
    for (const heading of [
      'Use instead',
      'Summary',
      'Why',
      'Sources',
      'More: https://luxlint.dev/terms/child-sex-tourism/',
    ])
      expect(stdout).toContain(heading);
  });

  it('--json prints the entry and its URL', async () => {
    const { code, stdout } = await run(['explain', '--json', 'child-pornography']);
    expect(code).toBe(0);
    expect(JSON.parse(stdout)).toMatchObject({
      id: 'child-pornography',
      status: 'avoid',
      url: 'https://luxlint.dev/terms/child-pornography/',
      text: { en: { term: 'child pornography' } },
    });
  });

  it('an unknown id exits 2 with a suggestion', async () => {
    expect(await run(['explain', 'child-pornografy'])).toEqual({
      code: 2,
      stdout: '',
      stderr:
        'error: unknown entry id "child-pornografy" (did you mean "child-pornography"?); `luxlint list` shows every id\n',
    });
  });
});

describe('luxlint list', () => {
  it('--status avoid --json lists only avoid entries', async () => {
    const { code, stdout } = await run(['list', '--status', 'avoid', '--json']);
    expect(code).toBe(0);
    const entries = JSON.parse(stdout) as { id: string; status: string }[];
    expect(entries.length).toBeGreaterThan(5);
    expect(entries.every((entry) => entry.status === 'avoid')).toBe(true);
    expect(entries.map((entry) => entry.id)).toContain('child-pornography');
  });

  it('prints a table with a count', async () => {
    const { code, stdout } = await run(['list', '--status', 'caution']);
    expect(code).toBe(0);
    const lines = stdout.trim().split('\n');
    expect(lines[0]).toMatch(/^status +id +term$/);
    expect(lines.slice(1, -1).every((line) => line.startsWith('caution '))).toBe(true);
    expect(lines.at(-1)).toBe(`${lines.length - 2} entries`);
  });

  it('rejects an unknown status', async () => {
    const result = await run(['list', '--status', 'banned']);
    expect(result.code).toBe(2);
    expect(result.stderr).toBe(
      "error: option '--status <status>' argument 'banned' is invalid. Allowed choices are avoid, caution, use.\n",
    );
  });
});

describe('luxlint init', () => {
  it('writes a commented, valid .luxlintrc.yaml and refuses to overwrite', async () => {
    expect(await run(['init'], { cwd: dir })).toEqual({
      code: 0,
      stdout: 'Wrote .luxlintrc.yaml\n',
      stderr: '',
    });
    const text = await readFile(path.join(dir, '.luxlintrc.yaml'), 'utf8');
    expect(text.startsWith('# luxlint configuration')).toBe(true);
    expect(parse(text)).toEqual({ preset: 'all', rules: {}, allow: [], reportSkipped: false });
    // The written config is accepted by the linter itself.
    await writeFile(path.join(dir, 'a.md'), 'Fine text.\n');
    expect((await run(['a.md'], { cwd: dir })).code).toBe(0);
    expect(await run(['init'], { cwd: dir })).toEqual({
      code: 2,
      stdout: '',
      stderr: '.luxlintrc.yaml: already exists; luxlint init never overwrites a config\n',
    });
    expect(await readFile(path.join(dir, '.luxlintrc.yaml'), 'utf8')).toBe(text);
  });
});

describe('luxlint export', () => {
  it('vale: one substitution rule per status level with link, level and swap regexes', async () => {
    const { code, stdout } = await run(['export', 'vale', '--out', 'styles'], { cwd: dir });
    expect(code).toBe(0);
    expect(stdout).toMatch(
      /^Wrote styles\/Luxlint\/Avoid\.yml \(\d+ swaps\), styles\/Luxlint\/Caution\.yml \(\d+ swaps\)\./,
    );
    const avoid = parse(await readFile(path.join(dir, 'styles/Luxlint/Avoid.yml'), 'utf8')) as {
      extends: string;
      level: string;
      link: string;
      ignorecase: boolean;
      swap: Record<string, string>;
    };
    const caution = parse(
      await readFile(path.join(dir, 'styles/Luxlint/Caution.yml'), 'utf8'),
    ) as typeof avoid;
    expect(avoid).toMatchObject({
      extends: 'substitution',
      level: 'warning',
      link: 'https://luxlint.dev/terms/',
      ignorecase: true,
    });
    expect(caution).toMatchObject({ extends: 'substitution', level: 'suggestion' });
    const swaps = Object.entries(avoid.swap);
    expect(swaps.length).toBeGreaterThan(5);
    // Each key is a regular expression; inflected, hyphenated and possessive forms match.
    const toRegex = (pattern: string) =>
      new RegExp(`\\b(?:${pattern.replace(/^\(\?-i:(.*)\)$/, '$1')})\\b`, 'i');
    const hits = (text: string) =>
      swaps
        .filter(([pattern]) => toRegex(pattern).test(text))
        .flatMap(([, replacement]) => replacement.split('|'));
    expect(hits('child pornography')).toContain('child sexual abuse material');
    expect(hits('child-pornography')).toContain('child sexual abuse material');
    expect(hits('Child prostitutes')).toContain('child exploited in prostitution');
    expect(hits('child sexual abuse material')).toEqual([]);
  });

  it('textlint: a textlint-rule-terminology list of [pattern, replacement] pairs', async () => {
    const { code, stdout } = await run(['export', 'textlint', '--out', 'out'], { cwd: dir });
    expect(code).toBe(0);
    expect(stdout).toMatch(/^Wrote out\/luxlint-terms\.json \(\d+ terms\)\./);
    const list = JSON.parse(
      await readFile(path.join(dir, 'out/luxlint-terms.json'), 'utf8'),
    ) as unknown[];
    expect(list.length).toBeGreaterThan(5);
    for (const item of list) {
      expect(
        Array.isArray(item) &&
          item.length === 2 &&
          typeof item[0] === 'string' &&
          typeof item[1] === 'string',
      ).toBe(true);
      expect(() => new RegExp(String((item as string[])[0]), 'i')).not.toThrow();
    }
    expect(list).toContainEqual([
      expect.stringContaining('pornograph'),
      'child sexual abuse material',
    ]);
  });

  it('rejects an unknown tool', async () => {
    const result = await run(['export', 'eslint'], { cwd: dir });
    expect(result.code).toBe(2);
    expect(result.stderr).toBe(
      "error: command-argument value 'eslint' is invalid for argument 'tool'. Allowed choices are vale, textlint.\n",
    );
  });
});
