import { readFile } from 'node:fs/promises';
import path from 'node:path';
import type { KnownValues, LoadedConfig } from './settings.js';
import { validateConfig } from './validate.js';

export interface ConfigOptions {
  /** Rule ids and languages a config may name. */
  known: KnownValues;
  /**
   * How a file is named in problems (default: its absolute path). The CLI passes one relative
   * to the working directory; a language server keeps the absolute path, as its working
   * directory means nothing to the user.
   */
  displayPath?: (file: string) => string;
}

/** ` (line l, column c): reason` from a JSON.parse message that gives a position. */
function jsonErrorPlace(text: string, message: string): string {
  const match = /^(.*?)(?: in JSON)? at position (\d+)/.exec(message);
  if (!match) return `: ${message}`;
  const before = text.slice(0, Number(match[2]));
  const line = before.split('\n').length;
  const column = before.length - before.lastIndexOf('\n');
  return ` (line ${line}, column ${column}): ${match[1]}`;
}

type Parsed = { raw: unknown } | { problem: string };

async function parseConfigText(text: string, file: string, display: string): Promise<Parsed> {
  const base = path.basename(file);
  if (base.endsWith('.yaml') || base.endsWith('.yml')) {
    // Loaded only when a YAML config exists. The default export, because yaml is CommonJS under
    // Node and the CLI's esbuild bundle keeps only a CommonJS module's default in a lazy chunk.
    const { default: yaml } = await import('yaml');
    try {
      return { raw: yaml.parse(text) as unknown };
    } catch (error) {
      return { problem: `${display}: invalid YAML: ${(error as Error).message.split('\n')[0]}` };
    }
  }
  try {
    return { raw: JSON.parse(text.replace(/^\uFEFF/, '')) as unknown };
  } catch (error) {
    return {
      problem: `${display}: invalid JSON${jsonErrorPlace(text, (error as Error).message)}`,
    };
  }
}

/**
 * Read, parse and check one config file: JSON, or YAML for `.yaml` / `.yml`; for a
 * `package.json`, its `luxlint` key. `undefined` for a `package.json` without that key (it is not
 * a config). A file that cannot be read or parsed gives no settings and one problem. Nothing in
 * the file is ever run: it is data, checked against a fixed set of keys.
 */
export async function loadConfigFile(
  file: string,
  options: ConfigOptions,
): Promise<LoadedConfig | undefined> {
  const absolute = path.resolve(file);
  const display = options.displayPath?.(absolute) ?? absolute;
  let text: string;
  try {
    text = await readFile(absolute, 'utf8');
  } catch (error) {
    const reason = (error as NodeJS.ErrnoException).code ?? String(error);
    return {
      file: absolute,
      settings: {},
      problems: [`${display}: cannot read config (${reason})`],
    };
  }
  const parsed = await parseConfigText(text, absolute, display);
  if ('problem' in parsed) return { file: absolute, settings: {}, problems: [parsed.problem] };
  let raw = parsed.raw;
  if (path.basename(absolute) === 'package.json') {
    if (raw === null || typeof raw !== 'object' || !('luxlint' in raw)) return undefined;
    raw = (raw as { luxlint: unknown }).luxlint;
  }
  return { file: absolute, ...validateConfig(raw, display, options.known) };
}
