export { createSearch, getDefaultSearch, getPrebuiltIndex, search } from './lib/default.js';
export { buildIndex, fingerprint } from './lib/search-index.js';
export {
  toSearchDocument,
  toSearchDocuments,
  type SearchDocument,
  type SearchField,
} from './lib/documents.js';
export { foldText, phraseKey } from './lib/normalize.js';
export type {
  CreateSearchOptions,
  SearchMatch,
  SearchOptions,
  SearchResult,
  Searcher,
  SerializedIndex,
} from './lib/types.js';
