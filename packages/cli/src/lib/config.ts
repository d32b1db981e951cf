import { readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import { didYouMeanSuffix } from './did-you-mean.js';
import type { RuleLevel, Settings } from './types.js';

/** Names searched in each directory, in this order; the first one found wins. */
export const configFileNames = [
  '.luxlintrc.json',
  '.luxlintrc.yaml',
  '.luxlintrc.yml',
  'package.json',
] as const;

export const settingKeys = [
  'preset',
  'rules',
  'allow',
  'reportSkipped',
  'baseUrl',
  'lang',
] as const;
export const presets = ['guidelines', 'all'] as const;
export const ruleLevels: readonly RuleLevel[] = ['off', 'caution', 'avoid'];

/** A config problem; the message names the file, the key and the valid values. */
export class ConfigError extends Error {
  override name = 'ConfigError';
}

/** What a config is checked against. */
export interface KnownValues {
  ruleIds: readonly string[];
  langs: readonly string[];
}

function describe(value: unknown): string {
  return JSON.stringify(value) ?? String(value);
}

/** Check one `--rule` level or `rules` value. */
export function checkRuleLevel(value: unknown, where: string): RuleLevel {
  if (typeof value === 'string' && (ruleLevels as readonly string[]).includes(value))
    return value as RuleLevel;
  const hint = typeof value === 'string' ? didYouMeanSuffix(value, ruleLevels) : '';
  throw new ConfigError(
    `${where} must be one of ${ruleLevels.join(', ')}, not ${describe(value)}${hint}`,
  );
}

/** Check a rule id against the dataset. */
export function checkRuleId(id: string, where: string, known: KnownValues): void {
  if (known.ruleIds.includes(id)) return;
  throw new ConfigError(
    `${where}: unknown rule id ${describe(id)}${didYouMeanSuffix(id, known.ruleIds)}; \`luxlint list\` shows every id`,
  );
}

/**
 * Validate a parsed config object. `source` prefixes every message (a file name, or
 * `--config x`).
 */
export function validateSettings(raw: unknown, source: string, known: KnownValues): Settings {
  if (raw === null || raw === undefined) return {};
  if (typeof raw !== 'object' || Array.isArray(raw)) {
    throw new ConfigError(
      `${source}: expected an object with the keys ${settingKeys.join(', ')}, not ${describe(raw)}`,
    );
  }
  const settings: Settings = {};
  for (const [key, value] of Object.entries(raw as Record<string, unknown>)) {
    switch (key) {
      case 'preset': {
        if (typeof value !== 'string' || !(presets as readonly string[]).includes(value)) {
          const hint = typeof value === 'string' ? didYouMeanSuffix(value, presets) : '';
          throw new ConfigError(
            `${source}: "preset" must be one of ${presets.join(', ')}, not ${describe(value)}${hint}`,
          );
        }
        settings.preset = value as 'guidelines' | 'all';
        break;
      }
      case 'rules': {
        if (value === null || typeof value !== 'object' || Array.isArray(value)) {
          throw new ConfigError(
            `${source}: "rules" must map rule ids to one of ${ruleLevels.join(', ')}, not ${describe(value)}`,
          );
        }
        const rules: Record<string, RuleLevel> = {};
        for (const [id, level] of Object.entries(value as Record<string, unknown>)) {
          checkRuleId(id, `${source}: "rules"`, known);
          rules[id] = checkRuleLevel(level, `${source}: "rules.${id}"`);
        }
        settings.rules = rules;
        break;
      }
      case 'allow': {
        if (
          !Array.isArray(value) ||
          !value.every((item) => typeof item === 'string' && item.trim() !== '')
        ) {
          throw new ConfigError(
            `${source}: "allow" must be a list of phrases (non-empty strings), not ${describe(value)}`,
          );
        }
        settings.allow = value as string[];
        break;
      }
      case 'reportSkipped': {
        if (typeof value !== 'boolean') {
          throw new ConfigError(
            `${source}: "reportSkipped" must be true or false, not ${describe(value)}`,
          );
        }
        settings.reportSkipped = value;
        break;
      }
      case 'baseUrl': {
        if (typeof value !== 'string' || !URL.canParse(value)) {
          throw new ConfigError(
            `${source}: "baseUrl" must be an absolute URL such as "https://luxlint.dev/terms/", not ${describe(value)}`,
          );
        }
        settings.baseUrl = value;
        break;
      }
      case 'lang': {
        if (typeof value !== 'string' || !known.langs.includes(value)) {
          const hint = typeof value === 'string' ? didYouMeanSuffix(value, known.langs) : '';
          throw new ConfigError(
            `${source}: "lang" must be one of ${known.langs.join(', ')}, not ${describe(value)}${hint}`,
          );
        }
        settings.lang = value;
        break;
      }
      default: {
        if (key === '$schema') break;
        throw new ConfigError(
          `${source}: unknown key ${describe(key)}${didYouMeanSuffix(key, settingKeys)}; valid keys: ${settingKeys.join(', ')}`,
        );
      }
    }
  }
  return settings;
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

/** Parse a config file; `undefined` for a package.json without a `luxlint` key. */
export async function readConfigFile(file: string): Promise<unknown> {
  const display = path.relative(process.cwd(), file) || file;
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (error) {
    throw new ConfigError(
      `${display}: cannot read config (${(error as NodeJS.ErrnoException).code ?? String(error)})`,
    );
  }
  const base = path.basename(file);
  if (base.endsWith('.yaml') || base.endsWith('.yml')) {
    // The default export (yaml is CommonJS under Node): named exports of a CommonJS module do
    // not survive esbuild's lazy chunks.
    const { default: yaml } = await import('yaml');
    const { parse } = yaml;
    try {
      return parse(text) as unknown;
    } catch (error) {
      throw new ConfigError(`${display}: invalid YAML: ${(error as Error).message.split('\n')[0]}`);
    }
  }
  let parsed: unknown;
  try {
    parsed = JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch (error) {
    throw new ConfigError(
      `${display}: invalid JSON${jsonErrorPlace(text, (error as Error).message)}`,
    );
  }
  if (base === 'package.json') {
    if (parsed === null || typeof parsed !== 'object' || !('luxlint' in parsed)) return undefined;
    return (parsed as { luxlint: unknown }).luxlint;
  }
  return parsed;
}

/** A config found for a file: its settings and where they came from. */
export interface FoundConfig {
  settings: Settings;
  file?: string;
}

/**
 * Finds the nearest config for each file, walking up from the file's directory; one lookup per
 * directory (cached), so thousands of files in a folder cost one search.
 */
export class ConfigResolver {
  readonly #known: KnownValues;
  readonly #explicit: Promise<FoundConfig> | undefined;
  readonly #byDirectory = new Map<string, Promise<FoundConfig>>();

  constructor(known: KnownValues, explicitConfig?: string) {
    this.#known = known;
    if (explicitConfig !== undefined) {
      const file = path.resolve(explicitConfig);
      this.#explicit = this.#load(file).then((found) => found ?? { settings: {}, file });
      // Awaited per file later; without this a rejection before the first await would be "unhandled".
      this.#explicit.catch(() => undefined);
    }
  }

  /** Settings for a file (absolute path). Rejects with a ConfigError for a malformed config. */
  forFile(absolutePath: string): Promise<FoundConfig> {
    if (this.#explicit) return this.#explicit;
    return this.#forDirectory(path.dirname(absolutePath));
  }

  #forDirectory(directory: string): Promise<FoundConfig> {
    let found = this.#byDirectory.get(directory);
    if (!found) {
      found = this.#search(directory);
      this.#byDirectory.set(directory, found);
    }
    return found;
  }

  async #search(directory: string): Promise<FoundConfig> {
    for (const name of configFileNames) {
      const found = await this.#load(path.join(directory, name), true);
      if (found) return found;
    }
    const parent = path.dirname(directory);
    if (parent === directory) return { settings: {} };
    return this.#forDirectory(parent);
  }

  async #load(file: string, optional = false): Promise<FoundConfig | undefined> {
    if (optional) {
      try {
        if (!(await stat(file)).isFile()) return undefined;
      } catch {
        return undefined;
      }
    }
    const raw = await readConfigFile(file);
    if (raw === undefined) return undefined;
    const display = path.relative(process.cwd(), file) || file;
    return { settings: validateSettings(raw, display, this.#known), file };
  }
}
