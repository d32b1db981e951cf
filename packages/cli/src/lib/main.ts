import { readFileSync } from 'node:fs';
import { Argument, Command, CommanderError, InvalidArgumentError, Option } from 'commander';
import type { EarlyWorkers } from './early-start.js';
import type { Io, LintCommandOptions } from './lint-command.js';

// Only commander is imported up front; each command loads its own modules when it runs, so
// `--version`, `lookup` and `list` never load the unified/retext pipeline.

export function readVersion(): string {
  const manifest = JSON.parse(
    readFileSync(new URL('../../package.json', import.meta.url), 'utf8'),
  ) as { version: string };
  return manifest.version;
}

function nonNegativeInteger(value: string): number {
  const number = Number(value);
  if (!/^\d+$/.test(value) || !Number.isSafeInteger(number))
    throw new InvalidArgumentError('expected a whole number, 0 or more.');
  return number;
}

function positiveInteger(value: string): number {
  const number = nonNegativeInteger(value);
  if (number < 1) throw new InvalidArgumentError('expected a whole number, 1 or more.');
  return number;
}

function collect(value: string, previous: string[]): string[] {
  return [...previous, value];
}

function defaultIo(): Io {
  return {
    stdout: process.stdout,
    stderr: process.stderr,
    stdin: process.stdin,
    cwd: process.cwd(),
    env: process.env,
  };
}

/**
 * Run the command line (`argv` as in `process.argv`: node, script, then arguments) and resolve
 * with the exit status: 0 clean (or info only), 1 findings at the failing level, 2 usage,
 * config or read errors. `early`: worker threads bin.ts started before parsing (a folder run
 * takes them; they are stopped if nothing does).
 */
export async function main(
  argv: readonly string[],
  io: Io = defaultIo(),
  early?: EarlyWorkers,
): Promise<number> {
  const version = readVersion();
  let status = 0;
  const program = new Command();
  program
    .name('luxlint')
    .description(
      'Check writing about the sexual exploitation and sexual abuse of children against the Luxembourg Guidelines terminology.',
    )
    .version(version, '-V, --version', 'print the version')
    .helpOption('-h, --help', 'show help')
    .configureOutput({
      writeOut: (text) => io.stdout.write(text),
      writeErr: (text) => io.stderr.write(text),
    })
    .exitOverride()
    .showSuggestionAfterError(true)
    .argument(
      '[paths...]',
      'files, folders or globs to lint (folders: .md .markdown .mdx .txt .text .html .htm .docx); - reads standard input',
    )
    .addOption(
      new Option('-f, --format <name>', 'output format')
        .choices(['stylish', 'json', 'sarif', 'github'])
        .default('stylish'),
    )
    .option('--fix', 'apply safe fixes in place (atomic; never .docx)')
    .option('--fix-dry-run', 'print the safe fixes as a unified diff; change nothing')
    .addOption(
      new Option(
        '--preset <name>',
        'which entries are active: guidelines (Guidelines only) or all',
      ).choices(['guidelines', 'all']),
    )
    .option(
      '--rule <id=level>',
      'turn an entry off or force its level: off, caution or avoid (repeatable)',
      collect,
      [] as string[],
    )
    .option(
      '--report-skipped',
      'also report matches skipped for context (legal titles, quotations …) as info',
    )
    .option('-q, --quiet', 'report avoid findings (warnings) only, and no clean files')
    .option(
      '--max-warnings <n>',
      'exit 1 only when there are more than n warnings',
      nonNegativeInteger,
    )
    .option('--no-color', 'no colours (also: NO_COLOR=1)')
    .option(
      '-c, --config <file>',
      'use this config file instead of searching for .luxlintrc.* / package.json',
    )
    .option('--stdin', 'read the text from standard input (same as -)')
    .option(
      '--stdin-filename <path>',
      'file name for standard input: picks the format and the config',
    )
    .option(
      '--jsonl',
      'batch mode: read {"id","text","format"?} lines on stdin, write one result line each',
    )
    .option(
      '-j, --jobs <n>',
      'threads to lint with, the main one included (default: one per core, up to 4, above 50 files; 1 with --jsonl)',
      positiveInteger,
    )
    .option('--verbose', 'stylish output: also print why and the link of each finding')
    .action(async (paths: string[], options: LintCommandOptions) => {
      if (options.jsonl) {
        if (paths.length > 0)
          throw new CommanderError(
            2,
            'luxlint.usage',
            'error: --jsonl reads standard input; do not give paths',
          );
        const { runJsonl } = await import('./jsonl.js');
        status = await runJsonl(options, io);
        return;
      }
      const { runLint } = await import('./lint-command.js');
      status = await runLint(paths, options, io, version, early);
    });

  program
    .command('lookup')
    .description('find an entry by what you would write (fuzzy) and show what to use instead')
    .argument('<query...>', 'a word or phrase')
    .option('--json', 'print the ranked entries as JSON')
    .option('--limit <n>', 'at most n entries', positiveInteger, 5)
    .action(async (query: string[], options: { json?: boolean; limit: number }) => {
      const { runLookup } = await import('./commands/lookup.js');
      status = await runLookup(query.join(' '), options, io);
    });

  program
    .command('explain')
    .description('show an entry in full: why, when acceptable, examples, sources, link')
    .argument('<id>', 'entry id (see `luxlint list`)')
    .option('--json', 'print the entry as JSON')
    .action(async (id: string, options: { json?: boolean }) => {
      const { runExplain } = await import('./commands/explain.js');
      status = await runExplain(id, options, io);
    });

  program
    .command('list')
    .description('list the entries')
    .addOption(
      new Option('--status <status>', 'only entries with this status').choices([
        'avoid',
        'caution',
        'use',
      ]),
    )
    .option('--json', 'print the entries as JSON')
    .action(async (options: { status?: 'avoid' | 'caution' | 'use'; json?: boolean }) => {
      const { runList } = await import('./commands/list.js');
      status = await runList(options, io);
    });

  program
    .command('init')
    .description('write a commented .luxlintrc.yaml in the current folder (never overwrites)')
    .action(async () => {
      const { runInit } = await import('./commands/init.js');
      status = await runInit(io);
    });

  program
    .command('export')
    .description('write the dataset as a Vale style or a textlint terminology list')
    .addArgument(new Argument('<tool>', 'vale or textlint').choices(['vale', 'textlint']))
    .option('--out <dir>', 'output folder (default: styles for vale, . for textlint)')
    .action(async (tool: 'vale' | 'textlint', options: { out?: string }) => {
      const { runExport } = await import('./commands/export.js');
      status = await runExport(tool, options, io);
    });

  try {
    await program.parseAsync(argv);
    return status;
  } catch (error) {
    if (error instanceof CommanderError) {
      if (
        error.code === 'commander.helpDisplayed' ||
        error.code === 'commander.version' ||
        error.code === 'commander.help'
      )
        return 0;
      if (error.code === 'luxlint.usage') io.stderr.write(`${error.message}\n`);
      return 2;
    }
    const { ConfigError } = await import('./config.js');
    const { UsageError } = await import('./lint-command.js');
    if (error instanceof ConfigError) {
      io.stderr.write(`${error.message}\n`);
      return 2;
    }
    if (error instanceof UsageError) {
      io.stderr.write(`error: ${error.message}\n`);
      return 2;
    }
    throw error;
  } finally {
    // Workers nothing took (another command, a usage error): stop them.
    await early?.close();
  }
}
