/**
 * The configuration files the CLI reads (`.luxlintrc.json`, `.luxlintrc.yaml`, `.luxlintrc.yml`,
 * or a `luxlint` key in `package.json`; the nearest wins), read by the same code
 * (`@luxlint/config`), so that the editor and CI agree. Unlike the CLI, the server applies the
 * valid part of a malformed file and shows the problems.
 */
import { ConfigFinder, type KnownValues, type LoadedConfig, type Settings } from '@luxlint/config';
import { languagePacks, terms } from '@luxlint/terms';

export { configFileNames, type LoadedConfig } from '@luxlint/config';

/** The keys of a config file: the plugin options. */
export type RcConfig = Settings;

// Former ids (aliases) are accepted too: the plugin maps them to the current ones.
const known: KnownValues = {
  ruleIds: terms.flatMap((term) => [term.id, ...term.aliases]),
  langs: Object.keys(languagePacks),
};

/**
 * A finder that caches per directory. The server uses one only when the client reports changed
 * config files (watched files), clearing it on each change.
 */
export function createConfigFinder(): ConfigFinder {
  return new ConfigFinder({ known });
}

/** The config that applies to files in `directory`, read afresh; problems name absolute paths. */
export function loadConfig(directory: string): Promise<LoadedConfig> {
  return createConfigFinder().find(directory);
}
