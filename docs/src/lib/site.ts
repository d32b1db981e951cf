/** Links and lookups shared by the pages, all derived from @luxlint/terms. */
import { getTerm, terms, type Term } from '@luxlint/terms';
import { sitePath, termJsonPath, termPath } from './paths';

export { sitePath, termJsonPath, termPath };

/** The absolute URL of a term page, from the configured `site` and base. */
export function termUrl(id: string, site: URL | undefined): string {
  return new URL(termPath(id), site ?? 'https://luxlint.dev').href;
}

/** Ids in `preferred` or `related` that name no entry are skipped rather than linked to a 404. */
export function resolveIds(ids: readonly string[]): Term[] {
  return ids.map((id) => getTerm(id)).filter((term): term is Term => term !== undefined);
}

/** Entries that link to `id` (in `related` or `preferred`), for the "Linked from" list. */
export function linkedFrom(id: string): Term[] {
  return terms.filter(
    (term) => term.id !== id && (term.related.includes(id) || term.preferred.includes(id)),
  );
}

/** The suggestions for an entry: its preferred entries' terms, then its plain alternatives. */
export function suggestionsFor(term: Term): { text: string; id?: string }[] {
  const seen = new Set<string>();
  const out: { text: string; id?: string }[] = [];
  for (const preferred of resolveIds(term.preferred)) {
    const text = preferred.text.en.term;
    if (seen.has(text.toLowerCase())) continue;
    seen.add(text.toLowerCase());
    out.push({ text, id: preferred.id });
  }
  const fix = term.text.en.fix;
  for (const text of [...(fix ? [fix] : []), ...term.text.en.alternatives]) {
    if (seen.has(text.toLowerCase())) continue;
    seen.add(text.toLowerCase());
    out.push({ text });
  }
  return out;
}

/** The JSON form of an entry published at /terms/<id>.json and in /terms.json. */
export function termRecord(term: Term, site: URL | undefined) {
  return {
    ...term,
    page: termPath(term.id),
    url: termUrl(term.id, site),
    json: termJsonPath(term.id),
  };
}

export const dataLicence = {
  text: 'CC BY 4.0',
  textUrl: 'https://creativecommons.org/licenses/by/4.0/',
  code: 'MIT',
};
