/**
 * A small driver for profiling the lint path: generates `--files` articles of one mix in memory,
 * lints them once to warm up, then `--passes` more times, and prints how long that took. With
 * `--profile <file>`, a CPU profile of those passes only (no start-up, no warm-up) is written
 * there, through the inspector. With `--floor`, each pass of `lint()` is followed by a pass of the
 * parse-english floor (`unified().use(retextEnglish).parse(text)`, as `pnpm bench` measures it)
 * over the same texts, and the medians of both passes' CPU time and their ratio are printed too:
 * interleaved in one process, so the ratio holds on a busy machine. `--baseline <path>` (with
 * `--floor`) adds a pass of another build's `lint` (the path of its `dist/index.js`, e.g. a copy
 * of the build before a change) to each round, for an A/B comparison in the same process.
 *
 *   pnpm exec tsx tests/bench/lint-driver.ts --mix realistic --profile bench/profiles/realistic.cpuprofile
 *   pnpm exec tsx tests/bench/profile-summary.ts bench/profiles/realistic.cpuprofile
 *   pnpm exec tsx tests/bench/lint-driver.ts --mix dense --files 200 --passes 5 --floor
 */
import { writeFileSync } from 'node:fs';
import { Session } from 'node:inspector/promises';
import { parseArgs } from 'node:util';
import { lint } from '@luxlint/lint';
import retextEnglish from 'retext-english';
import { unified } from 'unified';
import { generateDocument, mixes, type Mix } from './corpus.js';

const { values } = parseArgs({
  options: {
    mix: { type: 'string', default: 'realistic' },
    files: { type: 'string', default: '100' },
    passes: { type: 'string', default: '1' },
    profile: { type: 'string' },
    floor: { type: 'boolean', default: false },
    baseline: { type: 'string' },
  },
});
const mix = values.mix as Mix;
if (!mixes.includes(mix)) throw new Error(`--mix must be one of ${mixes.join(', ')}`);
const documents = Array.from(
  { length: Number(values.files) },
  (_, index) => generateDocument(index, mix).text,
);
const bytes = documents.reduce((sum, text) => sum + Buffer.byteLength(text), 0);
const floorProcessor = unified().use(retextEnglish).freeze();
type LintFunction = typeof lint;
const baseline =
  values.baseline === undefined
    ? undefined
    : ((await import(values.baseline)) as { lint: LintFunction }).lint;
let messages = 0;
for (const text of documents) messages += lint(text).messages.length;
if (baseline) {
  let baselineMessages = 0;
  for (const text of documents) baselineMessages += baseline(text).messages.length;
  if (baselineMessages !== messages)
    console.warn(`baseline gives ${baselineMessages} messages, this build ${messages}`);
}
if (values.floor) for (const text of documents) floorProcessor.parse(text);

function cpuMs(): number {
  const usage = process.cpuUsage();
  return (usage.user + usage.system) / 1000;
}

function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = sorted.length >> 1;
  return sorted.length % 2 === 1
    ? (sorted[middle] as number)
    : ((sorted[middle - 1] as number) + (sorted[middle] as number)) / 2;
}

const session = values.profile === undefined ? undefined : new Session();
if (session) {
  session.connect();
  await session.post('Profiler.enable');
  await session.post('Profiler.start');
}
const lintCpu: number[] = [];
const floorCpu: number[] = [];
const baselineCpu: number[] = [];
const started = performance.now();
let lintWall = 0;
const timeBaseline = (): void => {
  if (!baseline) return;
  const cpuStarted = cpuMs();
  for (const text of documents) baseline(text);
  baselineCpu.push(cpuMs() - cpuStarted);
};
for (let pass = 0; pass < Number(values.passes); pass++) {
  // With a baseline, every other pass times it first: whichever runs second pays for some of the
  // garbage the first one left, so a fixed order would favour one side.
  const baselineFirst = values.floor && !session && pass % 2 === 1;
  if (baselineFirst) timeBaseline();
  const wallStarted = performance.now();
  let cpuStarted = cpuMs();
  for (const text of documents) lint(text);
  lintCpu.push(cpuMs() - cpuStarted);
  lintWall += performance.now() - wallStarted;
  if (values.floor && !session) {
    cpuStarted = cpuMs();
    for (const text of documents) floorProcessor.parse(text);
    floorCpu.push(cpuMs() - cpuStarted);
    if (!baselineFirst) timeBaseline();
  }
}
const seconds = (values.floor ? lintWall : performance.now() - started) / 1000;
if (session && values.profile !== undefined) {
  const { profile } = await session.post('Profiler.stop');
  writeFileSync(values.profile, JSON.stringify(profile));
  session.disconnect();
}
const floor =
  floorCpu.length === 0
    ? {}
    : {
        lintCpuMs: Math.round(median(lintCpu)),
        floorCpuMs: Math.round(median(floorCpu)),
        lintCpuMegabytesPerSecond: Math.round((bytes / 1e3 / median(lintCpu)) * 100) / 100,
        floorCpuMegabytesPerSecond: Math.round((bytes / 1e3 / median(floorCpu)) * 100) / 100,
        vsFloor: Math.round((median(lintCpu) / median(floorCpu)) * 100) / 100,
        // Each round's own ratio, then their median: a round's passes share the machine's load.
        vsFloorByRound:
          Math.round(median(lintCpu.map((cpu, round) => cpu / (floorCpu[round] ?? cpu))) * 100) /
          100,
        ...(baselineCpu.length === 0
          ? {}
          : {
              baselineCpuMs: Math.round(median(baselineCpu)),
              baselineVsFloor: Math.round((median(baselineCpu) / median(floorCpu)) * 100) / 100,
              vsBaselineByRound:
                Math.round(
                  median(lintCpu.map((cpu, round) => cpu / (baselineCpu[round] ?? cpu))) * 100,
                ) / 100,
            }),
      };
console.log(
  JSON.stringify({
    mix,
    files: documents.length,
    bytes,
    messages,
    passes: Number(values.passes),
    seconds,
    megabytesPerSecond: (bytes * Number(values.passes)) / 1e6 / seconds,
    ...floor,
  }),
);
