import { spawn } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { bin, repoRoot } from '../cli/helpers.js';

export { repoRoot, bin };

const rssReporter = path.join(path.dirname(fileURLToPath(import.meta.url)), 'report-rss.mjs');

export interface MeasuredRun {
  code: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  /** Standard error without the line the memory reporter adds. */
  stderr: string;
  maxRssMb: number;
  seconds: number;
}

/** Every figure measured by these tests, printed once at the end of a file for the report. */
export const measurements: string[] = [];

/** Run the built CLI with a memory reporter preloaded; record wall time and peak RSS. */
export function runMeasured(
  label: string,
  args: readonly string[],
  options: { cwd?: string; input?: string; timeoutMs?: number } = {},
): Promise<MeasuredRun> {
  const started = performance.now();
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', rssReporter, bin, ...args], {
      cwd: options.cwd ?? repoRoot,
      env: { ...process.env, NO_COLOR: '1', FORCE_COLOR: '' },
      stdio: ['pipe', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => (stdout += chunk));
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
    const timer = setTimeout(() => child.kill('SIGKILL'), options.timeoutMs ?? 120_000);
    child.on('error', reject);
    child.on('close', (code, signal) => {
      clearTimeout(timer);
      const seconds = (performance.now() - started) / 1000;
      const rss = /\n?LUXLINT_TEST_MAX_RSS_KB=(\d+)\n/.exec(stderr);
      const maxRssMb = rss ? Number(rss[1]) / 1024 : Number.NaN;
      if (rss) stderr = stderr.replace(rss[0], '');
      measurements.push(
        `${label}: ${seconds.toFixed(1)} s, max RSS ${maxRssMb.toFixed(0)} MB, exit ${code ?? signal}`,
      );
      resolve({ code, signal, stdout, stderr, maxRssMb, seconds });
    });
    child.stdin.end(options.input ?? '');
  });
}
