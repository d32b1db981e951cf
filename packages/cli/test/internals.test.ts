// Internal helpers, imported from the build output (they are not part of the public API).
import { describe, expect, it } from 'vitest';
import { mkdir, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { didYouMean, editDistance } from '../dist/lib/did-you-mean.js';
import { guessRun } from '../dist/lib/early-start.js';
import { LineIndex, toJsonMessage } from '../dist/lib/messages.js';
import { decodeText, ReadError } from '../dist/lib/read.js';

describe('didYouMean', () => {
  it('suggests close candidates only', () => {
    expect(editDistance('kitten', 'sitting')).toBe(3);
    expect(didYouMean('rule', ['rules', 'preset'])).toBe('rules');
    expect(didYouMean('child-pornografy', ['child-porn', 'child-pornography'])).toBe(
      'child-pornography',
    );
    expect(didYouMean('zzz', ['rules', 'preset'])).toBeUndefined();
  });
});

describe('decodeText', () => {
  it('gives plain ASCII as it is, the same as the strict UTF-8 decoder', () => {
    const ascii = 'Plain text, no accents: 1 + 1 = 2.\r\n~';
    expect(decodeText(Buffer.from(ascii))).toEqual({ text: ascii, bom: false });
    // A view into a larger buffer decodes only its own bytes.
    const whole = Buffer.from(`xx${ascii}yy`);
    expect(decodeText(whole.subarray(2, 2 + ascii.length)).text).toBe(ascii);
  });
  it('strips a UTF-8 BOM and says so', () => {
    expect(decodeText(Buffer.from('\uFEFFhé'))).toEqual({ text: 'hé', bom: true });
    expect(decodeText(Buffer.from('hé'))).toEqual({ text: 'hé', bom: false });
  });
  it('refuses NUL bytes, UTF-16 and malformed UTF-8 with the offset', () => {
    expect(() => decodeText(Buffer.from([0x61, 0x00]))).toThrow(
      new ReadError('binary file (NUL byte at offset 1), not text'),
    );
    expect(() => decodeText(Buffer.from([0xff, 0xfe, 0x61, 0x00]))).toThrow('UTF-16');
    expect(() => decodeText(Buffer.from([0x61, 0x62, 0xc3, 0x28]))).toThrow(
      'invalid UTF-8 (first bad byte at offset 2)',
    );
    // An overlong encoding of "/" and a lone surrogate are invalid too.
    expect(() => decodeText(Buffer.from([0xc0, 0xaf]))).toThrow('offset 0');
    expect(() => decodeText(Buffer.from([0x61, 0xed, 0xa0, 0x80]))).toThrow('offset 1');
  });
});

describe('LineIndex and toJsonMessage', () => {
  it('find the same line starts as /\\r\\n|\\n|\\r/ on any mix of breaks', () => {
    const pieces = ['a', 'bc', '\r', '\n', '\r\n', '\n\r', '\u2028', ''];
    let seed = 7;
    const next = (): number => (seed = (seed * 48_271) % 2_147_483_647);
    for (let round = 0; round < 500; round++) {
      let text = '';
      const length = next() % 30;
      for (let piece = 0; piece < length; piece++) text += pieces[next() % pieces.length];
      const scanned = new LineIndex(text);
      const matched = new LineIndex(text, /\r\n|\n|\r/g);
      for (let offset = 0; offset <= text.length; offset++)
        expect(scanned.point(offset), JSON.stringify(text)).toEqual(matched.point(offset));
    }
  });

  it('count CRLF, LF and CR as one line break', () => {
    const index = new LineIndex('ab\r\ncd\ne\rf');
    expect([0, 4, 7, 9].map((offset) => index.point(offset))).toEqual([
      { line: 1, column: 1 },
      { line: 2, column: 1 },
      { line: 3, column: 1 },
      { line: 4, column: 1 },
    ]);
    expect(index.offset(2, 2)).toBe(5);
  });
  it('re-expresses positions as paragraph:column for Word text', () => {
    const text = 'First.\n\nSecond has child porn in it.\n\n';
    const offset = text.indexOf('child porn');
    const message = toJsonMessage(
      {
        reason: 'r',
        ruleId: 'child-porn',
        fatal: false,
        place: {
          start: { line: 3, column: 12, offset },
          end: { line: 3, column: 22, offset: offset + 10 },
        },
        status: 'avoid',
        fix: null,
      },
      new LineIndex(text),
      new LineIndex(text, /\n\n/g),
    );
    expect([
      message.line,
      message.column,
      message.endLine,
      message.endColumn,
      message.offset,
    ]).toEqual([2, 12, 2, 22, offset]);
    expect(Object.keys(message)).toEqual([
      'ruleId',
      'status',
      'severity',
      'message',
      'actual',
      'expected',
      'line',
      'column',
      'endLine',
      'endColumn',
      'offset',
      'endOffset',
      'url',
      'note',
      'fix',
    ]);
  });
});

describe('guessRun (bin.ts, before commander parses the command line)', () => {
  it('guesses a folder run, its thread count and the warm-up settings', async () => {
    const cwd = await mkdtemp(path.join(tmpdir(), 'luxlint-guess-'));
    try {
      await mkdir(path.join(cwd, 'docs'));
      const folder = guessRun(['--format', 'json', '--jobs', '3', 'docs'], cwd);
      expect(folder).toEqual({
        manyFiles: true,
        jobs: 3,
        warmUp: { settings: {}, format: 'markdown' },
        lints: true,
        operands: ['docs'],
      });
      expect(guessRun(['-j2', 'docs'], cwd).jobs).toBe(2);
      expect(guessRun(['--jobs=1', 'docs'], cwd).jobs).toBe(1);
      expect(
        guessRun(['--preset=guidelines', '--report-skipped', 'docs'], cwd).warmUp.settings,
      ).toEqual({ preset: 'guidelines', reportSkipped: true });
      expect(guessRun(['docs/**/*.md'], cwd).manyFiles).toBe(true);
      const many = Array.from({ length: 51 }, (_, index) => `file-${index}.md`);
      expect(guessRun(many, cwd).manyFiles).toBe(true);
    } finally {
      await rm(cwd, { recursive: true, force: true });
    }
  });

  it('guesses no folder run for a file, standard input, other commands or option values', async () => {
    const cwd = await mkdtemp(path.join(tmpdir(), 'luxlint-guess-'));
    try {
      await mkdir(path.join(cwd, 'docs'));
      for (const args of [
        ['draft.md'],
        ['-'],
        ['--stdin', 'docs'],
        ['--jsonl'],
        ['--version'],
        ['lookup', 'docs'],
        ['list'],
        // `docs` is the value of --config, not an operand.
        ['--config', 'docs', 'draft.md'],
        ['-c', 'docs'],
        [],
      ])
        expect(guessRun(args, cwd).manyFiles, args.join(' ')).toBe(false);
      // After `--`, everything is an operand.
      expect(guessRun(['--', '--version', 'docs'], cwd).manyFiles).toBe(true);
    } finally {
      await rm(cwd, { recursive: true, force: true });
    }
  });

  it('tells runs that lint (files or standard input) from those that do not', async () => {
    const cwd = await mkdtemp(path.join(tmpdir(), 'luxlint-guess-'));
    try {
      const lints = (args: string[]): { lints: boolean; operands: readonly string[] } => {
        const { lints: linting, operands } = guessRun(args, cwd);
        return { lints: linting, operands };
      };
      expect(lints(['draft.md', 'notes.txt'])).toEqual({
        lints: true,
        operands: ['draft.md', 'notes.txt'],
      });
      expect(lints(['--format', 'json', '-c', 'conf.json', 'draft.md'])).toEqual({
        lints: true,
        operands: ['draft.md'],
      });
      // Standard input: linted, but no operand is read.
      for (const args of [['-'], ['--stdin', 'draft.md'], ['--jsonl']])
        expect(lints(args), args.join(' ')).toEqual({ lints: true, operands: [] });
      for (const args of [
        [],
        ['--version'],
        ['-h', 'draft.md'],
        ['lookup', 'pornography'],
        ['list'],
      ])
        expect(lints(args).lints, args.join(' ')).toBe(false);
    } finally {
      await rm(cwd, { recursive: true, force: true });
    }
  });
});
