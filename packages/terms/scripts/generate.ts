/**
 * Compiles `terms/` into `src/generated/*.ts`.
 *
 *   tsx scripts/generate.ts            write the generated files
 *   tsx scripts/generate.ts --check    exit 1 when they differ from what the data compiles to
 *   tsx scripts/generate.ts --partial  while the dataset is being written: `related`/`preferred`
 *                                      ids that name no entry are warnings, not problems
 *
 * An invalid dataset prints every problem (`terms/<path>.yml:<line>:<col>: <field>: <what>`)
 * and exits 2, writing nothing.
 */
import { fileURLToPath } from 'node:url';
import { generateFiles } from './generate-files.js';

const known = new Set(['--check', '--partial']);
const args = process.argv.slice(2);
const unknown = args.filter((arg) => !known.has(arg));
if (unknown.length > 0) {
  console.error(`Unknown option ${unknown.join(', ')}; valid options: ${[...known].join(', ')}`);
  process.exitCode = 2;
} else {
  process.exitCode = generateFiles({
    datasetDir: fileURLToPath(new URL('../../../terms', import.meta.url)),
    packageDir: fileURLToPath(new URL('..', import.meta.url)),
    check: args.includes('--check'),
    partial: args.includes('--partial'),
  });
}
