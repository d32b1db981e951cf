/**
 * Hostile input for the built CLI: each case ends with a clear one-line error or a correct
 * result, in bounded time and memory (peak RSS measured in the child process). Big files are
 * created in the OS temp folder and removed afterwards. Wall times are printed, never asserted.
 */
import { execFileSync } from 'node:child_process';
import { appendFile, mkdir, readFile, rm, symlink, truncate, writeFile } from 'node:fs/promises';
import { createWriteStream } from 'node:fs';
import { once } from 'node:events';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { temporaryDirectory, type JsonReport } from '../cli/helpers.js';
import { measurements, runMeasured } from './helpers.js';
import { writeSmallDocx, writeZipBomb } from './zip.js';

let dir = '';
let cleanup: () => Promise<void> = async () => undefined;
beforeAll(async () => {
  ({ dir, cleanup } = await temporaryDirectory());
});
afterAll(async () => {
  await cleanup();
  console.log(`tests/adversarial/cli-input measurements:\n  ${measurements.join('\n  ')}`);
});

const megabyte = 1024 * 1024;

function jsonOf(stdout: string): JsonReport {
  return JSON.parse(stdout) as JsonReport;
}

describe('size', () => {
  it(
    'a 200 MB single-line file is refused with one line, without being read into memory',
    { timeout: 120_000 },
    async () => {
      const file = path.join(dir, 'huge-line.txt');
      // Real bytes, not a sparse file: one line of text with a term in it.
      const out = createWriteStream(file);
      const block = Buffer.from(
        'child porn and more words '.repeat(Math.ceil(megabyte / 26)).slice(0, megabyte),
      );
      for (let written = 0; written < 200; written++) {
        if (!out.write(block)) await once(out, 'drain');
      }
      out.end();
      await once(out, 'finish');
      const result = await runMeasured('200 MB single line', [file, '--format', 'json']);
      await rm(file);
      expect(result.code).toBe(2);
      expect(result.stderr.trim()).toBe(
        `${path.relative(process.cwd(), file)}: file too large (200 MB; the limit is 100 MB)`,
      );
      expect(jsonOf(result.stdout).files).toEqual([]);
      expect(result.maxRssMb).toBeLessThan(200);
    },
  );

  /**
   * Write 1,000,000 short lines (a term on four of them) joined by `separator`, lint the file,
   * and return the run with the findings as [rule, line, column].
   */
  async function lintMillionLines(
    name: string,
    separator: string,
    label: string,
    timeoutMs: number,
  ) {
    const file = path.join(dir, name);
    const lines: string[] = [];
    for (let index = 0; index < 1_000_000; index++)
      lines.push(index % 250_000 === 7 ? 'child porn here' : `line ${index}`);
    await writeFile(file, lines.join(separator) + '\n');
    const result = await runMeasured(label, [file, '--format', 'json'], { timeoutMs });
    await rm(file);
    const messages = jsonOf(result.stdout).files[0]?.messages ?? [];
    const found = messages.map((message) => [
      message['ruleId'],
      message['line'],
      message['column'],
    ]);
    return { result, found };
  }

  it(
    '1,000,000 short lines, one paragraph each (12 MB of Markdown): every term found on its line',
    { timeout: 180_000 },
    async () => {
      const { result, found } = await lintMillionLines(
        'million.md',
        '\n\n',
        '1,000,000 lines as paragraphs (.md)',
        170_000,
      );
      expect(result.stderr).toBe('');
      expect(result.code).toBe(1);
      expect(found).toEqual(
        [7, 250_007, 500_007, 750_007].map((index) => ['child-porn', index * 2 + 1, 1]),
      );
      expect(result.maxRssMb).toBeLessThan(1024);
    },
  );

  // One Markdown paragraph of 1,000,000 lines never finished (micromark's inline resolution is
  // quadratic in a paragraph's lines); it is now read in pieces and sliced like plain text. One
  // paragraph of 1,000,000 lines of plain text (12 MB, no blank line) once took 88 s and 3.3 GB;
  // it is now read in slices and only the slices holding a candidate are parsed.
  it.each([
    ['Markdown', 'million-paragraph.md', '1,000,000 lines, one paragraph (.md)'],
    ['plain-text', 'million.txt', '1,000,000 lines, one paragraph (.txt)'],
  ])(
    '1,000,000 short lines in a single %s paragraph: every term found on its line, within 512 MB',
    { timeout: 120_000 },
    async (_kind, file, label) => {
      const { result, found } = await lintMillionLines(file, '\n', label, 110_000);
      expect(result.stderr).toBe('');
      expect(result.code).toBe(1);
      expect(found).toEqual([8, 250_008, 500_008, 750_008].map((line) => ['child-porn', line, 1]));
      expect(result.maxRssMb).toBeLessThan(512);
    },
  );
});

describe('nesting', () => {
  const shapes = [
    {
      name: 'nested list items on one line',
      file: 'list.md',
      make: (depth: number) => '- '.repeat(depth) + 'child porn\n',
      context: undefined,
      found: 100,
    },
    {
      name: 'nested block quotes',
      file: 'quote.md',
      make: (depth: number) => '> '.repeat(depth) + 'child porn\n',
      context: 'quotation',
      found: 100,
    },
    {
      name: 'nested block quotes and lists mixed',
      file: 'mixed.md',
      make: (depth: number) => '> - '.repeat(depth / 2) + 'child porn\n',
      context: 'quotation',
      found: 100,
    },
    {
      name: 'nested HTML elements (div, blockquote, ul, li)',
      file: 'nested.html',
      make: (depth: number) =>
        '<div><blockquote><ul><li>'.repeat(depth / 4) +
        'child porn' +
        '</li></ul></blockquote></div>'.repeat(depth / 4),
      context: 'quotation',
      found: 1000,
    },
    {
      name: 'nested MDX elements',
      file: 'nested.mdx',
      make: (depth: number) => '<A>'.repeat(depth) + 'child porn' + '</A>'.repeat(depth) + '\n',
      context: undefined,
      found: 1000,
    },
  ];
  const format = (file: string) =>
    ({ md: 'markdown', html: 'html', mdx: 'mdx' })[file.split('.').pop() ?? ''];

  for (const { name, file, make, context, found } of shapes) {
    for (const depth of [found, 5000]) {
      it(
        `${depth.toLocaleString('en')} ${name}: ${depth === found ? 'the term is found at its offset' : 'found, or refused in one line as nested too deeply'}`,
        { timeout: 120_000 },
        async () => {
          const text = make(depth);
          const filePath = path.join(dir, `${depth}-${file}`);
          await writeFile(filePath, text);
          const result = await runMeasured(`${depth} ${name}`, [
            filePath,
            '--format',
            'json',
            '--report-skipped',
          ]);
          expect(result.maxRssMb).toBeLessThan(1024);
          if (depth > found && result.code === 2) {
            // Deeper than the parsers' recursion allows, or (Markdown containers opened on one
            // line) than the Markdown reader's limit: a clear error naming the file, no output.
            expect([
              `${path.relative(process.cwd(), filePath)}: cannot be parsed as ${format(file)}: nested too deeply or a word too long (the parser ran out of stack)`,
              `${path.relative(process.cwd(), filePath)}: cannot be parsed as ${format(file)}: nested too deeply: line 1 opens or continues more than 100 block quotes or list items`,
            ]).toContain(result.stderr.trim());
            expect(jsonOf(result.stdout).files).toEqual([]);
            measurements.push(`  → refused: nested too deeply`);
            return;
          }
          expect(result.stderr).toBe('');
          const [message, ...rest] = jsonOf(result.stdout).files[0]?.messages ?? [];
          expect(rest).toEqual([]);
          expect(message?.['actual']).toBe('child porn');
          expect(message?.['offset']).toBe(text.indexOf('child porn'));
          expect(message?.['context']).toBe(context);
          expect(result.code).toBe(context ? 0 : 1);
        },
      );
    }
  }

  it(
    'lists and block quotes nested one level deeper on each of 2,000 lines (4 MB each): refused by name and line, the next file still linted',
    { timeout: 120_000 },
    async () => {
      const lists = path.join(dir, 'deep-lists.md');
      const quotes = path.join(dir, 'deep-quotes.md');
      const plain = path.join(dir, 'after-deep.md');
      const lines = (line: (index: number) => string) =>
        Array.from({ length: 2_000 }, (_, index) => line(index)).join('\n') + ' child porn\n';
      await writeFile(
        lists,
        lines((index) => `${'  '.repeat(index)}- item ${index}`),
      );
      await writeFile(
        quotes,
        lines((index) => `${'> '.repeat(index + 1)}line ${index}`),
      );
      await writeFile(plain, 'Officers found child porn.\n');
      const result = await runMeasured('2,000 nested lines (lists, quotes)', [
        lists,
        quotes,
        plain,
        '--format',
        'json',
      ]);
      expect(result.code).toBe(2);
      expect(result.stderr.trim().split('\n')).toEqual(
        [lists, quotes].map(
          (file) =>
            `${path.relative(process.cwd(), file)}: cannot be parsed as markdown: nested too deeply: line 101 opens or continues more than 100 block quotes or list items`,
        ),
      );
      const files = jsonOf(result.stdout).files;
      expect(files.map((file) => file.path)).toEqual([path.relative(process.cwd(), plain)]);
      expect(files[0]?.messages.map((message) => message['actual'])).toEqual(['child porn']);
      expect(result.maxRssMb).toBeLessThan(512);
    },
  );
});

describe('Word documents', () => {
  it(
    'a .docx of random bytes, and a zip cut in half, are refused by name',
    { timeout: 60_000 },
    async () => {
      const random = path.join(dir, 'random.docx');
      await writeFile(
        random,
        Buffer.from(Array.from({ length: 4096 }, (_, index) => (index * 7919) % 251)),
      );
      const cut = path.join(dir, 'cut.docx');
      await writeSmallDocx(cut, ['Officers found child pornography.']);
      const whole = await readFile(cut);
      await truncate(cut, Math.floor(whole.length / 2));
      const result = await runMeasured('not-a-zip and truncated .docx', [random, cut]);
      expect(result.code).toBe(2);
      const lines = result.stderr.trim().split('\n');
      expect(lines).toHaveLength(2);
      expect(lines[0]).toMatch(/random\.docx: not a readable Word document \(.+\)$/);
      expect(lines[1]).toMatch(/cut\.docx: not a readable Word document \(.+\)$/);
    },
  );

  for (const lie of [false, true]) {
    it(
      `a zip bomb (2 GB from 2 MB${lie ? ', headers lying about the size' : ''}) is refused with bounded memory; a good .docx beside it is still linted`,
      { timeout: 120_000 },
      async () => {
        const bomb = path.join(dir, lie ? 'bomb-lying.docx' : 'bomb.docx');
        const { compressedBytes } = await writeZipBomb(bomb, 2047 * megabyte, { lie });
        expect(compressedBytes).toBeLessThan(4 * megabyte);
        const good = path.join(dir, 'good.docx');
        await writeSmallDocx(good, ['Officers found child pornography.']);
        const result = await runMeasured(
          `zip bomb${lie ? ' (lying headers)' : ''}, ${(compressedBytes / megabyte).toFixed(1)} MB → 2 GB`,
          [bomb, good, '--format', 'json'],
        );
        await rm(bomb);
        expect(result.code).toBe(2);
        expect(result.stderr.trim()).toBe(
          `${path.relative(process.cwd(), bomb)}: not read: the Word document's part word/document.xml inflates to over 100 MB (a zip bomb?)`,
        );
        const files = jsonOf(result.stdout).files;
        expect(
          files.map((file) => [
            path.basename(file.path),
            file.messages.map((message) => message['ruleId']),
          ]),
        ).toEqual([['good.docx', ['child-pornography']]]);
        expect(result.maxRssMb).toBeLessThan(400);
      },
    );
  }
});

describe('special files', () => {
  it(
    'a symbolic-link loop named explicitly, a FIFO and a character device are refused without hanging',
    { timeout: 60_000 },
    async () => {
      const sub = path.join(dir, 'special');
      await mkdir(sub);
      await symlink(path.join(sub, 'b.md'), path.join(sub, 'a.md'));
      await symlink(path.join(sub, 'a.md'), path.join(sub, 'b.md'));
      // Nobody ever opens the FIFO's writing end: reading it would block forever.
      execFileSync('mkfifo', [path.join(sub, 'pipe.md')]);
      await writeFile(path.join(sub, 'ok.md'), 'Officers found child pornography.\n');
      const named = await runMeasured(
        'symlink loop + FIFO + /dev/zero named',
        ['a.md', 'pipe.md', '/dev/zero', 'ok.md', '--format', 'json'],
        { cwd: sub, timeoutMs: 30_000 },
      );
      expect(named.signal).toBeNull();
      expect(named.code).toBe(2);
      expect(named.stderr.trim().split('\n')).toEqual([
        'a.md: too many levels of symbolic links',
        'pipe.md: not a regular file',
        `${path.relative(sub, '/dev/zero')}: not a regular file`,
      ]);
      expect(jsonOf(named.stdout).files.map((file) => file.path)).toEqual(['ok.md']);

      const walked = await runMeasured(
        'folder with symlink loop + FIFO',
        ['.', '--format', 'json'],
        { cwd: sub, timeoutMs: 30_000 },
      );
      expect(walked.signal).toBeNull();
      expect(walked.code).toBe(2);
      expect(walked.stderr).not.toMatch(/pipe\.md(?!: not a regular file)/);
      expect(jsonOf(walked.stdout).files.map((file) => file.path)).toEqual(['ok.md']);
    },
  );
});

describe('a file that changes while being fixed', () => {
  const editor = path.join(path.dirname(fileURLToPath(import.meta.url)), 'edit-during-fix.mjs');

  it(
    'an edit saved between the read and the write is kept, and the file is reported, not fixed',
    { timeout: 60_000 },
    async () => {
      const file = path.join(dir, 'edited.md');
      await writeFile(file, 'Officers found child pornography.\n');
      const { run } = await import('../cli/helpers.js');
      const result = await run(['--fix', file], {
        env: { LUXLINT_TEST_EDIT_FILE: file },
        nodeArgs: ['--import', editor],
      });
      expect(result.code).toBe(2);
      expect(result.stderr.trim()).toBe(
        `${path.relative(process.cwd(), file)}: changed on disk while being linted; not fixed (run again)`,
      );
      expect(await readFile(file, 'utf8')).toBe(
        'Officers found child pornography.\nEdited by someone else.\n',
      );
    },
  );

  it(
    "a real concurrent writer: whatever the timing, the last write is the writer's and nothing is lost",
    { timeout: 120_000 },
    async () => {
      const file = path.join(dir, 'race.md');
      // Big enough that linting takes a while, so the append often lands mid-run.
      const original = 'Officers found child pornography in the archive.\n\n'.repeat(8_000);
      await writeFile(file, original);
      const pending = runMeasured('--fix racing an appending writer (400 KB)', [
        '--fix',
        file,
        '--format',
        'json',
      ]);
      await new Promise((resolve) => setTimeout(resolve, 700));
      await appendFile(file, 'Appended while luxlint ran.\n');
      const result = await pending;
      const after = await readFile(file, 'utf8');
      expect(after.endsWith('Appended while luxlint ran.\n')).toBe(true);
      // Either luxlint finished first (fixed text + append) or it saw the change and left the file.
      const fixedFirst =
        after ===
        original.replaceAll('child pornography', 'child sexual abuse material') +
          'Appended while luxlint ran.\n';
      const leftAlone = after === original + 'Appended while luxlint ran.\n';
      expect(fixedFirst || leftAlone).toBe(true);
      if (leftAlone) expect(result.stderr).toMatch(/changed on disk while being linted; not fixed/);
      measurements.push(
        `  race outcome: ${fixedFirst ? 'luxlint finished before the append' : 'change detected, file left alone'}`,
      );
    },
  );
});
