import { createInterface } from 'node:readline';
import path from 'node:path';
import { ConfigResolver } from './config.js';
import { workerThreshold } from './early-start.js';
import {
  loadKnownValues,
  parseRuleFlags,
  type Io,
  type LintCommandOptions,
} from './lint-command.js';
import { LintPool } from './pool.js';
import { onlyWarnings, processFile } from './process-file.js';
import type { FileResult, FileTask, Settings, TextFormat } from './types.js';

const formats: readonly TextFormat[] = ['markdown', 'mdx', 'text', 'html'];

/** Lines read ahead of the one being answered, at most (bounds memory on any archive). */
const maxPending = 256;

function write(stream: NodeJS.WritableStream, text: string): Promise<void> | void {
  if (!stream.write(text)) return new Promise((resolve) => stream.once('drain', () => resolve()));
}

/** One input line: a document to lint, or the answer of a bad line. */
type Entry =
  | { readonly id: string | number; readonly line: number; readonly task: FileTask }
  | { readonly output: Record<string, unknown> };

/** Read one line into a task, or into the error line that answers it. */
function entryOf(line: string, lineNumber: number, settings: Settings): Entry {
  let id: unknown;
  try {
    let document: unknown;
    try {
      document = JSON.parse(line);
    } catch {
      // Not the engine's message: it differs between Node versions, and batch output should not.
      throw new Error('not valid JSON');
    }
    if (document === null || typeof document !== 'object' || Array.isArray(document))
      throw new Error('expected an object {"id", "text", "format"?}');
    const record = document as Record<string, unknown>;
    id = record['id'];
    if (typeof id !== 'string' && typeof id !== 'number')
      throw new Error('"id" must be a string or a number');
    if (typeof record['text'] !== 'string') throw new Error('"text" must be a string');
    const format = record['format'] ?? 'text';
    if (typeof format !== 'string' || !(formats as readonly string[]).includes(format)) {
      throw new Error(
        `"format" must be one of ${formats.join(', ')}, not ${JSON.stringify(format)}`,
      );
    }
    const task: FileTask = {
      absolutePath: '',
      path: `<stdin>:${lineNumber}`,
      settings,
      mode: 'none',
      text: record['text'],
      format: format as TextFormat,
    };
    return { id, line: lineNumber, task };
  } catch (error) {
    const message = (error as Error).message;
    return {
      output:
        typeof id === 'string' || typeof id === 'number'
          ? { id, line: lineNumber, error: message }
          : { line: lineNumber, error: message },
    };
  }
}

/**
 * Batch mode: one JSON document per input line (`{"id", "text", "format"?}`), one result line per
 * document, in order. A bad line gets `{id?, line, error}` and the run goes on; the exit status is
 * 2 if any line was bad, else 0 (findings are the output here, not a failure).
 *
 * Lines are answered as soon as they are linted, and at most `maxPending` are read ahead, so an
 * archive of any size streams through in constant memory, and a caller that writes one line and
 * waits for its answer gets it. The lines read while others are being linted form the next
 * batch; with `--jobs n` (n > 1), a batch of more than `workerThreshold` documents brings in
 * n − 1 worker threads, kept for the rest of the run. Pipelines that already run one process per
 * core (GNU `parallel`, Spark) leave `--jobs` out: one thread is the default here.
 */
export async function runJsonl(options: LintCommandOptions, io: Io): Promise<number> {
  const known = await loadKnownValues();
  const { settings: fromFile } = await new ConfigResolver(known, options.config).forFile(
    path.join(io.cwd, 'stdin.jsonl'),
  );
  const settings: Settings = { ...fromFile };
  if (options.preset) settings.preset = options.preset;
  if (options.reportSkipped) settings.reportSkipped = true;
  if (options.rule && options.rule.length > 0)
    settings.rules = { ...fromFile.rules, ...parseRuleFlags(options.rule, known) };
  const jobs = options.jobs ?? 1;

  // The reader fills `pending`; the loop below takes it whole as the next batch.
  let pending: Entry[] = [];
  let ended = false;
  let readError: unknown;
  let wakeLinter: (() => void) | undefined;
  let wakeReader: (() => void) | undefined;
  const reading = (async () => {
    const lines = createInterface({ input: io.stdin, crlfDelay: Number.POSITIVE_INFINITY });
    let lineNumber = 0;
    for await (const line of lines) {
      lineNumber++;
      if (line.trim() === '') continue;
      pending.push(entryOf(line, lineNumber, settings));
      wakeLinter?.();
      // Pausing here pauses the input: readline's iterator stops reading until asked again.
      while (pending.length >= maxPending)
        await new Promise<void>((resolve) => (wakeReader = resolve));
    }
  })().then(
    () => {
      ended = true;
      wakeLinter?.();
    },
    (error: unknown) => {
      readError = error;
      ended = true;
      wakeLinter?.();
    },
  );

  let bad = 0;
  let pool: LintPool | undefined;
  const answer = (entry: Entry, result?: FileResult): Promise<void> | void => {
    let output: Record<string, unknown>;
    if ('output' in entry) output = entry.output;
    else if (result?.error !== undefined)
      output = { id: entry.id, line: entry.line, error: result.error };
    else
      output = {
        id: entry.id,
        messages: options.quiet ? onlyWarnings(result?.messages ?? []) : (result?.messages ?? []),
      };
    if ('error' in output) bad++;
    return write(io.stdout, JSON.stringify(output) + '\n');
  };

  try {
    for (;;) {
      if (pending.length === 0) {
        if (ended) break;
        await new Promise<void>((resolve) => (wakeLinter = resolve));
        wakeLinter = undefined;
        continue;
      }
      const batch = pending;
      pending = [];
      wakeReader?.();
      wakeReader = undefined;
      const tasks: FileTask[] = [];
      /** Position in `batch` of each task. */
      const positions: number[] = [];
      for (const [position, entry] of batch.entries())
        if ('task' in entry) {
          tasks.push(entry.task);
          positions.push(position);
        }
      if (!pool && jobs > 1 && tasks.length > workerThreshold)
        pool = new LintPool(jobs - 1, { settings, format: 'text' });
      // Bad lines are answered in their place, between the documents around them.
      let answered = 0;
      const onResult = async (result: FileResult, index: number): Promise<void> => {
        const position = positions[index] as number;
        for (; answered < position; answered++) await answer(batch[answered] as Entry);
        await answer(batch[answered++] as Entry, result);
      };
      if (pool) await pool.run(tasks, onResult);
      else {
        let lastYield = performance.now();
        for (const [index, task] of tasks.entries()) {
          await onResult(await processFile(task), index);
          // Let the reader in now and then: linting never waits for I/O, so without a turn of
          // the event loop no line would be read until the batch is done.
          if (performance.now() - lastYield >= 4) {
            await new Promise<void>((resolve) => setImmediate(resolve));
            lastYield = performance.now();
          }
        }
      }
      for (; answered < batch.length; answered++) await answer(batch[answered] as Entry);
    }
  } finally {
    await pool?.close();
  }
  await reading;
  if (readError !== undefined) throw readError;
  return bad > 0 ? 2 : 0;
}
