/** Names searched in each directory, in this order; the first one found wins. */
export const configFileNames: readonly string[] = [
  '.luxlintrc.json',
  '.luxlintrc.yaml',
  '.luxlintrc.yml',
  'package.json',
];

/** The keys a config may set: the options of `retext-luxembourg`. */
export const settingKeys: readonly (keyof Settings)[] = [
  'preset',
  'rules',
  'allow',
  'reportSkipped',
  'baseUrl',
  'lang',
];

export type Preset = 'guidelines' | 'all';
export const presets: readonly Preset[] = ['guidelines', 'all'];

/** What a `rules` entry can say about a rule: turn it off, or force its status. */
export type RuleLevel = 'off' | 'caution' | 'avoid';
export const ruleLevels: readonly RuleLevel[] = ['off', 'caution', 'avoid'];

/** The settings a config file holds, after validation. */
export interface Settings {
  preset?: Preset;
  rules?: Record<string, RuleLevel>;
  allow?: string[];
  reportSkipped?: boolean;
  baseUrl?: string;
  lang?: string;
}

/**
 * What a config is checked against. The caller supplies them (from `@luxlint/terms`), so this
 * package reads no dataset and a test can pass a small one.
 */
export interface KnownValues {
  /** Every id a `rules` key may name. */
  readonly ruleIds: readonly string[];
  /** Every value `lang` may take. */
  readonly langs: readonly string[];
}

/** A config as found for a directory or read from one file. */
export interface LoadedConfig {
  /** Absolute path of the file the settings came from; `undefined` when none was found. */
  file: string | undefined;
  /** The valid part of the file: a bad key is left out, the others still apply. */
  settings: Settings;
  /** One sentence per problem, naming the file, the key and the valid values. */
  problems: string[];
}
