export { main } from './lib/main.js';
export { validateSettings, ConfigError, settingKeys } from './lib/config.js';
export { toSarif } from './lib/reporters/sarif.js';
export { formatGithub } from './lib/reporters/github.js';
export { jsonVersion, toJsonFile } from './lib/reporters/json.js';
export { formToRegex } from './lib/commands/export.js';
export type { FileResult, JsonFix, JsonMessage, RuleLevel, Settings } from './lib/types.js';
