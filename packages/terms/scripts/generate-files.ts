/**
 * The generator as a function, so tests can run it on fixture folders and capture its output.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { compileDataset, DatasetError, formatProblem } from './compile.js';
import { generatedSchemaFile, generatedTermsFile, renderSchema, renderTerms } from './render.js';

export interface GenerateOptions {
  /** The `terms/` folder to compile. */
  readonly datasetDir: string;
  /** The package folder that holds `src/generated/`. */
  readonly packageDir: string;
  /** Compare instead of write (default: `false`). */
  readonly check?: boolean;
  /** Dangling `related`/`preferred` ids are warnings (default: `false`). */
  readonly partial?: boolean;
  /** Where progress goes (default: `console.log`). */
  readonly log?: (line: string) => void;
  /** Where problems go (default: `console.error`). */
  readonly error?: (line: string) => void;
}

/** Exit codes: 0 done, 1 generated files stale (`check`), 2 invalid dataset (nothing written). */
export function generateFiles(options: GenerateOptions): 0 | 1 | 2 {
  const log = options.log ?? console.log;
  const error = options.error ?? console.error;
  let outputs: [string, string][];
  try {
    const dataset = compileDataset(options.datasetDir, {
      allowDanglingReferences: options.partial ?? false,
    });
    for (const warning of dataset.warnings) error(`warning: ${formatProblem(warning)}`);
    const schema: unknown = JSON.parse(
      readFileSync(join(options.datasetDir, 'schema.json'), 'utf8'),
    );
    outputs = [
      [generatedTermsFile, renderTerms(dataset)],
      [generatedSchemaFile, renderSchema(schema)],
    ];
    if (!options.check) {
      log(
        `Compiled ${plural(dataset.terms.length, 'entry', 'entries')}, ` +
          `${plural(dataset.legalTitles.length, 'legal title', 'legal titles')}, ` +
          `${plural(dataset.languagePacks.length, 'language pack', 'language packs')}.`,
      );
    }
  } catch (caught) {
    if (caught instanceof DatasetError) {
      error(caught.message);
      return 2;
    }
    throw caught;
  }

  const stale: string[] = [];
  for (const [file, content] of outputs) {
    const path = join(options.packageDir, file);
    if (readOrUndefined(path) === content) continue;
    if (options.check) stale.push(file);
    else {
      writeFileSync(path, content);
      log(`Wrote ${file}`);
    }
  }
  if (stale.length > 0) {
    error(
      'These generated files do not match the data in terms/:\n' +
        stale.map((file) => `  ${file}`).join('\n') +
        '\nRun `pnpm generate` and commit the result.',
    );
    return 1;
  }
  if (options.check) log('The generated files are up to date.');
  return 0;
}

function plural(count: number, one: string, many: string): string {
  return `${count} ${count === 1 ? one : many}`;
}

function readOrUndefined(path: string): string | undefined {
  try {
    return readFileSync(path, 'utf8');
  } catch {
    return undefined;
  }
}
