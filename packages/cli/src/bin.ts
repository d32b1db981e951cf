#!/usr/bin/env node
// Imported first, and kept small: worker threads of a folder run start booting before commander
// and the rest of the command are even loaded.
import { EarlyWorkers, guessRun, preloadLint, startWorkers } from './lib/early-start.js';
import { preferShortRuns } from './lib/v8-flags.js';

preferShortRuns();
const guess = guessRun(process.argv.slice(2), process.cwd());
const early = new EarlyWorkers(
  guess.manyFiles && guess.jobs > 1 ? startWorkers(guess.jobs - 1, guess.warmUp) : [],
);
if (guess.lints) preloadLint(guess.operands);

const { main } = await import('./lib/main.js');

// A reader that stops early (`luxlint … | head`) is not an error worth a stack trace.
for (const stream of [process.stdout, process.stderr]) {
  stream.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code === 'EPIPE') process.exit(process.exitCode ?? 0);
    throw error;
  });
}

main(process.argv, undefined, early).then(
  (status) => {
    process.exitCode = status;
  },
  (error: unknown) => {
    process.stderr.write(
      `luxlint: internal error: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`,
    );
    process.exitCode = 2;
  },
);
