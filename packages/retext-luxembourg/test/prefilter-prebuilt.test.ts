import { readFileSync } from 'node:fs';
import { languagePacks, legalTitles, terms } from '@luxlint/terms';
import { createPrefilter } from 'retext-luxembourg';
import { describe, expect, it } from 'vitest';
import { generatedPath, renderPrefilterModule } from '../scripts/generate-prefilter.js';
import { prebuiltPrefilterRequirements } from '../src/generated/prefilter.js';
import { formsKey, resolveOptions } from '../src/lib/options.js';
import { createPrefilterFor, defaultPrefilterRequirements } from '../src/lib/plugin.js';
import { idsOf } from '../src/lib/compile.js';

const dataset = { terms, legalTitles, languagePacks };

describe('prebuilt prefilter requirements', () => {
  it('the committed file is fresh (run `pnpm --filter retext-luxembourg generate`)', () => {
    expect(readFileSync(generatedPath, 'utf8')).toBe(renderPrefilterModule());
  });

  it('cover both presets of every language, keyed as createPrefilter looks them up', () => {
    const prebuilt = prebuiltPrefilterRequirements();
    const keys = Object.keys(languagePacks).flatMap((lang) =>
      (['all', 'guidelines'] as const).map((preset) =>
        formsKey(resolveOptions({ lang, preset }, idsOf(terms), Object.keys(languagePacks))),
      ),
    );
    expect([...prebuilt.keys()].sort()).toEqual(keys.sort());
    expect(new Map(defaultPrefilterRequirements(dataset))).toEqual(prebuilt);
  });

  it('options that change no form share the prebuilt key; turning a rule off does not', () => {
    const key = (options: Record<string, unknown>) =>
      formsKey(resolveOptions(options, idsOf(terms), Object.keys(languagePacks)));
    const prebuilt = prebuiltPrefilterRequirements();
    expect(prebuilt.has(key({}))).toBe(true);
    expect(prebuilt.has(key({ allow: ['x'], reportSkipped: true, baseUrl: 'https://x/' }))).toBe(
      true,
    );
    expect(prebuilt.has(key({ rules: { 'child-pornography': 'caution' } }))).toBe(true);
    expect(prebuilt.has(key({ rules: { 'child-pornography': 'off' } }))).toBe(false);
  });

  it('the default createPrefilter answers like one computed from the compiled forms', () => {
    const computed = createPrefilterFor(dataset);
    const texts = [
      ...terms.flatMap((term) => [
        ...term.text.en.examples.incorrect.map((example) => example.text),
        ...term.text.en.examples.correct.map((example) => example.text),
      ]),
      'Nothing here but weather and sport.',
      'The child was at school; the film was not pornographic.',
    ];
    for (const options of [{}, { preset: 'guidelines' as const }]) {
      const prebuilt = createPrefilter(options);
      const fresh = computed(options);
      for (const text of texts) expect(prebuilt(text), text).toBe(fresh(text));
    }
  });
});
