export {
  default,
  createPrefilter,
  createSentenceWindow,
  isMentionColumnHeader,
} from './lib/default.js';
export { quotationPairs } from './lib/context.js';
export type { SentenceWindow } from './lib/plugin.js';
export type {
  Fix,
  LuxembourgMessage,
  LuxembourgMessageFields,
  Options,
  QuoteRange,
  SkipContext,
} from './lib/types.js';
