/**
 * Search quality: runs the query set of packages/search/test/fixtures/search-queries.jsonl
 * against the default dataset and reports top-1 / top-3 accuracy and the share of queries with
 * no relevant entry that return nothing.
 *
 * Called by tests/eval/run.ts; also runnable on its own: `pnpm exec tsx tests/eval/search.ts`
 * (prints JSON; exit 1 when a target is missed).
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { createSearch, type Searcher } from '@luxlint/search';
import { terms } from '@luxlint/terms';
import type { EvalSection } from './run.js';

export const searchQueriesPath = fileURLToPath(
  new URL('../../packages/search/test/fixtures/search-queries.jsonl', import.meta.url),
);

/** The targets of issue 5. */
export const searchTargets = { top1: 0.95, top3: 1, nullEmpty: 1 } as const;

export interface SearchQueryCase {
  readonly query: string;
  /** Entry id expected first, or null when no entry is relevant. */
  readonly expected: string | null;
  /** misspelling, variant, abbreviation, concept, discouraged, preferred, sentence, other-language, none … */
  readonly kind: string;
}

export interface SearchMiss {
  readonly query: string;
  readonly kind: string;
  readonly expected: string | null;
  /** The first three ids returned. */
  readonly got: readonly string[];
}

export interface SearchEvalReport {
  readonly queries: number;
  /** Queries with an expected entry. */
  readonly answerable: number;
  /** Queries expecting nothing. */
  readonly unanswerable: number;
  readonly top1: number;
  readonly top3: number;
  /** Share of the no-entry queries that returned nothing. */
  readonly nullEmpty: number;
  /** Queries whose expected entry is not in the dataset (skipped, listed so they are not forgotten). */
  readonly skipped: readonly string[];
  readonly misses: readonly SearchMiss[];
  readonly passed: boolean;
}

/** Reads a JSONL query file; names the line of a bad record. */
export function readSearchQueries(path = searchQueriesPath): SearchQueryCase[] {
  const cases: SearchQueryCase[] = [];
  readFileSync(path, 'utf8')
    .split('\n')
    .forEach((line, index) => {
      if (line.trim() === '') return;
      const record = JSON.parse(line) as Partial<SearchQueryCase>;
      if (
        typeof record.query !== 'string' ||
        !(typeof record.expected === 'string' || record.expected === null) ||
        typeof record.kind !== 'string'
      ) {
        throw new Error(`${path}:${index + 1}: expected {query, expected: id | null, kind}`);
      }
      cases.push({ query: record.query, expected: record.expected, kind: record.kind });
    });
  return cases;
}

const round = (value: number): number => Math.round(value * 1000) / 1000;

/** Runs the query set; `searcher` defaults to the search over @luxlint/terms (prebuilt index). */
export function evaluateSearch(
  cases: readonly SearchQueryCase[] = readSearchQueries(),
  searcher: Searcher = createSearch(terms, { cacheSize: 0 }),
): SearchEvalReport {
  const known = new Set(searcher.terms.map((term) => term.id));
  const skipped: string[] = [];
  const misses: SearchMiss[] = [];
  let answerable = 0;
  let unanswerable = 0;
  let top1 = 0;
  let top3 = 0;
  let nullEmpty = 0;
  for (const item of cases) {
    if (item.expected !== null && !known.has(item.expected)) {
      skipped.push(`${item.query} → ${item.expected}`);
      continue;
    }
    const got = searcher.search(item.query, { limit: 3 }).map((result) => result.term.id);
    if (item.expected === null) {
      unanswerable++;
      if (got.length === 0) nullEmpty++;
      else misses.push({ query: item.query, kind: item.kind, expected: null, got });
      continue;
    }
    answerable++;
    if (got[0] === item.expected) top1++;
    if (got.includes(item.expected)) top3++;
    if (got[0] !== item.expected) {
      misses.push({ query: item.query, kind: item.kind, expected: item.expected, got });
    }
  }
  const report = {
    queries: cases.length,
    answerable,
    unanswerable,
    top1: answerable === 0 ? 0 : round(top1 / answerable),
    top3: answerable === 0 ? 0 : round(top3 / answerable),
    nullEmpty: unanswerable === 0 ? 0 : round(nullEmpty / unanswerable),
    skipped,
    misses,
  };
  return {
    ...report,
    passed:
      report.top1 >= searchTargets.top1 &&
      report.top3 >= searchTargets.top3 &&
      report.nullEmpty >= searchTargets.nullEmpty,
  };
}

/** A few human-readable lines for the eval runner. */
export function formatSearchReport(report: SearchEvalReport): string {
  const lines = [
    `search: ${report.answerable} answerable + ${report.unanswerable} no-entry queries` +
      (report.skipped.length > 0
        ? ` (${report.skipped.length} skipped: entry not in the dataset)`
        : ''),
    `  top-1 ${report.top1} (target ≥ ${searchTargets.top1})  top-3 ${report.top3} (target ${searchTargets.top3})  ` +
      `no-entry queries answered with nothing ${report.nullEmpty} (target ${searchTargets.nullEmpty})`,
  ];
  for (const miss of report.misses) {
    lines.push(
      `  miss [${miss.kind}] ${JSON.stringify(miss.query)}: expected ${miss.expected ?? 'nothing'}, got ${miss.got.join(', ') || 'nothing'}`,
    );
  }
  return lines.join('\n');
}

/** The `search` section of `pnpm eval` (tests/eval/run.ts); `--cases` files are the plugin's, not ours. */
export const searchSection: EvalSection = {
  name: 'search',
  run() {
    const report = evaluateSearch();
    return { report: formatSearchReport(report), data: report, passed: report.passed };
  },
};

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const report = evaluateSearch();
  console.log(JSON.stringify(report, null, 2));
  process.exitCode = report.passed ? 0 : 1;
}
