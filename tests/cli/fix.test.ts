import { readFile, stat, chmod, writeFile, readdir } from 'node:fs/promises';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { parseJson, run, temporaryDirectory } from './helpers.js';

let dir: string;
let cleanup: () => Promise<void>;
beforeEach(async () => ({ dir, cleanup } = await temporaryDirectory()));
afterEach(async () => cleanup());

const crlfBom =
  '\uFEFF# Court report\r\n\r\nThe court heard that he kept Child Pornography on two laptops.\r\n\r\nThe Optional Protocol on the sale of children, child prostitution and child pornography applies.\r\n\r\nHe said: "I never looked at child pornography."\r\n';

describe('--fix', () => {
  it('keeps the BOM, CRLF line ends and mode, changes only the reported span, and is idempotent', async () => {
    const file = path.join(dir, 'report.md');
    await writeFile(file, crlfBom);
    await chmod(file, 0o640);

    const before =
      parseJson((await run(['--format', 'json', 'report.md'], { cwd: dir })).stdout).files[0]
        ?.messages ?? [];
    // Positions with a BOM and CRLF: offsets exclude the BOM, columns count UTF-16 units.
    expect(
      before.map((message) => [
        message['actual'],
        message['line'],
        message['column'],
        message['offset'],
      ]),
    ).toEqual([['Child Pornography', 3, 30, 47]]);

    const first = await run(['report.md', '--fix'], { cwd: dir });
    expect(first.stderr).toBe('');
    expect(first.stdout).toBe('report.md: no issues found\nFixed 1 finding in 1 file.\n');
    expect(first.code).toBe(0);
    const after = await readFile(file, 'utf8');
    expect(after).toBe(crlfBom.replace('Child Pornography', 'Child Sexual Abuse Material'));
    expect((await stat(file)).mode & 0o777).toBe(0o640);
    // No temp file is left behind.
    expect(await readdir(dir)).toEqual(['report.md']);

    const second = await run(['--fix', 'report.md'], { cwd: dir });
    expect(second).toEqual({ code: 0, stdout: 'report.md: no issues found\n', stderr: '' });
    expect(await readFile(file, 'utf8')).toBe(after);
  });

  it('reports what it cannot fix and leaves those words alone', async () => {
    const file = path.join(dir, 'notes.txt');
    const text =
      'A sexual predator who abused a 12-year-old girl was arrested. Officers found child pornography.\n';
    await writeFile(file, text);
    const result = await run(['--fix', '--format', 'json', 'notes.txt'], { cwd: dir });
    expect(result.code).toBe(1);
    expect(await readFile(file, 'utf8')).toBe(
      'A sexual predator who abused a 12-year-old girl was arrested. Officers found child sexual abuse material.\n',
    );
    expect(
      parseJson(result.stdout).files[0]?.messages.map((message) => [
        message['ruleId'],
        message['offset'],
      ]),
    ).toEqual([['sexual-predator', 2]]);
  });

  it('never writes a file it could not read', async () => {
    const file = path.join(dir, 'broken.md');
    const bytes = Buffer.concat([
      Buffer.from('child pornography '),
      Buffer.from([0xff, 0xfe, 0x00]),
    ]);
    await writeFile(file, bytes);
    const result = await run(['--fix', 'broken.md'], { cwd: dir });
    expect(result.code).toBe(2);
    expect(result.stderr).toBe('broken.md: binary file (NUL byte at offset 20), not text\n');
    expect(await readFile(file)).toEqual(bytes);
  });

  it('refuses standard input', async () => {
    expect(await run(['--fix', '-'], { input: 'child pornography' })).toEqual({
      code: 2,
      stdout: '',
      stderr: 'error: --fix cannot write to standard input; use --fix-dry-run to see the changes\n',
    });
  });
});

describe('--fix-dry-run', () => {
  it('prints a unified diff and changes nothing', async () => {
    const file = path.join(dir, 'story.md');
    const text = 'Intro.\n\nPolice seized child pornography and a laptop.\n\nEnd.\n';
    await writeFile(file, text);
    const result = await run(['--fix-dry-run', 'story.md'], { cwd: dir });
    expect(result.stdout).toBe(
      [
        '===================================================================',
        '--- a/story.md',
        '+++ b/story.md',
        '@@ -1,5 +1,5 @@',
        ' Intro.',
        ' ',
        '-Police seized child pornography and a laptop.',
        '+Police seized child sexual abuse material and a laptop.',
        ' ',
        ' End.',
        '',
      ].join('\n'),
    );
    expect(result.stderr).toBe('1 file would change (nothing was written).\n');
    expect(result.code).toBe(0);
    expect(await readFile(file, 'utf8')).toBe(text);
  });
});
