/**
 * Uncached queries per second over the mix of `tests/bench/search.ts` (every headword,
 * abbreviation and first match forms, plus the eval queries), in consecutive windows of 400 ms
 * of CPU time, to show how throughput grows as V8 optimises the code: `pnpm bench` measures the
 * first window after a single warm-up pass.
 *
 *   pnpm exec tsx packages/search/scripts/throughput.ts [windows]
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { terms } from '@luxlint/terms';
import { createSearch } from '../src/index.js';

const queriesPath = fileURLToPath(
  new URL('../test/fixtures/search-queries.jsonl', import.meta.url),
);
const evalQueries = readFileSync(queriesPath, 'utf8')
  .split('\n')
  .filter((line) => line.trim() !== '')
  .map((line) => (JSON.parse(line) as { query: string }).query);
const exact = terms.flatMap((term) => [
  term.text.en.term,
  ...term.text.en.abbreviations,
  ...term.text.en.match.slice(0, 2).map((form) => form.phrase.split('|')[0] ?? form.phrase),
]);
const queries = [...exact, ...evalQueries];

const cpuMs = (): number => {
  const usage = process.cpuUsage();
  return (usage.user + usage.system) / 1000;
};

const searcher = createSearch(terms, { cacheSize: 0 });
for (const query of queries) searcher.search(query);
const windows = Number(process.argv[2] ?? 8);
const rates: number[] = [];
for (let window = 0; window < windows; window++) {
  const start = cpuMs();
  let done = 0;
  let elapsed = 0;
  while (elapsed < 400) {
    for (const query of queries) searcher.search(query);
    done += queries.length;
    elapsed = cpuMs() - start;
  }
  rates.push(Math.round((done / elapsed) * 1000));
}
console.log(`${queries.length} queries, uncached, q/s per 400 ms CPU window: ${rates.join(' ')}`);
