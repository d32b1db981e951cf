export { default, createPrefilter, isMentionColumnHeader } from './lib/default.js';
export type {
  Fix,
  LuxembourgMessage,
  LuxembourgMessageFields,
  Options,
  QuoteRange,
  SkipContext,
} from './lib/types.js';
