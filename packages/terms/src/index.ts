export type {
  Category,
  Example,
  LanguagePack,
  LegalTitle,
  LocalizedText,
  MatchForm,
  Provenance,
  Source,
  Status,
  Term,
} from './lib/types.js';
export { categories, provenances, statuses } from './lib/enums.js';
export { getLanguagePack, getTerm, languagePacks, legalTitles, terms } from './lib/data.js';
export { schema } from './lib/schema.js';
