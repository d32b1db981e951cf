import type { Term } from '@luxlint/terms';

export const defaultBaseUrl = 'https://luxlint.dev/terms/';

export function termUrl(id: string): string {
  return `${defaultBaseUrl}${id}/`;
}

/** What to write instead: preferred entries' headwords first, then the entry's own alternatives. */
export function suggestionsFor(term: Term, byId: ReadonlyMap<string, Term>): string[] {
  const preferred = term.preferred
    .map((id) => byId.get(id)?.text.en.term)
    .filter((value): value is string => value !== undefined);
  return [...new Set([...preferred, ...term.text.en.alternatives])];
}

export const statusLabel: Record<Term['status'], string> = {
  avoid: 'avoid',
  caution: 'caution',
  use: 'use',
};

/** Wrap text to a width, with an indent for every line. */
export function wrap(text: string, indent = '  ', width = 88): string {
  const lines: string[] = [];
  for (const paragraph of text.split(/\n{2,}/)) {
    let line = '';
    for (const word of paragraph.split(/\s+/).filter(Boolean)) {
      if (line !== '' && indent.length + line.length + 1 + word.length > width) {
        lines.push(indent + line);
        line = word;
      } else {
        line = line === '' ? word : `${line} ${word}`;
      }
    }
    if (line !== '') lines.push(indent + line);
  }
  return lines.join('\n');
}
