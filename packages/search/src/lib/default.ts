import { getLanguagePack, terms as defaultTerms, type Term } from '@luxlint/terms';
import { prebuiltIndexJson } from '../generated/index.js';
import { createSearchOver } from './search.js';
import type {
  CreateSearchOptions,
  SearchOptions,
  SearchResult,
  Searcher,
  SerializedIndex,
} from './types.js';

let prebuilt: SerializedIndex | undefined;
let defaultSearch: Searcher | undefined;

/** The index generated at build time for `@luxlint/terms`' dataset, parsed on first use. */
export function getPrebuiltIndex(): SerializedIndex {
  prebuilt ??= JSON.parse(prebuiltIndexJson) as SerializedIndex;
  return prebuilt;
}

/**
 * Create a search over `terms`. Given the package's own dataset (`terms` from `@luxlint/terms`)
 * and no `index`, it loads the index prebuilt at build time instead of building one. Without a
 * `language`, it uses `@luxlint/terms`' English language pack.
 */
export function createSearch(terms: readonly Term[], options: CreateSearchOptions = {}): Searcher {
  const language = options.language ?? getLanguagePack('en');
  const withLanguage = language === undefined ? options : { ...options, language };
  if (options.index === undefined && terms === defaultTerms) {
    return createSearchOver(terms, { ...withLanguage, index: getPrebuiltIndex() });
  }
  return createSearchOver(terms, withLanguage);
}

/** The search over `@luxlint/terms`' dataset, created (from the prebuilt index) on first use. */
export function getDefaultSearch(): Searcher {
  defaultSearch ??= createSearch(defaultTerms);
  return defaultSearch;
}

/** Search `@luxlint/terms`' dataset: `getDefaultSearch().search(query, options)`. */
export function search(query: string, options?: SearchOptions): SearchResult[] {
  return getDefaultSearch().search(query, options);
}
