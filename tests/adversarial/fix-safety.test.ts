/**
 * `--fix` never damages a file: killed with SIGKILL in the middle of a run over many files,
 * every file is exactly its old or its new version; modes and line endings survive; a
 * read-only file is reported and left alone (also when run as root, who could write it).
 */
import { spawn } from 'node:child_process';
import { chmod, readdir, readFile, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { applyFixes, lint } from '@luxlint/lint';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bin, run, temporaryDirectory } from '../cli/helpers.js';

let dir = '';
let cleanup: () => Promise<void> = async () => undefined;
const notes: string[] = [];
beforeAll(async () => {
  ({ dir, cleanup } = await temporaryDirectory());
});
afterAll(async () => {
  await cleanup();
  console.log(`tests/adversarial/fix-safety:\n  ${notes.join('\n  ')}`);
});

const endings = ['\n', '\r\n', '\r'] as const;
const modes = [0o644, 0o600, 0o755, 0o640];

/** A few KB of Markdown with fixable terms, in one of three line-ending styles. */
function draft(index: number): string {
  const eol = endings[index % endings.length] ?? '\n';
  const paragraph = `File ${index}: officers found child pornography and kiddie porn on the laptop.`;
  return (
    (index % 4 === 0 ? '\uFEFF' : '') +
    Array.from({ length: 40 }, () => paragraph).join(eol + eol) +
    eol
  );
}

/** What `--fix` must write: the fixes of the text (after the BOM), BOM kept. */
function expectedFixed(content: string): string {
  const bom = content.startsWith('\uFEFF') ? '\uFEFF' : '';
  const text = content.slice(bom.length);
  return bom + applyFixes(text, lint(text, { format: 'markdown' }).messages);
}

describe('--fix killed mid-run', () => {
  it(
    'SIGKILL during a --fix over 120 files: every file is its old or new version, mode kept; leftovers are only hidden, clearly named temp files a later run ignores',
    { timeout: 180_000 },
    async () => {
      const folder = path.join(dir, 'killed');
      const { mkdir } = await import('node:fs/promises');
      await mkdir(folder);
      const originals = new Map<string, string>();
      for (let index = 0; index < 120; index++) {
        const file = path.join(folder, `draft-${String(index).padStart(3, '0')}.md`);
        const content = draft(index);
        originals.set(file, content);
        await writeFile(file, content);
        await chmod(file, modes[index % modes.length] ?? 0o644);
      }
      // --jobs 1 keeps the run long enough to be caught in the middle on a fast machine.
      const child = spawn(process.execPath, [bin, '--fix', '--jobs', '1', folder], {
        stdio: 'ignore',
      });
      const started = performance.now();
      let killedAfter = 0;
      for (;;) {
        await new Promise((resolve) => setTimeout(resolve, 20));
        let changed = 0;
        for (const [file, content] of originals)
          if ((await readFile(file, 'utf8')) !== content) changed++;
        if (changed >= 3 || child.exitCode !== null) {
          child.kill('SIGKILL');
          killedAfter = (performance.now() - started) / 1000;
          break;
        }
      }
      await new Promise((resolve) => child.once('exit', resolve));

      let old = 0;
      let fixed = 0;
      for (const [file, content] of originals) {
        const now = await readFile(file, 'utf8');
        if (now === content) old++;
        else {
          expect(now).toBe(expectedFixed(content));
          fixed++;
        }
        expect((await stat(file)).mode & 0o777).toBe(
          modes[[...originals.keys()].indexOf(file) % modes.length],
        );
      }
      expect(fixed).toBeGreaterThanOrEqual(3);
      expect(old).toBeGreaterThan(0);
      notes.push(
        `SIGKILL after ${killedAfter.toFixed(1)} s: ${fixed} files fixed, ${old} untouched, none damaged`,
      );

      const leftovers = (await readdir(folder)).filter((name) => !/^draft-\d{3}\.md$/.test(name));
      for (const name of leftovers)
        expect(name).toMatch(/^\.draft-\d{3}\.md\.luxlint-\d+-[0-9a-f]{8}\.tmp$/);
      notes.push(`temp files left by the killed run: ${leftovers.length}`);

      // A second run finishes the job, never lints the leftovers, and changes nothing on a third.
      const second = await run(['--fix', '--format', 'json', folder]);
      expect(second.stderr).toBe('');
      const report = JSON.parse(second.stdout) as { files: { path: string }[] };
      expect(report.files.every((file) => /draft-\d{3}\.md$/.test(file.path))).toBe(true);
      for (const [file, content] of originals)
        expect(await readFile(file, 'utf8')).toBe(expectedFixed(content));
      const third = await run(['--fix-dry-run', folder]);
      expect(third.stdout).not.toMatch(/^@@/m);
    },
  );
});

describe('read-only files', () => {
  it('a chmod 444 file is reported as read-only and left alone (even as root); the writable file beside it is fixed', async () => {
    const readOnly = path.join(dir, 'read-only.md');
    const writable = path.join(dir, 'writable.md');
    const content = 'Officers found child pornography.\r\n';
    await writeFile(readOnly, content);
    await chmod(readOnly, 0o444);
    await writeFile(writable, content);
    const result = await run(['--fix', readOnly, writable]);
    expect(result.code).toBe(2);
    expect(result.stderr.trim()).toBe(
      `${path.relative(process.cwd(), readOnly)}: read-only file (no write permission bit set); not fixed`,
    );
    expect(await readFile(readOnly, 'utf8')).toBe(content);
    expect((await stat(readOnly)).mode & 0o777).toBe(0o444);
    expect(await readFile(writable, 'utf8')).toBe(
      'Officers found child sexual abuse material.\r\n',
    );
  });
});
