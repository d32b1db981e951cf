import { entries, languagePackList, legalTitleList } from '../generated/terms.js';
import { deepFreeze } from './freeze.js';
import type { LanguagePack, LegalTitle, Term } from './types.js';

/** Every entry of the dataset, sorted by id, deeply frozen. */
export const terms: readonly Term[] = deepFreeze(entries);

/** Titles of legal instruments, mandates and organisations that legitimately contain discouraged terms. */
export const legalTitles: readonly LegalTitle[] = deepFreeze(legalTitleList);

/** Language packs for the matcher's context rules, keyed by BCP 47 tag. */
export const languagePacks: Readonly<Record<string, LanguagePack>> = Object.freeze(
  Object.fromEntries(deepFreeze(languagePackList).map((pack) => [pack.lang, pack])),
);

const byId = new Map<string, Term>();
for (const term of terms) {
  byId.set(term.id, term);
  for (const alias of term.aliases) byId.set(alias, term);
}

/** Get an entry by id (or by a former id kept in `aliases`). */
export function getTerm(id: string): Term | undefined {
  return byId.get(id);
}

/** Get the language pack for a BCP 47 tag, falling back from `en-GB` to `en`. */
export function getLanguagePack(lang: string): LanguagePack | undefined {
  return languagePacks[lang] ?? languagePacks[lang.split('-')[0] ?? ''];
}
