import { isAscii } from 'node:buffer';
import { closeSync, openSync, readSync, statSync, type Stats } from 'node:fs';
import { open, stat } from 'node:fs/promises';

/** Files larger than this are refused before reading, so a stray disk image cannot exhaust memory. */
export const maxFileBytes = 100 * 1024 * 1024;

/** Raised for a file that cannot be linted; the message is the reason, without the path. */
export class ReadError extends Error {
  override name = 'ReadError';
}

/** Text of a file and what must be restored when writing it back. */
export interface DecodedText {
  text: string;
  /** The file started with a UTF-8 byte order mark (removed from `text`, offsets exclude it). */
  bom: boolean;
}

function megabytes(bytes: number): string {
  return `${(bytes / 1024 / 1024).toFixed(bytes < 10 * 1024 * 1024 ? 1 : 0)} MB`;
}

/** What `--fix` needs to know about a file it read, to write it back safely. */
export interface FileStats {
  size: number;
  mode: number;
  mtimeMs: number;
}

function statError(error: unknown): ReadError {
  const code = (error as NodeJS.ErrnoException).code;
  return new ReadError(
    code === 'ENOENT'
      ? 'no such file or directory'
      : code === 'EACCES' || code === 'EPERM'
        ? 'permission denied'
        : `cannot read (${code ?? String(error)})`,
  );
}

function checkStats(stats: Stats): FileStats {
  if (stats.isDirectory()) throw new ReadError('is a directory');
  if (!stats.isFile()) throw new ReadError('not a regular file');
  if (stats.size > maxFileBytes) {
    throw new ReadError(
      `file too large (${megabytes(stats.size)}; the limit is ${megabytes(maxFileBytes)})`,
    );
  }
  return { size: stats.size, mode: stats.mode, mtimeMs: stats.mtimeMs };
}

function openError(error: unknown): ReadError {
  const code = (error as NodeJS.ErrnoException).code;
  return new ReadError(
    code === 'EACCES' || code === 'EPERM'
      ? 'permission denied'
      : `cannot open (${code ?? String(error)})`,
  );
}

const tooLarge = (): ReadError => new ReadError(`file too large (over ${megabytes(maxFileBytes)})`);

/** Refuse what is not a regular file or is over the size limit; returns the size. */
export async function checkFile(absolutePath: string): Promise<FileStats> {
  let stats;
  try {
    stats = await stat(absolutePath);
  } catch (error) {
    throw statError(error);
  }
  return checkStats(stats);
}

/** Read at most `maxFileBytes + 1` bytes, whatever `stat` said (it can lie for special files). */
export async function readBytes(absolutePath: string): Promise<Buffer> {
  let handle;
  try {
    handle = await open(absolutePath, 'r');
  } catch (error) {
    throw openError(error);
  }
  try {
    const chunks: Buffer[] = [];
    let total = 0;
    for (;;) {
      const chunk = Buffer.allocUnsafe(Math.min(1024 * 1024, maxFileBytes + 1 - total));
      const { bytesRead } = await handle.read(chunk, 0, chunk.length, null);
      if (bytesRead === 0) break;
      chunks.push(bytesRead === chunk.length ? chunk : chunk.subarray(0, bytesRead));
      total += bytesRead;
      if (total > maxFileBytes) throw tooLarge();
    }
    return Buffer.concat(chunks, total);
  } finally {
    await handle.close();
  }
}

/**
 * `checkFile` then `readBytes`, synchronously, with the same checks and messages. A folder run
 * reads thousands of small files one after another; each asynchronous call is a round trip
 * through libuv's thread pool, and the five per file left the linting thread idle for about a
 * third of the run. (Checking before opening keeps a FIFO from blocking the open.)
 */
export function readFileChecked(absolutePath: string): { bytes: Buffer; stats: FileStats } {
  let stats: FileStats;
  try {
    stats = checkStats(statSync(absolutePath));
  } catch (error) {
    throw error instanceof ReadError ? error : statError(error);
  }
  let descriptor: number;
  try {
    descriptor = openSync(absolutePath, 'r');
  } catch (error) {
    throw openError(error);
  }
  try {
    const chunks: Buffer[] = [];
    let total = 0;
    // The size `stat` gave, plus one byte to notice a file that grew; then more as needed.
    let wanted = Math.min(stats.size + 1, maxFileBytes + 1);
    for (;;) {
      const chunk = Buffer.allocUnsafe(wanted);
      const bytesRead = readSync(descriptor, chunk, 0, chunk.length, null);
      if (bytesRead === 0) break;
      chunks.push(bytesRead === chunk.length ? chunk : chunk.subarray(0, bytesRead));
      total += bytesRead;
      if (total > maxFileBytes) throw tooLarge();
      // All that `stat` promised, and a short read: the end, without one more read to be told
      // so. (Files whose size `stat` does not know, such as those of /proc, read on to the end.)
      if (bytesRead < chunk.length && total === stats.size) break;
      wanted = Math.min(1024 * 1024, maxFileBytes + 1 - total);
    }
    return {
      bytes: chunks.length === 1 ? (chunks[0] as Buffer) : Buffer.concat(chunks, total),
      stats,
    };
  } finally {
    closeSync(descriptor);
  }
}

/** Reused: `decode` without `stream` starts afresh each time. */
const strictUtf8 = new TextDecoder('utf-8', { fatal: true });

function latin1(bytes: Uint8Array): string {
  return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('latin1');
}

/** Decode UTF-8 strictly: binary data, UTF-16 and malformed UTF-8 are refused, never guessed. */
export function decodeText(bytes: Uint8Array): DecodedText {
  if ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff)) {
    throw new ReadError('UTF-16 text is not supported (save the file as UTF-8)');
  }
  const nul = bytes.indexOf(0);
  if (nul !== -1) throw new ReadError(`binary file (NUL byte at offset ${nul}), not text`);
  // Plain ASCII (most files of an English archive) needs no UTF-8 decoding at all.
  if (isAscii(bytes)) return { text: latin1(bytes), bom: false };
  const bom = bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf;
  try {
    // `fatal` makes malformed sequences throw instead of becoming U+FFFD; the BOM is dropped.
    const text = strictUtf8.decode(bytes);
    return { text, bom };
  } catch {
    throw new ReadError(
      `invalid UTF-8 (first bad byte at offset ${firstInvalidUtf8Byte(bytes)}); save the file as UTF-8`,
    );
  }
}

/** Offset of the first byte that starts an invalid UTF-8 sequence. */
function firstInvalidUtf8Byte(bytes: Uint8Array): number {
  let index = 0;
  while (index < bytes.length) {
    const byte = bytes[index] ?? 0;
    const length =
      byte < 0x80
        ? 1
        : byte >= 0xc2 && byte <= 0xdf
          ? 2
          : byte >= 0xe0 && byte <= 0xef
            ? 3
            : byte >= 0xf0 && byte <= 0xf4
              ? 4
              : 0;
    if (length === 0) return index;
    if (length > 1) {
      if (index + length > bytes.length) return index;
      for (let next = 1; next < length; next++) {
        if (((bytes[index + next] ?? 0) & 0xc0) !== 0x80) return index;
      }
      const second = bytes[index + 1] ?? 0;
      // Overlong, surrogate and out-of-range forms.
      if (
        (byte === 0xe0 && second < 0xa0) ||
        (byte === 0xed && second > 0x9f) ||
        (byte === 0xf0 && second < 0x90) ||
        (byte === 0xf4 && second > 0x8f)
      ) {
        return index;
      }
    }
    index += length;
  }
  return index;
}
