import { execFile } from 'node:child_process';
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { bin, run, temporaryDirectory } from './helpers.js';

let dir: string;
let cleanup: () => Promise<void>;
beforeEach(async () => ({ dir, cleanup } = await temporaryDirectory()));
afterEach(async () => cleanup());

const ansi = '\u001B[';

describe('colour', () => {
  it('FORCE_COLOR turns it on, --no-color and NO_COLOR turn it off', async () => {
    const input = 'They shared child pornography.\n';
    expect((await run(['-'], { input, env: { NO_COLOR: '', FORCE_COLOR: '1' } })).stdout).toContain(
      ansi,
    );
    expect(
      (await run(['--no-color', '-'], { input, env: { NO_COLOR: '', FORCE_COLOR: '1' } })).stdout,
    ).not.toContain(ansi);
    expect(
      (await run(['-'], { input, env: { NO_COLOR: '1', FORCE_COLOR: '1' } })).stdout,
    ).not.toContain(ansi);
  });
});

describe('progress line', () => {
  async function makeFiles(count: number): Promise<void> {
    await mkdir(path.join(dir, 'many'));
    for (let index = 0; index < count; index++)
      await writeFile(path.join(dir, 'many', `f${index}.md`), `Story ${index}.\n`);
  }

  it('is drawn on a terminal for more than 50 files (util-linux `script` provides the terminal)', async () => {
    await makeFiles(51);
    // `script` runs the command on a pseudo-terminal and copies what it shows to our stdout.
    const { stdout } = await promisify(execFile)(
      'script',
      ['-qec', `"${process.execPath}" "${bin}" --jobs 1 --quiet many`, '/dev/null'],
      { cwd: dir, env: { ...process.env, NO_COLOR: '1' } },
    );
    expect(stdout).toContain('51/51 files');
    expect(stdout).toMatch(/\[#+\]/);
  });

  it('is not drawn when standard error is not a terminal', async () => {
    await makeFiles(51);
    const result = await run(['--jobs', '1', '--quiet', 'many'], { cwd: dir });
    expect(result).toEqual({ code: 0, stdout: '', stderr: '' });
  });
});
