import { chmod, chown, open, realpath, rename, stat, unlink } from 'node:fs/promises';
import path from 'node:path';
import type * as LintModuleExports from './lint-module.js';
import { LineIndex, toJsonMessage } from './messages.js';
import {
  checkFile,
  decodeText,
  maxFileBytes,
  readBytes,
  readFileChecked,
  ReadError,
  type FileStats,
} from './read.js';
import type { FileResult, FileTask, JsonMessage, TextFormat } from './types.js';

type LintModule = typeof LintModuleExports;

let lintModule: Promise<LintModule> | undefined;

/** `@luxlint/lint` is loaded on first use: `lookup`, `list` and `--version` never pay for it. */
export function loadLintModule(): Promise<LintModule> {
  lintModule ??= import('./lint-module.js');
  return lintModule;
}

function isDocx(filePath: string): boolean {
  return filePath.toLowerCase().endsWith('.docx');
}

/** Lint with only `format`'s parser loaded (HTML and MDX support are most of the code). */
async function lintText(lint: LintModule, text: string, task: FileTask, format: TextFormat) {
  const lintFormat = await lint.loadLint([format]);
  return lintFormat(text, { ...task.settings, format, path: task.path });
}

/** Lint one file (and fix it, when asked). Never throws: problems become `error`. */
export async function processFile(task: FileTask): Promise<FileResult> {
  const result: FileResult = { path: task.path, messages: [], bytes: 0 };
  try {
    const lint = await loadLintModule();
    if (task.text === undefined && isDocx(task.absolutePath)) {
      return await processDocx(lint, task, result);
    }
    let text: string;
    let bom = false;
    let fileStats: FileStats | undefined;
    if (task.text === undefined) {
      let bytes: Buffer;
      ({ bytes, stats: fileStats } = readFileChecked(task.absolutePath));
      result.bytes = bytes.length;
      ({ text, bom } = decodeText(bytes));
    } else {
      text = task.text;
      result.bytes = Buffer.byteLength(text);
    }
    const format = task.format ?? lint.formatFromPath(task.path) ?? 'text';
    let file;
    try {
      file = await lintText(lint, text, task, format);
    } catch (error) {
      // The parsers and tree walkers recurse: thousands of nested lists, quotes or elements
      // overflow the stack. Say what is wrong with the file, not what broke inside.
      if (error instanceof RangeError && /call stack/i.test(error.message)) {
        throw new ReadError(
          `cannot be parsed as ${format}: nested too deeply or a word too long (the parser ran out of stack)`,
        );
      }
      throw new ReadError(
        `cannot be parsed as ${format}: ${(error as Error).message.split('\n')[0]}`,
      );
    }
    // Most files of a large run have no findings: index their lines only when needed.
    if (file.messages.length > 0) {
      const lines = new LineIndex(text);
      result.messages = file.messages.map((message) => toJsonMessage(message, lines));
    }
    if (task.mode === 'none' || !result.messages.some((message) => message.fix)) return result;

    const fixed = lint.applyFixes(text, file.messages);
    if (fixed === text) return result;
    const count = result.messages.filter((message) => message.fix).length;
    if (task.mode === 'dry-run') {
      const { createTwoFilesPatch } = await import('diff');
      result.diff = createTwoFilesPatch(
        `a/${task.path}`,
        `b/${task.path}`,
        text,
        fixed,
        undefined,
        undefined,
        { context: 3 },
      );
    } else {
      if (!fileStats)
        throw new ReadError('standard input cannot be fixed in place; use --fix-dry-run');
      await writeAtomically(task.absolutePath, (bom ? '\uFEFF' : '') + fixed, fileStats);
      result.fixed = count;
    }
    // Report what is left after the fixes, with positions in the fixed text.
    const after = await lintText(lint, fixed, task, format);
    const fixedLines = new LineIndex(fixed);
    result.messages = after.messages.map((message) => toJsonMessage(message, fixedLines));
    return result;
  } catch (error) {
    result.messages = [];
    // One line per file, whatever happened; LUXLINT_DEBUG=1 adds the stack for a bug report.
    const detail = process.env['LUXLINT_DEBUG'] ? `\n${(error as Error).stack ?? ''}` : '';
    result.error =
      error instanceof ReadError
        ? error.message
        : `internal error, please report it: ${String((error as Error).message ?? error).split('\n')[0]}${detail}`;
    return result;
  }
}

async function processDocx(
  lint: LintModule,
  task: FileTask,
  result: FileResult,
): Promise<FileResult> {
  await checkFile(task.absolutePath);
  const bytes = await readBytes(task.absolutePath);
  result.bytes = bytes.length;
  await checkDocxInflatedSize(bytes);
  const { default: mammoth } = await import('mammoth');
  let text: string;
  try {
    ({ value: text } = await mammoth.extractRawText({ buffer: bytes }));
  } catch (error) {
    throw new ReadError(
      `not a readable Word document (${(error as Error).message.split('\n')[0]})`,
    );
  }
  const file = await lintText(lint, text, task, 'text');
  // mammoth ends every paragraph with a blank line; a lone newline is a line break inside one.
  const paragraphs = new LineIndex(text, /\n\n/g);
  result.positions = 'paragraph';
  result.messages = file.messages.map((message) =>
    toJsonMessage(message, new LineIndex(text), paragraphs),
  );
  if (task.mode !== 'none' && result.messages.length > 0) {
    result.notice =
      '--fix does not change Word documents (.docx is read-only here); the findings are listed instead';
  }
  return result;
}

/** Any one part of a Word document may inflate to at most this (the limit of a text file). */
export const maxDocxPartBytes = maxFileBytes;

/**
 * Refuse a zip bomb before mammoth inflates it whole: stream every part, counting the bytes
 * actually inflated (the sizes a zip declares can lie), and stop at the first part over the limit.
 * A file that is not a zip is left for mammoth to report.
 */
async function checkDocxInflatedSize(bytes: Buffer): Promise<void> {
  const { default: JSZip } = await import('jszip');
  let zip;
  try {
    zip = await JSZip.loadAsync(bytes);
  } catch {
    return;
  }
  for (const entry of Object.values(zip.files)) {
    if (entry.dir) continue;
    const inflated = await new Promise<number | 'too-large'>((resolve, reject) => {
      let total = 0;
      const stream = entry.nodeStream('nodebuffer');
      stream.on('data', (chunk: Buffer) => {
        total += chunk.length;
        if (total > maxDocxPartBytes) {
          stream.removeAllListeners('data');
          (stream as unknown as { destroy?: () => void }).destroy?.();
          resolve('too-large');
        }
      });
      stream.on('error', reject);
      stream.on('end', () => resolve(total));
    }).catch((error: unknown) => {
      throw new ReadError(
        `not a readable Word document (${String((error as Error).message ?? error).split('\n')[0]})`,
      );
    });
    if (inflated === 'too-large') {
      throw new ReadError(
        `not read: the Word document's part ${entry.name} inflates to over ${maxDocxPartBytes / 1024 / 1024} MB (a zip bomb?)`,
      );
    }
  }
}

/**
 * Replace a file's content atomically: a temp file in the same folder (same file system, so
 * `rename` is atomic), same mode (and owner, when allowed), then rename over the original. A
 * symbolic link is kept and its target rewritten. A file that changed since it was read is left
 * alone.
 */
async function writeAtomically(
  absolutePath: string,
  content: string,
  before: { size: number; mode: number; mtimeMs: number },
): Promise<void> {
  const target = await realpath(absolutePath);
  const current = await stat(target);
  if (current.size !== before.size || current.mtimeMs !== before.mtimeMs) {
    throw new ReadError('changed on disk while being linted; not fixed (run again)');
  }
  // Root (and a rename in a writable folder) would replace a read-only file anyway: its mode
  // bits say the owner does not want it changed, so honour them.
  if ((current.mode & 0o222) === 0) {
    throw new ReadError('read-only file (no write permission bit set); not fixed');
  }
  // Loaded here: only --fix writes files, and crypto is some twenty of Node's own modules to
  // compile on every start.
  const { randomBytes } = await import('node:crypto');
  const temporary = path.join(
    path.dirname(target),
    `.${path.basename(target)}.luxlint-${process.pid}-${randomBytes(4).toString('hex')}.tmp`,
  );
  const mode = current.mode & 0o7777;
  try {
    const handle = await open(temporary, 'wx', mode);
    try {
      await handle.writeFile(content, 'utf8');
      await handle.sync();
    } finally {
      await handle.close();
    }
    // `open` applies the umask; set the exact mode and owner of the original.
    await chmod(temporary, mode);
    if (process.getuid?.() === 0)
      await chown(temporary, current.uid, current.gid).catch(() => undefined);
    await rename(temporary, target);
  } catch (error) {
    await unlink(temporary).catch(() => undefined);
    if (error instanceof ReadError) throw error;
    throw new ReadError(
      `cannot write the fixed file (${(error as NodeJS.ErrnoException).code ?? String(error)}); left unchanged`,
    );
  }
}

/** Keep only warnings (`--quiet`). */
export function onlyWarnings(messages: JsonMessage[]): JsonMessage[] {
  return messages.filter((message) => message.severity === 'warning');
}
