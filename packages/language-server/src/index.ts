export { runCli } from './lib/cli.js';
export { createServer, serverName, serverVersion, startServer } from './lib/server.js';
export {
  ConfigCache,
  configFileNames,
  loadConfig,
  readConfigFile,
  validateConfig,
  type LoadedConfig,
  type RcConfig,
} from './lib/config.js';
export {
  defaultSettings,
  normalizeSettings,
  presets,
  ruleSettings,
  runModes,
  settingsSchema,
  severityNames,
  type EditorSettings,
  type NormalizedSettings,
  type Preset,
  type RuleSetting,
  type RunMode,
  type SettingSchema,
  type SeverityName,
} from './lib/settings.js';
export {
  lintDocument,
  mergeOptions,
  type Finding,
  type Fix,
  type PluginOptions,
} from './lib/findings.js';
export { formatFor } from './lib/format.js';
export { toDiagnostic, readDiagnosticData, type DiagnosticData } from './lib/diagnostics.js';
export { fixAllEdits, fixAllKind, ignoreEdit } from './lib/code-actions.js';
export { hoverMarkdown } from './lib/hover.js';
