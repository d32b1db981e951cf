#!/usr/bin/env node
import { runCli } from './lib/cli.js';

runCli(process.argv.slice(2));
