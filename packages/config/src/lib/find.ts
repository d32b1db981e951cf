import { stat } from 'node:fs/promises';
import path from 'node:path';
import { loadConfigFile, type ConfigOptions } from './read.js';
import { configFileNames, type LoadedConfig } from './settings.js';

async function isFile(file: string): Promise<boolean> {
  try {
    return (await stat(file)).isFile();
  } catch {
    return false;
  }
}

/**
 * Finds the config that applies to a directory: the nearest one at or above it, trying
 * `configFileNames` in order in each directory. A `package.json` without a `luxlint` key is passed
 * over. Each directory is searched once (its parents too), so thousands of files in a folder cost
 * one search; `clear()` forgets everything, for when a config file changes.
 */
export class ConfigFinder {
  readonly #options: ConfigOptions;
  readonly #byDirectory = new Map<string, Promise<LoadedConfig>>();

  constructor(options: ConfigOptions) {
    this.#options = options;
  }

  /** The config for files in `directory`. Never rejects for a bad file: see `problems`. */
  find(directory: string): Promise<LoadedConfig> {
    const absolute = path.resolve(directory);
    let found = this.#byDirectory.get(absolute);
    if (!found) {
      found = this.#search(absolute);
      this.#byDirectory.set(absolute, found);
    }
    return found;
  }

  clear(): void {
    this.#byDirectory.clear();
  }

  async #search(directory: string): Promise<LoadedConfig> {
    for (const name of configFileNames) {
      const file = path.join(directory, name);
      if (!(await isFile(file))) continue;
      const loaded = await loadConfigFile(file, this.#options);
      if (loaded) return loaded;
    }
    const parent = path.dirname(directory);
    if (parent === directory) return { file: undefined, settings: {}, problems: [] };
    return this.find(parent);
  }
}
