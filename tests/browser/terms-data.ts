/** Reading the published /terms.json, to derive what the tests expect from the data itself. */
export interface TermRecord {
  id: string;
  status: 'use' | 'caution' | 'avoid';
  page: string;
  json: string;
  url: string;
  related: string[];
  preferred: string[];
  text: {
    en: {
      term: string;
      abbreviations: string[];
      match: { phrase: string }[];
      alternatives: string[];
      examples: { incorrect: { text: string }[]; correct: { text: string }[] };
    };
  };
}

export async function fetchTerms(origin: string): Promise<TermRecord[]> {
  const response = await fetch(new URL('/terms.json', origin));
  if (!response.ok) throw new Error(`/terms.json: ${response.status}`);
  return ((await response.json()) as { terms: TermRecord[] }).terms;
}

/** Every spelling a lemma phrase stands for: word slots may hold `a|b` alternatives. */
export function expandPhrase(phrase: string): string[] {
  return phrase
    .split(/\s+/)
    .reduce<string[]>(
      (prefixes, slot) =>
        prefixes.flatMap((prefix) => slot.split('|').map((word) => `${prefix} ${word}`.trim())),
      [''],
    );
}

/** The entry that lists `form` as its term, an abbreviation or a match form (case-insensitive). */
export function entryListing(terms: readonly TermRecord[], form: string): TermRecord {
  const wanted = form.toLowerCase();
  const found = terms.find(
    (term) =>
      term.text.en.term.toLowerCase() === wanted ||
      term.text.en.abbreviations.some((abbreviation) => abbreviation.toLowerCase() === wanted) ||
      term.text.en.match.some((match) => expandPhrase(match.phrase.toLowerCase()).includes(wanted)),
  );
  if (!found) throw new Error(`no entry lists “${form}”: the dataset is missing it`);
  return found;
}
