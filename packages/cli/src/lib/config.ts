import path from 'node:path';
import {
  ConfigFinder,
  loadConfigFile,
  ruleIdProblem,
  ruleLevelProblem,
  validateConfig,
  type ConfigOptions,
  type KnownValues,
  type LoadedConfig,
} from '@luxlint/config';
import type { RuleLevel, Settings } from './types.js';

export { configFileNames, settingKeys, type KnownValues } from '@luxlint/config';

/** A config problem; the message names the file, the key and the valid values. */
export class ConfigError extends Error {
  override name = 'ConfigError';
}

/** Check one `--rule` level or `rules` value. */
export function checkRuleLevel(value: unknown, where: string): RuleLevel {
  const problem = ruleLevelProblem(value, where);
  if (problem !== undefined) throw new ConfigError(problem);
  return value as RuleLevel;
}

/** Check a rule id against the dataset. */
export function checkRuleId(id: string, where: string, known: KnownValues): void {
  const problem = ruleIdProblem(id, where, known);
  if (problem !== undefined) throw new ConfigError(problem);
}

/**
 * Validate a parsed config object. `source` prefixes every message (a file name, or
 * `--config x`). The first problem is thrown: a config is used whole or not at all.
 */
export function validateSettings(raw: unknown, source: string, known: KnownValues): Settings {
  return orThrow({ file: undefined, ...validateConfig(raw, source, known) }).settings;
}

function orThrow(loaded: LoadedConfig): LoadedConfig {
  const [problem] = loaded.problems;
  if (problem !== undefined) throw new ConfigError(problem);
  return loaded;
}

/** Files are named relative to the working directory, as the user typed them. */
function displayPath(file: string): string {
  return path.relative(process.cwd(), file) || file;
}

/** Finds the nearest config for each file (`@luxlint/config`), or uses the one `--config` names. */
export class ConfigResolver {
  readonly #finder: ConfigFinder;
  readonly #explicit: Promise<LoadedConfig> | undefined;
  /** A folder's files share its answer (thousands of files, a few folders). */
  readonly #byDirectory = new Map<string, Promise<LoadedConfig>>();

  constructor(known: KnownValues, explicitConfig?: string) {
    const options: ConfigOptions = { known, displayPath };
    this.#finder = new ConfigFinder(options);
    if (explicitConfig !== undefined) {
      const file = path.resolve(explicitConfig);
      this.#explicit = loadConfigFile(file, options).then((loaded) =>
        orThrow(loaded ?? { file, settings: {}, problems: [] }),
      );
      // Awaited per file later; without this a rejection before the first await would be "unhandled".
      this.#explicit.catch(() => undefined);
    }
  }

  /** Settings for a file (absolute path). Rejects with a ConfigError for a malformed config. */
  forFile(absolutePath: string): Promise<LoadedConfig> {
    if (this.#explicit) return this.#explicit;
    const directory = path.dirname(absolutePath);
    let found = this.#byDirectory.get(directory);
    if (!found) {
      found = this.#finder.find(directory).then(orThrow);
      // Awaited by the caller; a rejection seen only later must not count as unhandled.
      found.catch(() => undefined);
      this.#byDirectory.set(directory, found);
    }
    return found;
  }
}
