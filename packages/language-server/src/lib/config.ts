/**
 * A small reader for the configuration files the CLI also reads (`.luxlintrc.json`,
 * `.luxlintrc.yaml`, `.luxlintrc.yml`, or a `luxlint` key in `package.json`), so that the editor
 * and CI agree. The nearest directory holding one of them wins; within a directory the order
 * is the one above.
 */
import { readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { getLanguagePack, getTerm, languagePacks } from '@luxlint/terms';
import { parse as parseYaml } from 'yaml';
import { presets, ruleSettings, type Preset, type RuleSetting } from './settings.js';

/** The keys of a config file: the plugin options. */
export interface RcConfig {
  preset?: Preset;
  rules?: Record<string, RuleSetting>;
  allow?: string[];
  reportSkipped?: boolean;
  baseUrl?: string;
  lang?: string;
}

export interface LoadedConfig {
  /** Absolute path of the file the config came from, or undefined when none was found. */
  file: string | undefined;
  config: RcConfig;
  /** Problems found in the file, each naming the file, the key and the valid choices. */
  problems: string[];
}

export const configFileNames: readonly string[] = [
  '.luxlintrc.json',
  '.luxlintrc.yaml',
  '.luxlintrc.yml',
  'package.json',
];

const knownKeys = ['preset', 'rules', 'allow', 'reportSkipped', 'baseUrl', 'lang'];

function isFile(file: string): boolean {
  try {
    return statSync(file).isFile();
  } catch {
    return false;
  }
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Check the keys of a config object; invalid keys are dropped and reported. */
export function validateConfig(
  raw: unknown,
  file: string,
): { config: RcConfig; problems: string[] } {
  const problems: string[] = [];
  const config: RcConfig = {};
  if (!isRecord(raw)) {
    problems.push(`${file}: expected an object with the keys ${knownKeys.join(', ')}`);
    return { config, problems };
  }
  for (const [key, value] of Object.entries(raw)) {
    const bad = (expected: string): void => {
      problems.push(
        `${file}: \`${key}\` is ${JSON.stringify(value) ?? String(value)}; expected ${expected}`,
      );
    };
    switch (key) {
      case 'preset':
        if (typeof value === 'string' && (presets as readonly string[]).includes(value))
          config.preset = value as Preset;
        else bad(presets.map((p) => `'${p}'`).join(' or '));
        break;
      case 'rules':
        if (isRecord(value)) {
          const rules: Record<string, RuleSetting> = {};
          for (const [id, level] of Object.entries(value)) {
            if (!getTerm(id)) {
              problems.push(
                `${file}: \`rules\` names ${JSON.stringify(id)}, which is not the id of any luxlint entry`,
              );
              continue;
            }
            if (typeof level === 'string' && (ruleSettings as readonly string[]).includes(level))
              rules[id] = level as RuleSetting;
            else
              problems.push(
                `${file}: \`rules.${id}\` is ${JSON.stringify(level)}; expected ${ruleSettings.map((r) => `'${r}'`).join(', ')}`,
              );
          }
          config.rules = rules;
        } else bad('an object of entry id → off | caution | avoid');
        break;
      case 'allow':
        if (Array.isArray(value) && value.every((item) => typeof item === 'string'))
          config.allow = [...(value as string[])];
        else bad('an array of phrases (strings)');
        break;
      case 'reportSkipped':
        if (typeof value === 'boolean') config.reportSkipped = value;
        else bad('true or false');
        break;
      case 'baseUrl':
        if (typeof value === 'string' && URL.canParse(value)) config.baseUrl = value;
        else bad('an absolute URL such as "https://luxlint.dev/terms/"');
        break;
      case 'lang':
        if (typeof value === 'string' && getLanguagePack(value)) config.lang = value;
        else bad(`one of ${Object.keys(languagePacks).join(', ')}`);
        break;
      case '$schema':
        // Editors use it to validate the file; it is not a setting.
        break;
      default:
        problems.push(`${file}: unknown key \`${key}\`; valid keys are ${knownKeys.join(', ')}`);
    }
  }
  return { config, problems };
}

/** Read one candidate file; `undefined` when it holds no luxlint config (a package.json without the key). */
export function readConfigFile(file: string): LoadedConfig | undefined {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (error) {
    return {
      file,
      config: {},
      problems: [`${file}: cannot be read (${(error as Error).message})`],
    };
  }
  const base = path.basename(file);
  let raw: unknown;
  try {
    raw = base.endsWith('.json') ? JSON.parse(text) : parseYaml(text);
  } catch (error) {
    const reason = (error as Error).message.split('\n')[0] ?? 'syntax error';
    return {
      file,
      config: {},
      problems: [`${file}: not valid ${base.endsWith('.json') ? 'JSON' : 'YAML'} (${reason})`],
    };
  }
  if (base === 'package.json') {
    if (!isRecord(raw) || !('luxlint' in raw)) return undefined;
    raw = raw['luxlint'];
  }
  // An empty YAML file is an empty config, not an error.
  if (raw === null || raw === undefined) return { file, config: {}, problems: [] };
  const { config, problems } = validateConfig(raw, file);
  return { file, config, problems };
}

/** Find and read the config that applies to files in `directory` (nearest wins), walking up to the root. */
export function loadConfig(directory: string): LoadedConfig {
  let current = path.resolve(directory);
  for (;;) {
    for (const name of configFileNames) {
      const file = path.join(current, name);
      if (!isFile(file)) continue;
      const loaded = readConfigFile(file);
      if (loaded) return loaded;
    }
    const parent = path.dirname(current);
    if (parent === current) return { file: undefined, config: {}, problems: [] };
    current = parent;
  }
}

/**
 * Caches lookups per directory. The server clears it when a config file changes (watched files);
 * with a client that cannot watch files it is not used, so edits to a config file are still seen.
 */
export class ConfigCache {
  readonly #byDirectory = new Map<string, LoadedConfig>();

  get(directory: string): LoadedConfig {
    let loaded = this.#byDirectory.get(directory);
    if (!loaded) {
      loaded = loadConfig(directory);
      this.#byDirectory.set(directory, loaded);
    }
    return loaded;
  }

  clear(): void {
    this.#byDirectory.clear();
  }
}
