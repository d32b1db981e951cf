#!/usr/bin/env node
import { fileURLToPath } from 'node:url';
import { runCli } from './lib/cli.js';
import { isLintWorker, runLintWorker } from './lib/lint-runner.js';

// The same script is the server and its lint worker, so a single bundled file is all there is to ship.
if (isLintWorker()) runLintWorker();
else runCli(process.argv.slice(2), { workerScript: fileURLToPath(import.meta.url) });
