import { execFile, spawn } from 'node:child_process';
import { chmod, mkdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { createInterface } from 'node:readline';
import { promisify } from 'node:util';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { bin, fixtures, repoRoot, run, temporaryDirectory } from './helpers.js';

let dir: string;
let cleanup: () => Promise<void>;
beforeEach(async () => ({ dir, cleanup } = await temporaryDirectory()));
afterEach(async () => cleanup());

describe('lazy imports', () => {
  const trace = ['--import', path.join(fixtures, 'trace-imports.mjs')];
  const loaded = (stderr: string) =>
    stderr.split('\n').filter((line) => line.startsWith('LOADED '));

  it('--version, lookup and list never load unified, retext, remark, rehype or mammoth', async () => {
    for (const args of [
      ['--version'],
      ['lookup', 'child porn'],
      ['list', '--status', 'avoid'],
      ['explain', 'child-pornography'],
    ]) {
      const result = await run(args, { nodeArgs: trace });
      expect(result.code).toBe(0);
      expect(loaded(result.stderr)).toEqual([]);
    }
  });

  it('linting does load them (so the check above can fail)', async () => {
    const result = await run(['examples/draft.md'], { nodeArgs: trace });
    expect(loaded(result.stderr)).toEqual(
      expect.arrayContaining([
        'LOADED lint',
        'LOADED retext-luxembourg',
        'LOADED unified',
        'LOADED parse-english',
      ]),
    );
  });
});

describe('worker threads', () => {
  it('give the same report, in input order, as a single thread', async () => {
    const phrases = [
      'child pornography',
      'child prostitutes',
      'child sex tourism',
      'child sexual abuse material',
    ];
    for (let index = 0; index < 60; index++) {
      const folder = path.join(dir, `batch-${index % 3}`);
      await mkdir(folder, { recursive: true });
      const body = `# Story ${index}\n\n${'Plain reporting with nothing to flag. '.repeat(index % 7)}They wrote about ${phrases[index % phrases.length]}.\n`;
      await writeFile(path.join(folder, `story-${String(index).padStart(2, '0')}.md`), body);
    }
    const single = await run(['--format', 'json', '--jobs', '1', '.'], { cwd: dir });
    const pooled = await run(['--format', 'json', '--jobs', '2', '.'], { cwd: dir });
    const automatic = await run(['--format', 'json', '.'], { cwd: dir });
    expect(single.code).toBe(1);
    expect(JSON.parse(single.stdout).files).toHaveLength(60);
    expect(pooled).toEqual(single);
    expect(automatic).toEqual(single);
  });
});

describe('--jsonl batch mode', () => {
  it('runs the README example exactly and prints the output shown there', async () => {
    const readme = await readFile(path.join(repoRoot, 'packages/cli/README.md'), 'utf8');
    const section = readme.slice(readme.indexOf('### Batch mode'));
    const command = /```sh\n([\s\S]*?)```/.exec(section)?.[1];
    const shown = /```jsonl\n([\s\S]*?)```/.exec(section)?.[1];
    expect(command).toContain('luxlint --jsonl');
    expect(shown).toBeDefined();
    // `luxlint` on PATH is the built binary, as after `npm install -g luxlint`.
    const binDir = path.join(dir, 'bin');
    await mkdir(binDir);
    await writeFile(
      path.join(binDir, 'luxlint'),
      `#!/bin/sh\nexec "${process.execPath}" "${bin}" "$@"\n`,
    );
    await chmod(path.join(binDir, 'luxlint'), 0o755);
    const { stdout } = await promisify(execFile)('sh', ['-c', command ?? ''], {
      cwd: dir,
      env: { ...process.env, PATH: `${binDir}:${process.env['PATH'] ?? ''}` },
    }).catch((error: { stdout: string; code: number }) => {
      // The example contains a bad line on purpose: exit status 2, output still complete.
      expect(error.code).toBe(2);
      return error;
    });
    expect(stdout).toBe(shown);
  });

  /** `count` documents with a finding every third one, and a bad line every 40 lines. */
  const archive = (count: number): string => {
    const lines: string[] = [];
    for (let index = 0; index < count; index++) {
      const text =
        index % 3 === 0
          ? `Report ${index}: the court heard about child pornography and its victims.`
          : `Report ${index}: the council met on Tuesday to discuss the budget.`;
      lines.push(JSON.stringify({ id: index, text, format: index % 2 ? 'markdown' : 'text' }));
      if (index % 40 === 7) lines.push(index % 80 === 7 ? 'not json' : `{"id": ${index}}`);
    }
    return `${lines.join('\n')}\n`;
  };
  const reportWorkers = ['--import', path.join(fixtures, 'report-workers.mjs')];
  const workersStarted = (stderr: string): number =>
    stderr.split('\n').filter((line) => line.startsWith('WORKER STARTED')).length;

  it('--jobs 2 shares the documents with a worker thread and answers exactly as one thread', async () => {
    const input = archive(600);
    const single = await run(['--jsonl'], { input, nodeArgs: reportWorkers });
    const pooled = await run(['--jsonl', '--jobs', '2'], { input, nodeArgs: reportWorkers });
    expect(single.code).toBe(2);
    expect(workersStarted(single.stderr)).toBe(0);
    expect(workersStarted(pooled.stderr)).toBe(1);
    expect(pooled.code).toBe(2);
    expect(pooled.stdout).toBe(single.stdout);
    const answers = single.stdout.trim().split('\n');
    // Every document and every bad line answered once, in input order.
    expect(answers).toHaveLength(600 + 15);
    expect(answers.filter((line) => line.includes('"error"'))).toHaveLength(15);
    expect(answers.filter((line) => line.includes('child-pornography'))).toHaveLength(200);
  });

  it('answers each line before the next is written (a caller may wait for each answer)', async () => {
    const child = spawn(process.execPath, [bin, '--jsonl', '--jobs', '2'], {
      stdio: ['pipe', 'pipe', 'pipe'],
    });
    const answers = createInterface({ input: child.stdout })[Symbol.asyncIterator]();
    for (const [index, text] of ['child prostitution', 'nothing here', 'child porn'].entries()) {
      child.stdin.write(`${JSON.stringify({ id: index, text })}\n`);
      const { value } = await answers.next();
      expect(JSON.parse(value as string)).toMatchObject({ id: index });
    }
    child.stdin.end();
    const code = await new Promise((resolve) => child.on('close', resolve));
    expect(code).toBe(0);
  });

  it('answers every line in order, reports bad lines and keeps going', async () => {
    const input = [
      '{"id": 1, "text": "child prostitution"}',
      '{"text": "no id"}',
      '',
      '{"id": "x", "text": "ok", "format": "rst"}',
      '{"id": "html", "text": "<p>child porn</p>", "format": "html"}',
    ].join('\n');
    const result = await run(['--jsonl'], { input });
    expect(result.code).toBe(2);
    expect(result.stderr).toBe('');
    const lines = result.stdout
      .trim()
      .split('\n')
      .map((line) => JSON.parse(line) as Record<string, unknown>);
    expect(
      lines.map((line) => [
        line['id'],
        line['line'],
        line['error'],
        Array.isArray(line['messages'])
          ? (line['messages'] as { ruleId: string; offset: number }[]).map((message) => [
              message.ruleId,
              message.offset,
            ])
          : undefined,
      ]),
    ).toEqual([
      [1, undefined, undefined, [['child-prostitution', 0]]],
      [undefined, 2, '"id" must be a string or a number', undefined],
      ['x', 4, '"format" must be one of markdown, mdx, text, html, not "rst"', undefined],
      ['html', undefined, undefined, [['child-porn', 3]]],
    ]);
  });
});
