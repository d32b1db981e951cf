/**
 * Invariants of the real dataset, on the data as consumers see it (`@luxlint/terms`, built from
 * the committed generated file; `generate.test.ts` proves that file matches terms/).
 */
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { categories, getLanguagePack, legalTitles, terms } from '@luxlint/terms';
import { compileDataset, containsForm, expandAlternatives } from '../scripts/compile.js';

const datasetDir = fileURLToPath(new URL('../../../terms', import.meta.url));
const flagged = terms.filter((term) => term.status !== 'use');

describe('the terms dataset', () => {
  it('compiles without a single problem', () => {
    expect(() => compileDataset(datasetDir)).not.toThrow();
  });

  it('has at least 80 entries', () => {
    expect(terms.length).toBeGreaterThanOrEqual(80);
  });

  it('covers all eleven categories', () => {
    const present = new Set(terms.map((term) => term.category));
    expect(categories.filter((category) => !present.has(category))).toEqual([]);
    expect(categories).toHaveLength(11);
  });

  it('has the English language pack', () => {
    expect(getLanguagePack('en')?.lang).toBe('en');
  });

  it('has legal titles', () => {
    expect(legalTitles.length).toBeGreaterThan(0);
  });

  it('gives every avoid/caution entry ≥ 2 incorrect and ≥ 1 correct example in every language', () => {
    expect(flagged.length).toBeGreaterThan(0);
    const short = flagged.flatMap((term) =>
      Object.entries(term.text)
        .filter(
          ([, text]) => text.examples.incorrect.length < 2 || text.examples.correct.length < 1,
        )
        .map(([lang]) => `${term.id} (${lang})`),
    );
    expect(short).toEqual([]);
  });

  it('gives every avoid/caution entry at least one match form, and no use entry any', () => {
    expect(
      flagged.filter((term) => term.text.en.match.length === 0).map((term) => term.id),
    ).toEqual([]);
    const useWithForms = terms.filter(
      (term) => term.status === 'use' && term.text.en.match.length > 0,
    );
    expect(useWithForms.map((term) => term.id)).toEqual([]);
  });

  it('never suggests a phrase that an avoid/caution form would flag', () => {
    const plurals = getLanguagePack('en')?.irregularPlurals ?? {};
    const forms = flagged.flatMap((term) =>
      term.text.en.match.flatMap((form) =>
        expandAlternatives(form.phrase).map((phrase) => ({ ...form, phrase, id: term.id })),
      ),
    );
    const suggestions = terms.flatMap((term) => {
      const text = term.text.en;
      const own = term.status === 'use' ? [text.term, ...text.abbreviations] : [];
      return [...own, ...text.alternatives, ...(text.fix === undefined ? [] : [text.fix])].map(
        (phrase) => [term.id, phrase] as const,
      );
    });
    expect(forms.length).toBeGreaterThan(0);
    expect(suggestions.length).toBeGreaterThan(0);
    const clashes = suggestions.flatMap(([id, phrase]) =>
      forms
        .filter((form) => containsForm(phrase, form, plurals))
        .map((form) => `${id}: "${phrase}" contains ${form.id}'s "${form.phrase}"`),
    );
    expect(clashes).toEqual([]);
  });

  it('is honest about provenance: an entry claims only a tier one of its sources has', () => {
    const unsupported = terms
      .filter((term) => term.provenance !== 'unverified')
      .filter((term) => !term.sources.some((source) => source.provenance === term.provenance))
      .map((term) => `${term.id}: ${term.provenance}`);
    expect(unsupported).toEqual([]);
  });

  it('has a https url wherever it has a url', () => {
    const urls = [
      ...terms.flatMap((term) => term.sources.map((source) => [term.id, source.url] as const)),
      ...legalTitles.map((title) => [title.title, title.url] as const),
    ].filter((pair): pair is readonly [string, string] => pair[1] !== undefined);
    expect(urls.length).toBeGreaterThan(0);
    expect(
      urls
        .filter(([, url]) => !url.startsWith('https://'))
        .map(([owner, url]) => `${owner}: ${url}`),
    ).toEqual([]);
  });

  it('gives a fixed text only to incorrect examples of entries with a fix, and it differs', () => {
    const wrong = terms.flatMap((term) =>
      Object.entries(term.text).flatMap(([lang, text]) =>
        text.examples.incorrect
          .filter((example) => example.fixed !== undefined)
          .filter((example) => text.fix === undefined || example.fixed === example.text)
          .map((example) => `${term.id} (${lang}): ${example.text}`),
      ),
    );
    expect(wrong).toEqual([]);
  });
});
