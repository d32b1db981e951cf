/**
 * Summarise a V8 `.cpuprofile` (from `node --cpu-prof`): self time per function and per package.
 *
 *   pnpm exec tsx tests/bench/profile-summary.ts <file.cpuprofile> [--top 25]
 *
 * Self time of a node = its hit count × the mean sampling interval. A function's "package" is the
 * workspace package or npm package its file belongs to (from the path), else `node:` internals,
 * `(garbage collector)`, `(program)` or `(idle)`.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

interface ProfileNode {
  readonly id: number;
  readonly callFrame: {
    readonly functionName: string;
    readonly url: string;
    readonly lineNumber: number;
  };
  readonly hitCount?: number;
}

interface CpuProfile {
  readonly nodes: readonly ProfileNode[];
  readonly startTime: number;
  readonly endTime: number;
  readonly samples?: readonly number[];
  readonly timeDeltas?: readonly number[];
}

export interface ProfileRow {
  readonly name: string;
  readonly ms: number;
  readonly share: number;
}

export interface ProfileSummary {
  readonly totalMs: number;
  /** Self time grouped by stage of the lint path (see `stageOf`). */
  readonly byStage: readonly ProfileRow[];
  readonly byPackage: readonly ProfileRow[];
  readonly byFunction: readonly ProfileRow[];
}

/** Which package a script URL belongs to. */
export function packageOf(url: string, functionName: string): string {
  if (url === '') return functionName.startsWith('(') ? functionName : '(native)';
  if (url.startsWith('node:')) return 'node:internal';
  const path = url.replace(/^file:\/\//, '');
  const workspace = /\/packages\/([^/]+)\//.exec(path);
  const inModules = path.lastIndexOf('/node_modules/');
  if (inModules > -1) {
    const rest = path.slice(inModules + '/node_modules/'.length).split('/');
    return rest[0]?.startsWith('@') ? `${rest[0]}/${rest[1] ?? ''}` : (rest[0] ?? path);
  }
  if (workspace) return `workspace:${workspace[1] ?? ''}`;
  if (path.includes('/tests/')) return 'tests';
  return path;
}

/**
 * The stage of the lint path a sample belongs to, from its package (`owner`), its file and, for
 * a regular expression V8 runs natively, its source.
 */
export function stageOf(owner: string, file = '', functionName = ''): string {
  if (functionName.startsWith('RegExp: ')) {
    const source = functionName.slice('RegExp: '.length);
    // The prefilter's alternation of dataset stems: only letters and bars, and long.
    if (source.length > 200 && /^[a-z|]+$/u.test(source)) return 'prefilter (retext-luxembourg)';
    if (source.includes('https?|ftp')) return '@luxlint/lint: Markdown reading (runs, pieces)';
    return 'node internals, natives, RegExp';
  }
  if (
    /^(micromark|mdast-util-|remark-|decode-named-character-reference|character-entities)/.test(
      owner,
    )
  )
    return 'Markdown parse (remark/micromark)';
  if (
    /^(parse-english|parse-latin|retext-english|nlcst-|unist-util-modify-children|unist-util-visit-children|array-iterate)/.test(
      owner,
    ) ||
    (owner === 'workspace:lint' && file === 'tokenize.js')
  )
    return 'English parse (tokenizer, parse-english plugins)';
  if (owner === 'workspace:retext-luxembourg' && file === 'prefilter.js')
    return 'prefilter (retext-luxembourg)';
  if (owner === 'workspace:retext-luxembourg' || owner.startsWith('unist-util-visit'))
    return 'plugin (retext-luxembourg, tree walks)';
  if (owner === 'workspace:lint') {
    if (file === 'nlcst.js' || file === 'positions.js')
      return '@luxlint/lint: nlcst building (positions)';
    if (/^(markdown|simple-markdown|chunks|pieces|append)\.js$/u.test(file))
      return '@luxlint/lint: Markdown reading (runs, pieces)';
    return '@luxlint/lint: engine (fast path, directives, sorting)';
  }
  if (/^(unified|vfile|vfile-message|trough|bail|devlop|extend|is-plain-obj)/.test(owner))
    return 'unified/vfile';
  if (owner === '(garbage collector)') return 'garbage collector';
  if (owner === '(idle)' || owner === '(program)') return 'idle/program';
  if (owner === 'tests') return 'benchmark driver (corpus generation)';
  if (owner === 'node:internal' || owner === '(native)') return 'node internals, natives, RegExp';
  return 'other';
}

function rows(totals: Map<string, number>, totalMs: number): ProfileRow[] {
  return [...totals]
    .map(([name, ms]) => ({
      name,
      ms: Math.round(ms),
      share: Math.round((ms / totalMs) * 1000) / 10,
    }))
    .sort((a, b) => b.ms - a.ms);
}

export function summariseProfile(profile: CpuProfile): ProfileSummary {
  const totalMs = (profile.endTime - profile.startTime) / 1000;
  const hits = profile.nodes.reduce((sum, node) => sum + (node.hitCount ?? 0), 0);
  const msPerHit = hits === 0 ? 0 : totalMs / hits;
  const byPackage = new Map<string, number>();
  const byFunction = new Map<string, number>();
  const byStage = new Map<string, number>();
  for (const node of profile.nodes) {
    const ms = (node.hitCount ?? 0) * msPerHit;
    if (ms === 0) continue;
    const { functionName, url, lineNumber } = node.callFrame;
    const owner = packageOf(url, functionName);
    byPackage.set(owner, (byPackage.get(owner) ?? 0) + ms);
    const file = url.split('/').at(-1) ?? '';
    const stage = stageOf(owner, file, functionName);
    byStage.set(stage, (byStage.get(stage) ?? 0) + ms);
    const key = `${functionName || '(anonymous)'} ${owner}${file ? ` ${file}:${lineNumber + 1}` : ''}`;
    byFunction.set(key, (byFunction.get(key) ?? 0) + ms);
  }
  return {
    totalMs: Math.round(totalMs),
    byStage: rows(byStage, totalMs),
    byPackage: rows(byPackage, totalMs),
    byFunction: rows(byFunction, totalMs),
  };
}

export function formatSummary(summary: ProfileSummary, top = 20): string {
  const line = (row: ProfileRow): string =>
    `  ${String(row.ms).padStart(7)} ms ${row.share.toFixed(1).padStart(5)}%  ${row.name}`;
  return [
    `total ${summary.totalMs} ms`,
    'self time by stage:',
    ...summary.byStage.map(line),
    'self time by package:',
    ...summary.byPackage.slice(0, 12).map(line),
    `top ${top} functions by self time:`,
    ...summary.byFunction.slice(0, top).map(line),
  ].join('\n');
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const file = process.argv[2];
  if (!file) throw new Error('usage: profile-summary.ts <file.cpuprofile> [--top N]');
  const topIndex = process.argv.indexOf('--top');
  const top = topIndex > -1 ? Number(process.argv[topIndex + 1]) : 20;
  console.log(
    formatSummary(summariseProfile(JSON.parse(readFileSync(file, 'utf8')) as CpuProfile), top),
  );
}
