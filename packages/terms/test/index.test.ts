import { describe, expect, it } from 'vitest';
import {
  categories,
  getLanguagePack,
  getTerm,
  languagePacks,
  legalTitles,
  provenances,
  schema,
  statuses,
  terms,
  type Term,
} from '@luxlint/terms';

describe('@luxlint/terms', () => {
  it('should expose the public api', async () => {
    expect(Object.keys(await import('@luxlint/terms')).sort()).toEqual([
      'categories',
      'getLanguagePack',
      'getTerm',
      'languagePacks',
      'legalTitles',
      'provenances',
      'schema',
      'statuses',
      'terms',
    ]);
  });

  it('should list the statuses, categories and provenance tiers of the schema', () => {
    const properties = (schema as { properties: Record<string, { enum: string[] }> }).properties;
    expect(statuses).toEqual(properties['status']?.enum);
    expect(categories).toEqual(properties['category']?.enum);
    expect(provenances).toEqual(properties['provenance']?.enum);
  });

  it('should keep the entries sorted by id', () => {
    const ids = terms.map((term) => term.id);
    expect(ids).toEqual([...ids].sort());
  });

  it('should find an entry by id and by a former id, and nothing for an unknown id', () => {
    for (const term of terms) {
      expect(getTerm(term.id)).toBe(term);
      for (const alias of term.aliases) expect(getTerm(alias)).toBe(term);
    }
    expect(getTerm('no-such-entry')).toBeUndefined();
  });

  it('should find a language pack by tag, falling back from a region to the language', () => {
    for (const [lang, pack] of Object.entries(languagePacks)) {
      expect(pack.lang).toBe(lang);
      expect(getLanguagePack(lang)).toBe(pack);
      expect(getLanguagePack(`${lang}-GB`)).toBe(pack);
    }
    expect(getLanguagePack('xx')).toBeUndefined();
  });
});

describe('frozen data', () => {
  it('should refuse to add, remove or replace entries', () => {
    expect(Object.isFrozen(terms)).toBe(true);
    expect(() => (terms as Term[]).push(terms[0] as Term)).toThrow(TypeError);
    expect(() => (terms as Term[]).pop()).toThrow(TypeError);
  });

  it('should refuse to change anything inside an entry', () => {
    const term = terms[0];
    expect(term, 'the dataset has at least one entry').toBeDefined();
    if (!term) return;
    expect(() => {
      (term as { status: string }).status = 'use';
    }).toThrow(TypeError);
    expect(() => {
      (term.text.en as { summary: string }).summary = 'changed';
    }).toThrow(TypeError);
    const form = term.text.en.match[0];
    if (form) {
      expect(() => {
        (form as { phrase: string }).phrase = 'changed';
      }).toThrow(TypeError);
    }
    expect(() => (term.sources as unknown[]).push({})).toThrow(TypeError);
  });

  it('should freeze the legal titles, language packs, schema and lists', () => {
    for (const value of [legalTitles, languagePacks, schema, statuses, categories, provenances]) {
      expect(Object.isFrozen(value)).toBe(true);
    }
    for (const title of legalTitles) expect(Object.isFrozen(title)).toBe(true);
    for (const pack of Object.values(languagePacks)) {
      expect(Object.isFrozen(pack)).toBe(true);
      expect(Object.isFrozen(pack.childWords)).toBe(true);
      expect(Object.isFrozen(pack.irregularPlurals)).toBe(true);
    }
    const properties = (schema as { properties: object }).properties;
    expect(Object.isFrozen(properties)).toBe(true);
  });
});

describe('runtime', () => {
  it('has no runtime dependencies: the source imports only its own modules', async () => {
    const { readFileSync, readdirSync } = await import('node:fs');
    const src = new URL('../src/', import.meta.url);
    const manifest = JSON.parse(
      readFileSync(new URL('../package.json', import.meta.url), 'utf8'),
    ) as {
      dependencies?: Record<string, string>;
    };
    expect(manifest.dependencies ?? {}).toEqual({});
    const files = readdirSync(src, { recursive: true, encoding: 'utf8' }).filter((file) =>
      file.endsWith('.ts'),
    );
    expect(files.length).toBeGreaterThan(5);
    const external = files.flatMap((file) =>
      [...readFileSync(new URL(file, src), 'utf8').matchAll(/\bfrom\s+'([^']+)'/g)]
        .map((match) => match[1] ?? '')
        .filter((specifier) => !specifier.startsWith('.'))
        .map((specifier) => `${file}: ${specifier}`),
    );
    expect(external).toEqual([]);
  });
});
