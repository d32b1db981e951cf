import { createInterface } from 'node:readline';
import { ConfigResolver } from './config.js';
import {
  loadKnownValues,
  parseRuleFlags,
  type Io,
  type LintCommandOptions,
} from './lint-command.js';
import { LineIndex, toJsonMessage } from './messages.js';
import { loadLintModule } from './process-file.js';
import type { Settings, TextFormat } from './types.js';
import path from 'node:path';

const formats: readonly TextFormat[] = ['markdown', 'mdx', 'text', 'html'];

function write(stream: NodeJS.WritableStream, text: string): Promise<void> | void {
  if (!stream.write(text)) return new Promise((resolve) => stream.once('drain', () => resolve()));
}

/**
 * Batch mode: one JSON document per input line (`{"id", "text", "format"?}`), one result line per
 * document, in order. Lines are read and answered one at a time, so an archive of any size streams
 * through in constant memory. A bad line gets `{id?, line, error}` and the run goes on; the exit
 * status is 2 if any line was bad, else 0 (findings are the output here, not a failure).
 */
export async function runJsonl(options: LintCommandOptions, io: Io): Promise<number> {
  const known = await loadKnownValues();
  const { settings: fromFile } = await new ConfigResolver(known, options.config).forFile(
    path.join(io.cwd, 'stdin.jsonl'),
  );
  const settings: Settings = { ...fromFile };
  if (options.preset) settings.preset = options.preset;
  if (options.reportSkipped) settings.reportSkipped = true;
  if (options.rule && options.rule.length > 0)
    settings.rules = { ...fromFile.rules, ...parseRuleFlags(options.rule, known) };
  const lintModule = await loadLintModule();

  const lines = createInterface({ input: io.stdin, crlfDelay: Number.POSITIVE_INFINITY });
  let lineNumber = 0;
  let bad = 0;
  for await (const line of lines) {
    lineNumber++;
    if (line.trim() === '') continue;
    let output: Record<string, unknown>;
    let id: unknown;
    try {
      let document: unknown;
      try {
        document = JSON.parse(line);
      } catch {
        // Not the engine's message: it differs between Node versions, and batch output should not.
        throw new Error('not valid JSON');
      }
      if (document === null || typeof document !== 'object' || Array.isArray(document))
        throw new Error('expected an object {"id", "text", "format"?}');
      const record = document as Record<string, unknown>;
      id = record['id'];
      if (typeof id !== 'string' && typeof id !== 'number')
        throw new Error('"id" must be a string or a number');
      if (typeof record['text'] !== 'string') throw new Error('"text" must be a string');
      const format = record['format'] ?? 'text';
      if (typeof format !== 'string' || !(formats as readonly string[]).includes(format)) {
        throw new Error(
          `"format" must be one of ${formats.join(', ')}, not ${JSON.stringify(format)}`,
        );
      }
      const text = record['text'];
      const known = format as TextFormat;
      const lintFormat = await lintModule.loadLint([known]);
      const file = lintFormat(text, { ...settings, format: known });
      const index = new LineIndex(text);
      let messages = file.messages.map((message) => toJsonMessage(message, index));
      if (options.quiet) messages = messages.filter((message) => message.severity === 'warning');
      output = { id, messages };
    } catch (error) {
      bad++;
      output =
        typeof id === 'string' || typeof id === 'number'
          ? { id, line: lineNumber, error: (error as Error).message }
          : { line: lineNumber, error: (error as Error).message };
    }
    await write(io.stdout, JSON.stringify(output) + '\n');
  }
  return bad > 0 ? 2 : 0;
}
