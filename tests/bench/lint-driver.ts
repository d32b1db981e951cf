/**
 * A small driver for profiling the lint path: generates `--files` articles of one mix in memory,
 * lints them once to warm up, then `--passes` more times, and prints how long that took. With
 * `--profile <file>`, a CPU profile of those passes only (no start-up, no warm-up) is written
 * there, through the inspector.
 *
 *   pnpm exec tsx tests/bench/lint-driver.ts --mix realistic --profile bench/profiles/realistic.cpuprofile
 *   pnpm exec tsx tests/bench/profile-summary.ts bench/profiles/realistic.cpuprofile
 */
import { writeFileSync } from 'node:fs';
import { Session } from 'node:inspector/promises';
import { parseArgs } from 'node:util';
import { lint } from '@luxlint/lint';
import { generateDocument, mixes, type Mix } from './corpus.js';

const { values } = parseArgs({
  options: {
    mix: { type: 'string', default: 'realistic' },
    files: { type: 'string', default: '100' },
    passes: { type: 'string', default: '1' },
    profile: { type: 'string' },
  },
});
const mix = values.mix as Mix;
if (!mixes.includes(mix)) throw new Error(`--mix must be one of ${mixes.join(', ')}`);
const documents = Array.from(
  { length: Number(values.files) },
  (_, index) => generateDocument(index, mix).text,
);
const bytes = documents.reduce((sum, text) => sum + Buffer.byteLength(text), 0);
let messages = 0;
for (const text of documents) messages += lint(text).messages.length;
const session = values.profile === undefined ? undefined : new Session();
if (session) {
  session.connect();
  await session.post('Profiler.enable');
  await session.post('Profiler.start');
}
const started = performance.now();
for (let pass = 0; pass < Number(values.passes); pass++) for (const text of documents) lint(text);
const seconds = (performance.now() - started) / 1000;
if (session && values.profile !== undefined) {
  const { profile } = await session.post('Profiler.stop');
  writeFileSync(values.profile, JSON.stringify(profile));
  session.disconnect();
}
console.log(
  JSON.stringify({
    mix,
    files: documents.length,
    bytes,
    messages,
    passes: Number(values.passes),
    seconds,
    megabytesPerSecond: (bytes * Number(values.passes)) / 1e6 / seconds,
  }),
);
