/**
 * Compiles `terms/` into `src/generated/*.ts`.
 *
 *   tsx scripts/generate.ts          write the generated files
 *   tsx scripts/generate.ts --check  exit 1 when they differ from what the data compiles to
 *
 *   tsx scripts/generate.ts --partial  while the dataset is being written: related/preferred ids
 *                                      that name no entry are warnings, not errors
 *
 * An invalid dataset prints every problem (`terms/<path>.yml:<line>:<col>: <field>: <what>`)
 * and exits 2, writing nothing.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { join } from 'node:path';
import { compileDataset, DatasetError, formatProblem } from './compile.js';
import { generatedSchemaFile, generatedTermsFile, renderSchema, renderTerms } from './render.js';

const packageDir = fileURLToPath(new URL('..', import.meta.url));
const datasetDir = fileURLToPath(new URL('../../../terms', import.meta.url));

function main(argv: readonly string[]): number {
  const check = argv.includes('--check');
  const partial = argv.includes('--partial');
  let outputs: [string, string][];
  try {
    const dataset = compileDataset(datasetDir, { allowDanglingReferences: partial });
    for (const warning of dataset.warnings) console.warn(`warning: ${formatProblem(warning)}`);
    const schema: unknown = JSON.parse(readFileSync(join(datasetDir, 'schema.json'), 'utf8'));
    outputs = [
      [generatedTermsFile, renderTerms(dataset)],
      [generatedSchemaFile, renderSchema(schema)],
    ];
    if (!check) {
      const count = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;
      console.log(
        `Compiled ${count(dataset.terms.length, 'entry').replace('entrys', 'entries')}, ` +
          `${count(dataset.legalTitles.length, 'legal title')}, ` +
          `${count(dataset.languagePacks.length, 'language pack')}.`,
      );
    }
  } catch (error) {
    if (error instanceof DatasetError) {
      console.error(error.message);
      return 2;
    }
    throw error;
  }

  const stale: string[] = [];
  for (const [file, content] of outputs) {
    const path = join(packageDir, file);
    let current: string | undefined;
    try {
      current = readFileSync(path, 'utf8');
    } catch {
      current = undefined;
    }
    if (current === content) continue;
    if (check) stale.push(file);
    else {
      writeFileSync(path, content);
      console.log(`Wrote packages/terms/${file}`);
    }
  }
  if (stale.length > 0) {
    console.error(
      `Stale generated files (the data in terms/ changed since they were written):\n` +
        stale.map((file) => `  packages/terms/${file}`).join('\n') +
        '\nRun `pnpm generate` and commit the result.',
    );
    return 1;
  }
  if (check) console.log('Generated files are up to date.');
  return 0;
}

process.exitCode = main(process.argv.slice(2));
