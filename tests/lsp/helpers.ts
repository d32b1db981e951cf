import { execFileSync } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { terms, type Term } from '@luxlint/terms';
import type { ServerBuild } from './client.js';

const repositoryRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

/** Build dist/server.cjs from the current sources, so the bundle under test is never an old one. */
export function prepareBuild(build: ServerBuild): void {
  if (build !== 'bundle' || process.env['LUXLINT_LSP_SERVER']) return;
  execFileSync(
    process.execPath,
    [path.join(repositoryRoot, 'packages/language-server/scripts/bundle.mjs')],
    {
      stdio: 'pipe',
    },
  );
}

export const builds: ServerBuild[] = ['dist', 'bundle'];

/** An entry of the dataset that plain prose will match: no `near` cue, not case-sensitive, a single-alternative phrase. */
export function plainTerm(
  status: Term['status'],
  predicate: (term: Term) => boolean = () => true,
): { term: Term; phrase: string } {
  for (const term of terms) {
    if (term.status !== status || !predicate(term)) continue;
    const form = term.text.en.match.find(
      (match) => !match.near && !match.caseSensitive && !match.phrase.includes('|'),
    );
    if (form) return { term, phrase: form.phrase };
  }
  throw new Error(`the dataset has no plain ${status} entry`);
}
