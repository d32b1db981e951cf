export { createServer, serverName, serverVersion, startServer } from './lib/server.js';
export { configFileNames, loadConfig, type LoadedConfig, type RcConfig } from './lib/config.js';
export {
  defaultSettings,
  normalizeSettings,
  settingsSchema,
  type EditorSettings,
  type NormalizedSettings,
  type Preset,
  type RuleSetting,
  type RunMode,
  type SettingSchema,
  type SeverityName,
} from './lib/settings.js';
export { mergeOptions, type PluginOptions } from './lib/findings.js';
export { formatFor } from './lib/format.js';
