/**
 * CLI benchmark: start-up on the 5 KB example draft, and throughput over a generated folder of
 * ~2,000 Markdown files with 1 and 2 worker threads. Prints one JSON document.
 *
 *   pnpm build && pnpm exec tsx tests/bench/cli.ts [--runs 10] [--files 2000]
 *
 * Wall times of whole processes (spawned like a user would run them), so module loading and the
 * plugin's first-use compilation are included.
 */
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { availableParallelism, loadavg, tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const bin = path.join(repoRoot, 'packages/cli/dist/bundle/bin.js');
const draft = 'examples/draft.md';

const { values } = parseArgs({ options: { runs: { type: 'string', default: '10' }, files: { type: 'string', default: '2000' } } });
const runs = Number(values.runs);
const fileCount = Number(values.files);

/** CPU time (user + system, ms) of this process's waited-for children, from /proc (Linux); less sensitive to machine load than wall time. */
function childrenCpuMs(): number {
  try {
    const fields = readFileSync('/proc/self/stat', 'utf8').split(') ')[1]?.split(' ') ?? [];
    // After the command name: cutime and cstime are fields 16 and 17 of stat, i.e. 13 and 14 here.
    return ((Number(fields[13]) + Number(fields[14])) * 1000) / 100;
  } catch {
    return Number.NaN;
  }
}

let lastCpuMs = 0;

function time(args: string[]): number {
  const cpuBefore = childrenCpuMs();
  const start = process.hrtime.bigint();
  const result = spawnSync(process.execPath, [bin, ...args], { cwd: repoRoot, stdio: ['ignore', 'ignore', 'pipe'], env: { ...process.env, NO_COLOR: '1' } });
  const elapsed = Number(process.hrtime.bigint() - start) / 1e6;
  lastCpuMs = childrenCpuMs() - cpuBefore;
  if (result.status !== 0 && result.status !== 1) throw new Error(`luxlint ${args.join(' ')} exited ${String(result.status)}: ${String(result.stderr)}`);
  return elapsed;
}

function median(samples: number[]): number {
  const sorted = [...samples].sort((a, b) => a - b);
  const middle = sorted.length >> 1;
  return sorted.length % 2 ? (sorted[middle] ?? 0) : ((sorted[middle - 1] ?? 0) + (sorted[middle] ?? 0)) / 2;
}

const sentences = [
  'The council met on Tuesday to discuss the budget for the coming year.',
  'Residents raised concerns about traffic near the primary school.',
  'Officers said the investigation had been running for several months.',
  'The report recommends more funding for specialist support services.',
  'A spokesperson declined to comment on the details of the case.',
  'Campaigners welcomed the decision but said more needed to be done.',
];
const terms = ['child pornography', 'child prostitutes', 'child sex tourism', 'sexual predator', 'child sexual abuse material'];

/** A ~5 KB Markdown article; about one term per 10 KB on average (the "realistic" mix). */
function article(index: number): string {
  const paragraphs: string[] = [`# Article ${index}`, ''];
  let size = 0;
  let sentence = index;
  while (size < 5000) {
    const words = Array.from({ length: 5 }, () => sentences[sentence++ % sentences.length]).join(' ');
    paragraphs.push(words, '');
    size += words.length + 1;
  }
  if (index % 2 === 0) paragraphs.push(`The court heard evidence about ${terms[index % terms.length]}.`, '');
  return paragraphs.join('\n');
}

const startup: number[] = [];
const startupCpu: number[] = [];
time([draft]); // warm the file system cache
for (let run = 0; run < runs; run++) {
  startup.push(time([draft]));
  startupCpu.push(lastCpuMs);
}
const version: number[] = [];
const versionCpu: number[] = [];
for (let run = 0; run < runs; run++) {
  version.push(time(['--version']));
  versionCpu.push(lastCpuMs);
}

const corpus = await mkdtemp(path.join(tmpdir(), 'luxlint-bench-'));
let bytes = 0;
try {
  for (let index = 0; index < fileCount; index++) {
    const folder = path.join(corpus, `section-${index % 20}`);
    if (index < 20) await mkdir(folder);
    const text = article(index);
    bytes += Buffer.byteLength(text);
    await writeFile(path.join(folder, `article-${index}.md`), text);
  }
  const throughput: Record<string, { seconds: number; megabytesPerSecond: number }> = {};
  time(['--format', 'json', corpus]); // warm the file system cache
  // 1 and 2 threads alternate (in alternating order), so that passing load affects both alike.
  const folderSamples: Record<number, number[]> = { 1: [], 2: [] };
  for (let run = 0; run < 5; run++) {
    for (const jobs of run % 2 === 0 ? [1, 2] : [2, 1]) folderSamples[jobs]?.push(time(['--format', 'json', '--jobs', String(jobs), corpus]));
  }
  for (const jobs of [1, 2]) {
    const seconds = median(folderSamples[jobs] ?? []) / 1000;
    throughput[`jobs${jobs}`] = { seconds: Number(seconds.toFixed(3)), megabytesPerSecond: Number((bytes / 1e6 / seconds).toFixed(2)) };
  }
  const report = {
    node: process.version,
    cores: availableParallelism(),
    loadAverage: loadavg().map((value) => Number(value.toFixed(2))),
    draft: { path: draft, runs, medianMs: Math.round(median(startup)), minMs: Math.round(Math.min(...startup)), medianCpuMs: Math.round(median(startupCpu)) },
    version: { runs, medianMs: Math.round(median(version)), medianCpuMs: Math.round(median(versionCpu)) },
    corpus: { files: fileCount, megabytes: Number((bytes / 1e6).toFixed(2)), ...throughput, speedup: Number(((throughput['jobs1']?.seconds ?? 0) / (throughput['jobs2']?.seconds ?? 1)).toFixed(2)) },
  };
  process.stdout.write(JSON.stringify(report, null, 2) + '\n');
} finally {
  await rm(corpus, { recursive: true, force: true });
}
