import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import * as api from '@luxlint/search';
import { terms } from '@luxlint/terms';
import { generatedPath, renderIndexModule } from '../scripts/generate-index.js';

const srcDir = fileURLToPath(new URL('../src', import.meta.url));

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) =>
    entry.isDirectory() ? sourceFiles(join(dir, entry.name)) : [join(dir, entry.name)],
  );
}

describe('API surface', () => {
  it('exports exactly these values', () => {
    expect(Object.keys(api).sort()).toEqual([
      'buildIndex',
      'createSearch',
      'fingerprint',
      'foldText',
      'getDefaultSearch',
      'getPrebuiltIndex',
      'phraseKey',
      'search',
      'toSearchDocument',
      'toSearchDocuments',
    ]);
    for (const value of Object.values(api)) expect(typeof value).toBe('function');
  });

  it('src/index.ts only re-exports', () => {
    const index = readFileSync(join(srcDir, 'index.ts'), 'utf8');
    for (const line of index.split('\n').filter((line) => line.trim() !== '')) {
      expect(line).toMatch(/^(export |\s|\}|\/\/)/u);
    }
  });

  it('src uses nothing Node-only, so it runs unchanged in browsers', () => {
    for (const file of sourceFiles(srcDir)) {
      const text = readFileSync(file, 'utf8');
      expect(text, file).not.toMatch(
        /from\s+['"]node:|require\(|\bprocess\.|\bBuffer\b|__dirname/u,
      );
      for (const [, specifier] of text.matchAll(/from\s+['"]([^'"]+)['"]/gu)) {
        expect(
          ['fuse.js', '@luxlint/terms'].includes(specifier!) || specifier!.startsWith('.'),
          `${file}: ${specifier}`,
        ).toBe(true);
      }
    }
  });
});

describe('the default dataset', () => {
  it('the committed prebuilt index is fresh (run `pnpm --filter @luxlint/search generate`)', () => {
    expect(readFileSync(generatedPath, 'utf8')).toBe(renderIndexModule());
  });

  it('the prebuilt index matches the dataset, so it is used rather than rebuilt', () => {
    expect(api.getPrebuiltIndex().fingerprint).toBe(api.buildIndex(terms).fingerprint);
  });

  it('search() and getDefaultSearch() search @luxlint/terms', () => {
    const searcher = api.getDefaultSearch();
    expect(searcher.terms).toBe(terms);
    expect(api.getDefaultSearch()).toBe(searcher);
    const first = terms[0];
    expect(first).toBeDefined();
    expect(api.search(first!.text.en.term)[0]?.term.id).toBe(first!.id);
  });

  it('createSearch(terms) on the default dataset answers like a freshly built index', () => {
    const prebuilt = api.createSearch(terms, { cacheSize: 0 });
    const fresh = api.createSearch([...terms], { cacheSize: 0 });
    for (const term of terms) {
      const query = term.text.en.term.slice(0, -1);
      expect(prebuilt.search(query).map((result) => result.term.id)).toEqual(
        fresh.search(query).map((result) => result.term.id),
      );
    }
  });
});
