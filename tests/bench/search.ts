/**
 * Search speed: how long the default search takes to load (prebuilt index parsed, tables built)
 * and how many queries per second it answers on one core, over a realistic mix of queries
 * (exact terms, abbreviations, misspellings, variants, concepts, sentences, no-entry queries).
 *
 * Two throughput figures: `uncached` (every query ranked from scratch: the answer cache is off)
 * and `cached` (the default 512-answer cache; the mix repeats, as real look-ups do).
 * Times are process CPU time (`process.cpuUsage`), not wall time, so a busy machine skews them
 * less; the process is single-threaded apart from the garbage collector.
 * Run on its own: `pnpm exec tsx tests/bench/search.ts` prints JSON.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { createSearch, getPrebuiltIndex } from '@luxlint/search';
import { terms } from '@luxlint/terms';

export const searchBenchTargets = { queriesPerSecond: 20_000, loadMs: 20 } as const;

export interface SearchBenchReport {
  readonly entries: number;
  readonly queries: number;
  /** Median CPU time of a load: JSON.parse of the prebuilt index + createSearch + a first query. */
  readonly loadMs: number;
  /** Queries/s with the answer cache off. */
  readonly uncachedQueriesPerSecond: number;
  /** Queries/s with the default cache. */
  readonly cachedQueriesPerSecond: number;
  /** Queries/s over the exact-phrase queries of the mix only (cache off). */
  readonly exactQueriesPerSecond: number;
  /** Queries/s over the fuzzy, concept and no-entry queries only (cache off). */
  readonly fuzzyQueriesPerSecond: number;
  /** Targets met: load time, and 20,000 queries/s with the default cache / without any cache. */
  readonly targets: { readonly load: boolean; readonly cached: boolean; readonly uncached: boolean };
}

const queriesPath = fileURLToPath(
  new URL('../../packages/search/test/fixtures/search-queries.jsonl', import.meta.url),
);

/** The mix: the eval query set plus every headword, match form and abbreviation of the dataset. */
export function benchQueries(): { all: string[]; exact: string[]; other: string[] } {
  const evalQueries = readFileSync(queriesPath, 'utf8')
    .split('\n')
    .filter((line) => line.trim() !== '')
    .map((line) => (JSON.parse(line) as { query: string; kind: string }));
  const exact = terms.flatMap((term) => [
    term.text.en.term,
    ...term.text.en.abbreviations,
    ...term.text.en.match.slice(0, 2).map((form) => form.phrase.split('|')[0] ?? form.phrase),
  ]);
  const other = evalQueries
    .filter((item) => !['discouraged', 'preferred', 'abbreviation', 'id'].includes(item.kind))
    .map((item) => item.query);
  return { all: [...exact, ...evalQueries.map((item) => item.query)], exact, other };
}

/** Milliseconds of CPU time used by this process so far. */
function cpuMs(): number {
  const usage = process.cpuUsage();
  return (usage.user + usage.system) / 1000;
}

/**
 * Steady-state queries/s: the first second of CPU is spent warming up, because V8 is still
 * optimising the ranking code then (a cold process answers a single `luxlint lookup` within the
 * load time anyway); the rate is then measured over `minMs` of CPU.
 */
function throughput(run: (query: string) => unknown, queries: readonly string[], minMs = 1000): number {
  const warmUpStart = cpuMs();
  while (cpuMs() - warmUpStart < 1000) for (const query of queries) run(query);
  let done = 0;
  const start = cpuMs();
  let elapsed = 0;
  while (elapsed < minMs) {
    for (const query of queries) run(query);
    done += queries.length;
    elapsed = cpuMs() - start;
  }
  return Math.round((done / elapsed) * 1000);
}

/** Measures; `loadMs` parses the prebuilt index again each time (the module-level copy is not reused). */
export function benchSearch(): SearchBenchReport {
  const json = JSON.stringify(getPrebuiltIndex());
  const loads: number[] = [];
  for (let round = 0; round < 15; round++) {
    const start = cpuMs();
    const index = JSON.parse(json) as ReturnType<typeof getPrebuiltIndex>;
    const searcher = createSearch(terms, { index });
    searcher.search('child porn');
    loads.push(cpuMs() - start);
  }
  loads.sort((a, b) => a - b);
  const loadMs = Math.round((loads[Math.floor(loads.length / 2)] ?? 0) * 100) / 100;

  const { all, exact, other } = benchQueries();
  const uncached = createSearch(terms, { cacheSize: 0 });
  const cached = createSearch(terms);
  const report = {
    entries: terms.length,
    queries: all.length,
    loadMs,
    uncachedQueriesPerSecond: throughput((query) => uncached.search(query), all),
    cachedQueriesPerSecond: throughput((query) => cached.search(query), all),
    exactQueriesPerSecond: throughput((query) => uncached.search(query), exact),
    fuzzyQueriesPerSecond: throughput((query) => uncached.search(query), other),
  };
  return {
    ...report,
    targets: {
      load: report.loadMs < searchBenchTargets.loadMs,
      cached: report.cachedQueriesPerSecond >= searchBenchTargets.queriesPerSecond,
      uncached: report.uncachedQueriesPerSecond >= searchBenchTargets.queriesPerSecond,
    },
  };
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  console.log(JSON.stringify(benchSearch(), null, 2));
}
