import path from 'node:path';
import {
  ConfigError,
  ConfigResolver,
  checkRuleId,
  checkRuleLevel,
  type KnownValues,
} from './config.js';
import { discover } from './discover.js';
import {
  defaultJobs,
  mayHoldManyFiles,
  workerThreshold,
  type EarlyWorkers,
} from './early-start.js';
import { LintPool, runTasks } from './pool.js';
import { loadLintModule, onlyWarnings } from './process-file.js';
import { decodeText, maxFileBytes, ReadError } from './read.js';
import type { ReportContext, Reporter } from './reporters/types.js';
import type { FileResult, FileTask, FixMode, RuleLevel, Settings, TextFormat } from './types.js';

export const outputFormats = ['stylish', 'json', 'sarif', 'github'] as const;
export type OutputFormat = (typeof outputFormats)[number];

/** Options of the default command, as commander parses them. */
export interface LintCommandOptions {
  format: OutputFormat;
  fix?: boolean;
  fixDryRun?: boolean;
  preset?: 'guidelines' | 'all';
  rule?: string[];
  reportSkipped?: boolean;
  quiet?: boolean;
  maxWarnings?: number;
  color: boolean;
  config?: string;
  stdin?: boolean;
  stdinFilename?: string;
  jsonl?: boolean;
  jobs?: number;
  verbose?: boolean;
}

/** Where output goes; tests and the API can pass their own. */
export interface Io {
  stdout: NodeJS.WritableStream & { isTTY?: boolean };
  stderr: NodeJS.WritableStream & { isTTY?: boolean };
  stdin: NodeJS.ReadableStream;
  cwd: string;
  env: NodeJS.ProcessEnv;
}

export class UsageError extends Error {
  override name = 'UsageError';
}

export async function loadKnownValues(): Promise<
  KnownValues & { describe: NonNullable<ReportContext['describeRule']> }
> {
  const { terms, languagePacks } = await import('@luxlint/terms');
  const byId = new Map(terms.map((term) => [term.id, term]));
  const langs = Object.keys(languagePacks);
  return {
    ruleIds: terms.map((term) => term.id),
    langs: langs.length > 0 ? langs : ['en'],
    describe(id) {
      const term = byId.get(id);
      return term
        ? { term: term.text.en.term, summary: term.text.en.summary, status: term.status }
        : undefined;
    },
  };
}

/** Parse repeated `--rule id=level` values into a `rules` object (validated). */
export function parseRuleFlags(
  values: readonly string[],
  known: KnownValues,
): Record<string, RuleLevel> {
  const rules: Record<string, RuleLevel> = {};
  for (const value of values) {
    const equals = value.lastIndexOf('=');
    if (equals <= 0)
      throw new ConfigError(`--rule ${JSON.stringify(value)}: expected <id>=off|caution|avoid`);
    const id = value.slice(0, equals).trim();
    checkRuleId(id, '--rule', known);
    rules[id] = checkRuleLevel(value.slice(equals + 1).trim(), `--rule ${id}`);
  }
  return rules;
}

/** Command-line flags win over the config file; `rules` merge per id. */
function mergeSettings(fromFile: Settings, flags: Settings): Settings {
  const merged: Settings = { ...fromFile };
  if (flags.preset) merged.preset = flags.preset;
  if (flags.reportSkipped) merged.reportSkipped = true;
  if (flags.rules) merged.rules = { ...fromFile.rules, ...flags.rules };
  return merged;
}

export function useColor(options: { color: boolean }, io: Io): boolean {
  if (!options.color) return false;
  if (io.env['NO_COLOR'] !== undefined && io.env['NO_COLOR'] !== '') return false;
  if (io.env['FORCE_COLOR'] !== undefined && io.env['FORCE_COLOR'] !== '0') return true;
  return io.stdout.isTTY === true;
}

function write(stream: NodeJS.WritableStream, text: string): Promise<void> | void {
  if (text === '') return;
  if (!stream.write(text)) return new Promise((resolve) => stream.once('drain', () => resolve()));
}

/**
 * Output of a run, written in pieces of about 64 KB rather than one write per file: a folder run
 * of thousands of files otherwise spent a tenth of the main thread's time in writes. A terminal
 * gets each file's report at once (someone is watching).
 */
function bufferedWriter(stream: NodeJS.WritableStream & { isTTY?: boolean }): {
  add(text: string): Promise<void> | void;
  flush(): Promise<void> | void;
} {
  if (stream.isTTY === true) return { add: (text) => write(stream, text), flush() {} };
  let pending: string[] = [];
  let length = 0;
  const flush = (): Promise<void> | void => {
    if (length === 0) return;
    const text = pending.join('');
    pending = [];
    length = 0;
    return write(stream, text);
  };
  return {
    add(text) {
      if (text === '') return;
      pending.push(text);
      length += text.length;
      if (length >= 65_536) return flush();
    },
    flush,
  };
}

async function createReporter(format: OutputFormat, context: ReportContext): Promise<Reporter> {
  switch (format) {
    case 'json':
      return (await import('./reporters/json.js')).createJsonReporter();
    case 'sarif':
      return (await import('./reporters/sarif.js')).createSarifReporter(context);
    case 'github':
      return (await import('./reporters/github.js')).createGithubReporter();
    default:
      return (await import('./reporters/stylish.js')).createStylishReporter(context);
  }
}

async function readStdin(stream: NodeJS.ReadableStream): Promise<string> {
  const chunks: Buffer[] = [];
  let total = 0;
  for await (const chunk of stream) {
    const buffer = typeof chunk === 'string' ? Buffer.from(chunk) : (chunk as Buffer);
    total += buffer.length;
    if (total > maxFileBytes)
      throw new ReadError(`input too large (over ${maxFileBytes / 1024 / 1024} MB)`);
    chunks.push(buffer);
  }
  return decodeText(Buffer.concat(chunks, total)).text;
}

/** A progress line on stderr, redrawn in place; only for people watching a terminal. */
function createProgress(io: Io, total: number): { tick(): void; done(): void } {
  if (io.stderr.isTTY !== true || total <= workerThreshold) return { tick() {}, done() {} };
  let count = 0;
  let last = 0;
  const draw = (): void => {
    const width = 30;
    const filled = Math.round((count / total) * width);
    io.stderr.write(
      `\r[${'#'.repeat(filled)}${' '.repeat(width - filled)}] ${count}/${total} files`,
    );
  };
  return {
    tick() {
      count++;
      const now = Date.now();
      if (now - last > 100 || count === total) {
        last = now;
        draw();
      }
    },
    done() {
      io.stderr.write('\r\u001B[2K');
    },
  };
}

/** The default command: lint files, folders, globs or standard input. Returns the exit status. */
export async function runLint(
  operands: readonly string[],
  options: LintCommandOptions,
  io: Io,
  version: string,
  early?: EarlyWorkers,
): Promise<number> {
  if (options.fix && options.fixDryRun)
    throw new UsageError('--fix and --fix-dry-run cannot be used together');
  const useStdin = options.stdin === true || operands.includes('-');
  const paths = operands.filter((operand) => operand !== '-');
  if (useStdin && paths.length > 0)
    throw new UsageError('give either files or standard input (-), not both');
  if (!useStdin && paths.length === 0)
    throw new UsageError('no files given (try `luxlint .`, or `-` to read standard input)');
  if (useStdin && options.fix)
    throw new UsageError(
      '--fix cannot write to standard input; use --fix-dry-run to see the changes',
    );

  // Workers take a few hundred milliseconds to load and compile: start them now (if bin.ts did
  // not already), while the files are found, when the operands are likely to hold more files
  // than one thread should do.
  const manyFiles = !useStdin && mayHoldManyFiles(paths, io.cwd);
  const likelyJobs = options.jobs ?? defaultJobs();
  let pool: LintPool | undefined;
  const started = early?.take();
  if (started) pool = new LintPool(started);
  else if (!early && manyFiles && likelyJobs > 1)
    pool = new LintPool(likelyJobs - 1, {
      settings: {
        ...(options.preset ? { preset: options.preset } : {}),
        ...(options.reportSkipped ? { reportSkipped: true } : {}),
      },
      format: 'markdown',
    });
  try {
    return await lintFiles(useStdin, paths, options, io, version, pool, manyFiles);
  } finally {
    await pool?.close();
  }
}

async function lintFiles(
  useStdin: boolean,
  paths: readonly string[],
  options: LintCommandOptions,
  io: Io,
  version: string,
  pool: LintPool | undefined,
  manyFiles: boolean,
): Promise<number> {
  // Load the linting code while the files are found (the reads leave this thread idle).
  if (manyFiles) loadLintModule().catch(() => undefined);
  const known = await loadKnownValues();
  const flags: Settings = {};
  if (options.preset) flags.preset = options.preset;
  if (options.reportSkipped) flags.reportSkipped = true;
  if (options.rule && options.rule.length > 0) flags.rules = parseRuleFlags(options.rule, known);
  const resolver = new ConfigResolver(known, options.config);
  const mode: FixMode = options.fix ? 'fix' : options.fixDryRun ? 'dry-run' : 'none';

  const errors: FileResult[] = [];
  const reportedConfigErrors = new Set<string>();
  const tasks: FileTask[] = [];
  const addError = (filePath: string, error: string): void => {
    errors.push({ path: filePath, messages: [], error, bytes: 0 });
    io.stderr.write(`${filePath}: ${error}\n`);
  };

  if (useStdin) {
    const stdinPath = options.stdinFilename ?? '<stdin>';
    const absolutePath = path.resolve(io.cwd, options.stdinFilename ?? 'stdin');
    try {
      const text = await readStdin(io.stdin);
      const { settings } = await resolver.forFile(absolutePath);
      const task: FileTask = {
        absolutePath,
        path: stdinPath,
        settings: mergeSettings(settings, flags),
        mode,
        text,
      };
      const { formatFromPath } = await loadLintModule();
      const format: TextFormat | undefined = options.stdinFilename
        ? formatFromPath(options.stdinFilename)
        : undefined;
      task.format = format ?? 'markdown';
      tasks.push(task);
    } catch (error) {
      if (error instanceof ConfigError) {
        errors.push({ path: stdinPath, messages: [], error: error.message, bytes: 0 });
        io.stderr.write(`${error.message}\n`);
      } else if (error instanceof ReadError) {
        addError(stdinPath, error.message);
      } else {
        throw error;
      }
    }
  } else {
    const { entries, ignored } = await discover(paths, io.cwd);
    for (const file of ignored) io.stderr.write(`${file}: skipped (listed in .luxlintignore)\n`);
    for (const entry of entries) {
      if ('error' in entry) {
        addError(entry.path, entry.error);
        continue;
      }
      try {
        const { settings } = await resolver.forFile(entry.absolutePath);
        tasks.push({
          absolutePath: entry.absolutePath,
          path: entry.path,
          settings: mergeSettings(settings, flags),
          mode,
        });
      } catch (error) {
        if (!(error instanceof ConfigError)) throw error;
        // One line per broken config, not one per file under it.
        if (!reportedConfigErrors.has(error.message)) {
          reportedConfigErrors.add(error.message);
          io.stderr.write(`${error.message}\n`);
        }
        errors.push({ path: entry.path, messages: [], error: error.message, bytes: 0 });
      }
    }
  }

  const context: ReportContext = {
    color: useColor(options, io),
    verbose: options.verbose === true,
    quiet: options.quiet === true,
    cwd: io.cwd,
    version,
    describeRule: known.describe,
  };
  const reporter = await createReporter(options.format, context);
  const progress = createProgress(io, tasks.length);
  const jobs = options.jobs ?? (tasks.length > workerThreshold ? defaultJobs() : 1);
  let warnings = 0;
  const output = bufferedWriter(io.stdout);
  const notices: string[] = [];
  let diffs = 0;

  try {
    await runTasks(
      tasks,
      jobs,
      async (result) => {
        progress.tick();
        if (result.error !== undefined) {
          errors.push(result);
          io.stderr.write(`${result.path}: ${result.error}\n`);
          return;
        }
        if (options.quiet) result.messages = onlyWarnings(result.messages);
        warnings += result.messages.filter((message) => message.severity === 'warning').length;
        if (result.notice) notices.push(`${result.path}: ${result.notice}`);
        if (mode === 'dry-run') {
          if (result.diff) {
            diffs++;
            await output.add(result.diff);
          }
          return;
        }
        await output.add(reporter.add(result));
      },
      pool,
    );
  } finally {
    await output.flush();
  }
  progress.done();
  if (mode === 'dry-run') {
    io.stderr.write(
      diffs === 0
        ? 'No safe fixes to apply.\n'
        : `${diffs} file${diffs === 1 ? '' : 's'} would change (nothing was written).\n`,
    );
  } else {
    await write(io.stdout, reporter.finish(errors));
  }
  for (const notice of notices) io.stderr.write(`${notice}\n`);

  if (errors.length > 0) return 2;
  if (options.maxWarnings !== undefined) {
    if (warnings > options.maxWarnings) {
      io.stderr.write(
        `luxlint found ${warnings} warning${warnings === 1 ? '' : 's'}, more than --max-warnings ${options.maxWarnings}.\n`,
      );
      return 1;
    }
    return 0;
  }
  return warnings > 0 ? 1 : 0;
}
