import { readFileSync } from 'node:fs';
import { languagePacks, legalTitles, terms } from '@luxlint/terms';
import { retext } from 'retext';
import retextLuxembourg, { createPrefilter } from 'retext-luxembourg';
import { describe, expect, it } from 'vitest';
import { generatedPath, renderPrebuiltModule } from '../scripts/generate-prebuilt.js';
import { prebuiltConfiguration } from '../src/generated/prebuilt.js';
import { compile, idsOf } from '../src/lib/compile.js';
import { formsKey, resolveOptions } from '../src/lib/options.js';
import { createPlugin, createPrefilterFor, defaultPrebuilt } from '../src/lib/plugin.js';
import type { Options } from '../src/lib/types.js';

// A copy, so nothing computed here comes from the default dataset's caches.
const dataset = { terms: [...terms], legalTitles: [...legalTitles], languagePacks };
const resolve = (options: Options) =>
  resolveOptions(options, idsOf(terms), Object.keys(languagePacks));
const keyOf = (options: Options) => formsKey(resolve(options));

const exampleTexts = terms.flatMap((term) => [
  ...term.text.en.examples.incorrect.map((example) => example.text),
  ...term.text.en.examples.correct.map((example) => example.text),
]);

describe('prebuilt configurations', () => {
  it('the committed file is fresh (run `pnpm --filter retext-luxembourg generate`)', () => {
    expect(readFileSync(generatedPath, 'utf8')).toBe(renderPrebuiltModule());
  });

  it('cover both presets of every language; tries only for the default preset', () => {
    const keys = defaultPrebuilt(dataset).map(([key]) => key);
    expect(keys.sort()).toEqual(
      Object.keys(languagePacks)
        .flatMap((lang) => [keyOf({ lang }), keyOf({ lang, preset: 'guidelines' })])
        .sort(),
    );
    expect(prebuiltConfiguration(keyOf({}))?.tries).toBeDefined();
    expect(prebuiltConfiguration(keyOf({ preset: 'guidelines' }))?.prefilter).toBeDefined();
    expect(prebuiltConfiguration(keyOf({ preset: 'guidelines' }))?.tries).toBeUndefined();
  });

  it('options that change no form share the default key; turning a rule off does not', () => {
    expect(keyOf({ allow: ['x'], reportSkipped: true, baseUrl: 'https://x/' })).toBe(keyOf({}));
    expect(keyOf({ rules: { 'child-pornography': 'caution' } })).toBe(keyOf({}));
    expect(prebuiltConfiguration(keyOf({ rules: { 'child-pornography': 'off' } }))).toBe(undefined);
  });

  it('compiling with the prebuilt tries gives what building them gives', () => {
    const tries = prebuiltConfiguration(keyOf({}))?.tries;
    expect(tries).toBeDefined();
    for (const options of [
      {},
      { rules: { 'child-pornography': 'caution' as const }, baseUrl: 'https://example.org/t/' },
      { allow: ['child porn ring'], reportSkipped: true },
    ]) {
      expect(compile(dataset, resolve(options), tries)).toEqual(compile(dataset, resolve(options)));
    }
  });

  it('refuses tries that do not fit the options (an entry turned off)', () => {
    const tries = prebuiltConfiguration(keyOf({}))?.tries;
    expect(() =>
      compile(dataset, resolve({ rules: { 'child-pornography': 'off' } }), tries),
    ).toThrow('prebuilt tries do not fit');
  });

  it('the default plugin and prefilter answer like ones built from scratch', () => {
    const fromScratch = createPlugin(dataset);
    const computedPrefilter = createPrefilterFor(dataset);
    for (const options of [{}, { preset: 'guidelines' as const }]) {
      const prebuiltPrefilter = createPrefilter(options);
      const freshPrefilter = computedPrefilter(options);
      for (const text of exampleTexts) {
        expect(prebuiltPrefilter(text), text).toBe(freshPrefilter(text));
        const messages = (plugin: typeof fromScratch) =>
          retext()
            .use(plugin, { ...options, reportSkipped: true })
            .processSync(text)
            .messages.map((message) => [message.ruleId, message.place, message.reason]);
        expect(messages(retextLuxembourg), text).toEqual(messages(fromScratch));
      }
    }
  });
});
