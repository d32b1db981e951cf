/**
 * Worker threads of a folder run (packages/cli/src/lib/pool.ts): the main thread and the workers
 * share the files, results come out in input order whatever finishes first, read errors stay in
 * place, workers started for nothing are stopped, and a worker that dies hands its files back.
 */
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { isGone, startWorkers } from '../../packages/cli/dist/lib/early-start.js';
import { LintPool } from '../../packages/cli/dist/lib/pool.js';
import { fixtures, parseJson, run, temporaryDirectory } from './helpers.js';

let dir: string;
let cleanup: () => Promise<void>;
beforeEach(async () => ({ dir, cleanup } = await temporaryDirectory()));
afterEach(async () => cleanup());

const phrases = ['child pornography', 'child prostitutes', 'kiddie porn', 'child sex tourism'];

/** `count` Markdown files; the first is far larger than the rest, so it finishes last. */
async function writeFolder(count: number): Promise<void> {
  for (let index = 0; index < count; index++) {
    const folder = path.join(dir, `part-${index % 4}`);
    await mkdir(folder, { recursive: true });
    const filler = 'Plain reporting with nothing to flag. '.repeat(
      index === 0 ? 20_000 : index % 9,
    );
    await writeFile(
      path.join(folder, `file-${String(index).padStart(3, '0')}.md`),
      `# File ${index}\n\n${filler}\n\nThey wrote about ${phrases[index % phrases.length]}.\n`,
    );
  }
}

/** Tasks for the files `writeFolder(count)` wrote, as the lint command makes them. */
function folderTasks(count: number) {
  return Array.from({ length: count }, (_, index) => {
    const name = `part-${index % 4}/file-${String(index).padStart(3, '0')}.md`;
    return {
      absolutePath: path.join(dir, name),
      path: name,
      settings: {},
      mode: 'none' as const,
    };
  });
}

/** Run `pool` over `tasks` and close it; the results in the order they were handed over. */
async function runPool(
  pool: LintPool,
  tasks: ReturnType<typeof folderTasks>,
): Promise<{ index: number; path: string; messages: number; error?: string }[]> {
  const seen: { index: number; path: string; messages: number; error?: string }[] = [];
  try {
    await pool.run(tasks, (result, index) => {
      seen.push({
        index,
        path: result.path,
        messages: result.messages.length,
        ...(result.error === undefined ? {} : { error: result.error }),
      });
    });
  } finally {
    await pool.close();
  }
  return seen;
}

describe('folder runs on several threads', () => {
  it('give the report of one thread, in input order, past the look-ahead bound', async () => {
    // 300 files: more than the 256 results the pool lets wait behind a slow file.
    await writeFolder(300);
    const single = await run(['--format', 'json', '--jobs', '1', '.'], { cwd: dir });
    expect(single.code).toBe(1);
    expect(parseJson(single.stdout).files).toHaveLength(300);
    for (const jobs of ['2', '3']) {
      const pooled = await run(['--format', 'json', '--jobs', jobs, '.'], { cwd: dir });
      expect(pooled, `--jobs ${jobs}`).toEqual(single);
    }
  }, 120_000);

  it('report unreadable files in place, with the same messages and status', async () => {
    await writeFolder(60);
    await writeFile(path.join(dir, 'part-1', 'binary.md'), Buffer.from([0x61, 0x00, 0x62]));
    await writeFile(path.join(dir, 'part-2', 'latin1.md'), Buffer.from([0x63, 0xe9, 0x0a]));
    await mkdir(path.join(dir, 'part-3', 'folder.md', 'inner'), { recursive: true });
    const single = await run(['--format', 'json', '--jobs', '1', '.'], { cwd: dir });
    const pooled = await run(['--format', 'json', '--jobs', '2', '.'], { cwd: dir });
    expect(single.code).toBe(2);
    expect(single.stderr).toContain('binary file (NUL byte at offset 1)');
    expect(single.stderr).toContain('invalid UTF-8');
    expect(pooled).toEqual(single);
  }, 120_000);

  it('stop the workers started for a folder that turns out small', async () => {
    await writeFolder(3);
    const pooled = await run(['--format', 'json', 'part-0', 'part-1', 'part-2'], { cwd: dir });
    const single = await run(['--format', 'json', '--jobs', '1', 'part-0', 'part-1', 'part-2'], {
      cwd: dir,
    });
    expect(pooled.code).toBe(1);
    expect(pooled).toEqual(single);
  });

  it('stop the workers when the run fails before linting (a missing config file)', async () => {
    await writeFolder(3);
    const result = await run(['--config', 'missing.json', '.'], { cwd: dir });
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('missing.json');
  });

  it('stop the workers started before parsing when the command line is wrong', async () => {
    // bin.ts starts workers for `.` before commander has seen the unknown option.
    await writeFolder(3);
    const result = await run(['--no-such-option', '.'], { cwd: dir });
    expect(result.code).toBe(2);
    expect(result.stderr).toContain("unknown option '--no-such-option'");
    expect(result.stdout).toBe('');
  });

  it('hand the files of a worker that dies back to the main thread', async () => {
    await writeFolder(12);
    const tasks = folderTasks(12);
    const pool = new LintPool(
      1,
      { settings: {}, format: 'markdown' },
      pathToFileURL(path.join(fixtures, 'dying-worker.mjs')),
    );
    const seen: { index: number; fromWorker: boolean; messages: number }[] = [];
    try {
      await pool.run(tasks, (result, index) => {
        seen.push({
          index,
          fromWorker: result.notice === 'dying worker',
          messages: result.messages.length,
        });
      });
    } finally {
      await pool.close();
    }
    expect(seen.map((entry) => entry.index)).toEqual(tasks.map((_, index) => index));
    // The worker answered two files, then died holding others, which the main thread linted.
    expect(seen.filter((entry) => entry.fromWorker)).toHaveLength(2);
    for (const entry of seen.filter((item) => !item.fromWorker))
      expect(entry.messages, `file ${entry.index}`).toBe(1);
  });

  it('lint everything in the main thread when a worker cannot start', async () => {
    await writeFolder(20);
    const tasks = folderTasks(20);
    const seen = await runPool(
      new LintPool(
        2,
        { settings: {}, format: 'markdown' },
        pathToFileURL(path.join(fixtures, 'failing-worker.mjs')),
      ),
      tasks,
    );
    expect(seen.map((entry) => entry.path)).toEqual(tasks.map((task) => task.path));
    for (const entry of seen) {
      expect(entry.error, entry.path).toBeUndefined();
      expect(entry.messages, entry.path).toBe(1);
    }
  });

  it('lint everything in the main thread when a worker started early died before the run', async () => {
    await writeFolder(20);
    const tasks = folderTasks(20);
    // As bin.ts does: workers started before the files are known, which fail meanwhile.
    const workers = startWorkers(
      1,
      { settings: {}, format: 'markdown' },
      pathToFileURL(path.join(fixtures, 'failing-worker.mjs')),
    );
    const [worker] = workers;
    if (!worker) throw new Error('no worker started');
    // (`events.once` would reject on the 'error' that comes first.)
    if (!isGone(worker)) await new Promise((resolve) => worker.on('exit', resolve));
    expect(isGone(worker)).toBe(true);
    const seen = await runPool(new LintPool(workers), tasks);
    expect(seen.map((entry) => entry.path)).toEqual(tasks.map((task) => task.path));
    for (const entry of seen) expect(entry.messages, entry.path).toBe(1);
  });

  it('give the same results with workers started early as with workers started for the run', async () => {
    await writeFolder(40);
    const tasks = folderTasks(40);
    const early = await runPool(
      new LintPool(startWorkers(1, { settings: {}, format: 'markdown' })),
      tasks,
    );
    const late = await runPool(new LintPool(1, { settings: {}, format: 'markdown' }), tasks);
    expect(early).toEqual(late);
    expect(early.filter((entry) => entry.messages === 1)).toHaveLength(40);
  });
});
