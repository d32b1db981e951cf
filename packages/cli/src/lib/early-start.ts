import { statSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import path from 'node:path';
import { Worker } from 'node:worker_threads';
import type { Settings, TextFormat } from './types.js';

// Kept small and free of the linting code: bin.ts loads it before anything else, so that worker
// threads boot while the main thread is still loading commander and finding the files.

/** Files above this count are spread over worker threads by default. */
export const workerThreshold = 50;

/** Threads to lint with when `--jobs` is not given (the main one included). */
export function defaultJobs(): number {
  return Math.min(availableParallelism(), 4);
}

/** What a worker compiles before its first file (the configuration most files will use). */
export interface WarmUp {
  readonly settings: Settings;
  readonly format: TextFormat;
}

/** Whether the operands may name more than `workerThreshold` files: a folder, a glob, many paths. */
export function mayHoldManyFiles(paths: readonly string[], cwd: string): boolean {
  if (paths.length > workerThreshold) return true;
  return paths.some((operand) => {
    if (/[*?[\]{}!]/.test(operand)) return true;
    try {
      return statSync(path.resolve(cwd, operand)).isDirectory();
    } catch {
      return false;
    }
  });
}

/** Options of the default command that take a value (the next argument, unless `--x=value`). */
const valueOptions = new Set([
  '-f',
  '--format',
  '--preset',
  '--rule',
  '--max-warnings',
  '-c',
  '--config',
  '--stdin-filename',
  '-j',
  '--jobs',
]);
/** Arguments after which nothing is linted. */
const notLinting = new Set(['-h', '--help', '-V', '--version']);
/** Arguments after which linting reads standard input, not the operands. */
const readsInput = new Set(['--jsonl', '--stdin', '-']);
const subcommands = new Set(['lookup', 'explain', 'list', 'init', 'export', 'help']);

/** A quick guess, before commander parses the command line, at what kind of run this is. */
export interface RunGuess {
  /** The operands may hold many files (see `mayHoldManyFiles`). */
  readonly manyFiles: boolean;
  /** Threads the run would use if it does hold many files. */
  readonly jobs: number;
  readonly warmUp: WarmUp;
  /** The command lints something: operands or standard input (not help, a version, a subcommand). */
  readonly lints: boolean;
  /** The operands (files, folders, globs), when it lints them. */
  readonly operands: readonly string[];
}

/**
 * Guess from the raw arguments (`process.argv.slice(2)`) whether this is a lint run over many
 * files, and with how many threads. A wrong guess costs time, never correctness: workers started
 * for nothing are stopped, and a run guessed small still lints everything.
 */
export function guessRun(args: readonly string[], cwd: string): RunGuess {
  const operands: string[] = [];
  let jobs: number | undefined;
  let preset: Settings['preset'];
  let reportSkipped = false;
  let linting = true;
  let input = false;
  for (let index = 0; index < args.length; index++) {
    const argument = args[index] as string;
    if (argument === '--') {
      operands.push(...args.slice(index + 1));
      break;
    }
    if (operands.length === 0 && subcommands.has(argument)) linting = false;
    if (notLinting.has(argument)) linting = false;
    if (readsInput.has(argument)) input = true;
    const equals = argument.startsWith('--') ? argument.indexOf('=') : -1;
    const name = equals === -1 ? argument : argument.slice(0, equals);
    let value: string | undefined;
    if (equals !== -1) value = argument.slice(equals + 1);
    else if (valueOptions.has(name)) value = args[++index];
    else if (/^-j\d+$/.test(argument)) value = argument.slice(2);
    if (name === '-j' || name === '--jobs' || /^-j\d+$/.test(argument)) jobs = Number(value);
    else if (name === '--preset' && (value === 'guidelines' || value === 'all')) preset = value;
    else if (name === '--report-skipped') reportSkipped = true;
    else if (!argument.startsWith('-') || argument === '-') {
      if (value === undefined) operands.push(argument);
    }
  }
  const settings: Settings = {
    ...(preset ? { preset } : {}),
    ...(reportSkipped ? { reportSkipped: true } : {}),
  };
  const files = linting && !input ? operands : [];
  return {
    manyFiles: files.length > 0 && mayHoldManyFiles(files, cwd),
    jobs: jobs !== undefined && Number.isSafeInteger(jobs) && jobs >= 1 ? jobs : defaultJobs(),
    warmUp: { settings, format: 'markdown' },
    lints: linting && (input || operands.length > 0),
    operands: files,
  };
}

/**
 * Start loading the linting code, and the parser of each operand's format (Markdown for folders,
 * globs and standard input), while the main thread still loads the command. The module's file
 * reads then overlap the command's compiling: about 20 ms of a one-draft run's ~300. A failure
 * is left for the real use of the module to report.
 */
export function preloadLint(operands: readonly string[]): void {
  import('./lint-module.js')
    .then((lint) =>
      lint.loadLint([
        ...new Set(
          operands.length === 0
            ? (['markdown'] as const)
            : operands.map((operand) => lint.formatFromPath(operand) ?? 'markdown'),
        ),
      ]),
    )
    .catch(() => undefined);
}

/**
 * Worker threads started before the command line is parsed. `take` hands them to the run that
 * uses them; `close` stops them if nothing took them (another command, a run with few files).
 */
export class EarlyWorkers {
  #workers: Worker[] | undefined;

  constructor(workers: Worker[]) {
    this.#workers = workers;
  }

  /** The workers (once), or undefined when none were started or they were taken already. */
  take(): Worker[] | undefined {
    const workers = this.#workers;
    this.#workers = undefined;
    return workers && workers.length > 0 ? workers : undefined;
  }

  async close(): Promise<void> {
    const workers = this.take();
    if (workers) await Promise.all(workers.map((worker) => worker.terminate()));
  }
}

/** The worker thread's entry beside this module (dist/lib/ or the flat bundle). */
export const workerScript = new URL('./worker.js', import.meta.url);

/**
 * Start `count` workers that load the linting code and compile `warmUp` at once. They never keep
 * the process alive while idle, and an early failure (a missing entry, a crash while loading) is
 * recorded rather than thrown: the pool that adopts them sees them dead and lints in this thread.
 */
export function startWorkers(count: number, warmUp: WarmUp, script: URL = workerScript): Worker[] {
  return Array.from({ length: count }, () => {
    const worker = new Worker(script, { workerData: warmUp });
    worker.unref();
    markGoneEarly(worker);
    return worker;
  });
}

/** Workers whose thread has stopped (an error or an exit), whether or not a pool watched. */
const gone = new WeakSet<Worker>();

function markGoneEarly(worker: Worker): void {
  const mark = (): void => {
    gone.add(worker);
  };
  worker.on('error', mark);
  worker.on('exit', mark);
}

/** Whether the thread of `worker` has already failed or exited. */
export function isGone(worker: Worker): boolean {
  return gone.has(worker);
}
