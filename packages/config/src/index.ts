export {
  configFileNames,
  presets,
  ruleLevels,
  settingKeys,
  type KnownValues,
  type LoadedConfig,
  type Preset,
  type RuleLevel,
  type Settings,
} from './lib/settings.js';
export {
  ruleIdProblem,
  ruleLevelProblem,
  validateConfig,
  type ValidationResult,
} from './lib/validate.js';
export { loadConfigFile, type ConfigOptions } from './lib/read.js';
export { ConfigFinder } from './lib/find.js';
export { didYouMean, didYouMeanSuffix, editDistance } from './lib/did-you-mean.js';
