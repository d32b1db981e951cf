/**
 * Latency of the language server: time from sending `textDocument/didChange` to receiving the
 * `publishDiagnostics` for that version, on a 50 KB Markdown document, over stdio.
 *
 * The debounce is set to 0 ms for the measurement (`luxlint.debounceMs: 0`), so the figure is
 * the server's own work: applying the change, linting, mapping positions, serialising. In an
 * editor, add the configured debounce (200 ms by default) on top.
 *
 * Run: `pnpm exec tsx tests/bench/lsp.ts [--build dist|bundle] [--runs N]` (build first). Prints JSON.
 */
import { lint } from '@luxlint/lint';
import { cpus, loadavg } from 'node:os';
import path from 'node:path';
import {
  TestClient,
  fileUri,
  removeWorkspace,
  temporaryWorkspace,
  type ServerBuild,
} from '../lsp/client.js';

function argument(name: string, fallback: string): string {
  const index = process.argv.indexOf(`--${name}`);
  return index > -1 ? (process.argv[index + 1] ?? fallback) : fallback;
}

/**
 * Realistic prose: headings, paragraphs, lists, links, code. `dense`: a finding every few
 * paragraphs (about 100 in 50 KB); `sparse`: a handful, as in a typical article.
 */
export function makeDocument(targetBytes: number, scenario: 'dense' | 'sparse'): string {
  const paragraphs = [
    'The investigation began after a hotline received several reports about a forum where offenders traded material. Analysts classified the images and passed the case to the national police, who worked with partners abroad.',
    'Survivors told the reporters that the way newspapers describe abuse shapes how they are treated afterwards. Several asked that journalists avoid words that suggest consent or a relationship.',
    'According to the annual report, the number of referrals rose by a third, while the number of analysts stayed the same. The authors call for more funding and better tools for triage.',
    'Police seized child pornography from two laptops and a phone, the prosecutor said.',
    'Charities warned that a child prostitute is never a criminal but a victim of exploitation.',
    '- Training for moderators\n- Faster takedown of [reported URLs](https://example.org/report)\n- Support for families',
    'The team used `hash matching` and manual review. Some cases took weeks to resolve; others were closed within hours because the material was already known.',
  ];
  let text = '# Annual review of online child protection\n\n';
  let index = 0;
  while (Buffer.byteLength(text) < targetBytes) {
    if (index % 12 === 0) text += `## Section ${index / 12 + 1}\n\n`;
    let paragraph = paragraphs[index % paragraphs.length]!;
    // Sparse: only every 25th paragraph that carries a finding keeps it.
    if (scenario === 'sparse' && /child (pornography|prostitute)/.test(paragraph) && index % 25 !== 3) {
      paragraph = paragraph.replace(/child (pornography|prostitute)/, 'evidence');
    }
    text += `${paragraph}\n\n`;
    index++;
  }
  return text;
}

function percentile(sorted: readonly number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((sorted.length - 1) * p))] ?? Number.NaN;
}

async function measure(client: TestClient, workspace: string, scenario: 'dense' | 'sparse', runs: number) {
  const text = makeDocument(50 * 1024, scenario);
  const uri = fileUri(path.join(workspace, `bench-${scenario}.md`));
  const openStarted = performance.now();
  await client.open(uri, text);
  const opened = await client.diagnosticsFor(uri, { timeoutMs: 60_000 });
  const openMs = performance.now() - openStarted;

  // Type and delete one character in the middle of a paragraph, alternately.
  const lines = text.split('\n');
  const line = Math.floor(lines.length / 2);
  const position = { line, character: Math.min(5, lines[line]?.length ?? 0) };
  const samples: number[] = [];
  for (let run = 0; run < runs + 3; run++) {
    const insert = run % 2 === 0;
    const started = performance.now();
    const version = await client.change(uri, [
      insert
        ? { range: { start: position, end: position }, text: 'x' }
        : { range: { start: position, end: { line, character: position.character + 1 } }, text: '' },
    ]);
    await client.diagnosticsFor(uri, { version, timeoutMs: 60_000 });
    // The first few runs warm the JIT; they are not counted.
    if (run >= 3) samples.push(performance.now() - started);
  }
  samples.sort((a, b) => a - b);
  await client.close(uri);

  // The same document through lint() alone, in this process, to separate the linter's cost
  // from the server's (worker hop, positions, JSON-RPC).
  const lintSamples: number[] = [];
  for (let run = 0; run < Math.min(runs, 15) + 2; run++) {
    const started = performance.now();
    lint(text, { format: 'markdown' });
    if (run >= 2) lintSamples.push(performance.now() - started);
  }
  lintSamples.sort((a, b) => a - b);
  const round = (value: number): number => Math.round(value * 10) / 10;
  return {
    documentBytes: Buffer.byteLength(text),
    diagnostics: opened.length,
    runs: samples.length,
    openToDiagnosticsMs: round(openMs),
    medianMs: round(percentile(samples, 0.5)),
    p95Ms: round(percentile(samples, 0.95)),
    minMs: round(samples[0] ?? Number.NaN),
    maxMs: round(samples.at(-1) ?? Number.NaN),
    lintAloneMedianMs: round(percentile(lintSamples, 0.5)),
  };
}

async function main(): Promise<void> {
  const build = argument('build', 'dist') as ServerBuild;
  const runs = Number(argument('runs', '40'));
  const workspace = temporaryWorkspace();
  const client = await TestClient.start(build, { rootDirectory: workspace, settings: { debounceMs: 0 } });
  try {
    const dense = await measure(client, workspace, 'dense', runs);
    const sparse = await measure(client, workspace, 'sparse', runs);
    process.stdout.write(
      `${JSON.stringify(
        {
          benchmark: 'lsp-didChange-to-publishDiagnostics',
          build,
          debounceMs: 0,
          targetMedianMs: 100,
          dense,
          sparse,
          node: process.version,
          cpus: cpus().length,
          loadAverage1m: Math.round((loadavg()[0] ?? Number.NaN) * 10) / 10,
        },
        null,
        2,
      )}\n`,
    );
  } finally {
    await client.stop();
    removeWorkspace(workspace);
  }
}

await main();
