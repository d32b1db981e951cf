import { describe, expect, it } from 'vitest';
import { ruleIdProblem, ruleLevelProblem, validateConfig } from '@luxlint/config';
import { known } from './helpers.js';

describe('validateConfig', () => {
  it('accepts every key, and $schema, which is not a setting', () => {
    const settings = {
      preset: 'guidelines',
      rules: { 'child-prostitute': 'off', 'child-pornography': 'caution' },
      allow: ['Child Pornography Prevention Act'],
      reportSkipped: false,
      baseUrl: 'https://example.org/terms/',
      lang: 'en',
    };
    expect(validateConfig({ $schema: './schema.json', ...settings }, 'a.json', known)).toEqual({
      settings,
      problems: [],
    });
  });

  it('accepts a regional tag of a known language, as the plugin does (en-GB → en)', () => {
    expect(validateConfig({ lang: 'en-GB' }, 'a.json', known)).toEqual({
      settings: { lang: 'en-GB' },
      problems: [],
    });
    expect(validateConfig({ lang: 'fr-FR' }, 'a.json', known).problems).toEqual([
      'a.json: "lang" must be one of en, not "fr-FR"',
    ]);
  });

  it('treats an empty file (null or undefined) as no settings', () => {
    for (const empty of [null, undefined]) {
      expect(validateConfig(empty, 'a.yaml', known)).toEqual({ settings: {}, problems: [] });
    }
  });

  it('refuses anything but an object, naming the keys it expects', () => {
    for (const [raw, shown] of [
      [[], '[]'],
      ['preset: all', '"preset: all"'],
      [3, '3'],
    ] as const) {
      expect(validateConfig(raw, 'a.json', known)).toEqual({
        settings: {},
        problems: [
          `a.json: expected an object with the keys preset, rules, allow, reportSkipped, baseUrl, lang, not ${shown}`,
        ],
      });
    }
  });

  // One bad value per row: the exact sentence, with the valid values and a did-you-mean.
  const cases: [Record<string, unknown>, string][] = [
    [
      { rule: {} },
      'a.json: unknown key "rule" (did you mean "rules"?); valid keys: preset, rules, allow, reportSkipped, baseUrl, lang',
    ],
    [
      { colour: 'red' },
      'a.json: unknown key "colour"; valid keys: preset, rules, allow, reportSkipped, baseUrl, lang',
    ],
    [
      { preset: 'guideline' },
      'a.json: "preset" must be one of guidelines, all, not "guideline" (did you mean "guidelines"?)',
    ],
    [{ preset: 1 }, 'a.json: "preset" must be one of guidelines, all, not 1'],
    [
      { rules: ['child-pornography'] },
      'a.json: "rules" must map rule ids to one of off, caution, avoid, not ["child-pornography"]',
    ],
    [
      { rules: { 'child-porngraphy': 'off' } },
      'a.json: "rules": unknown rule id "child-porngraphy" (did you mean "child-pornography"?); `luxlint list` shows every id',
    ],
    [
      { rules: { 'child-pornography': 'warning' } },
      'a.json: "rules.child-pornography" must be one of off, caution, avoid, not "warning"',
    ],
    [
      { rules: { 'child-pornography': 'avoi' } },
      'a.json: "rules.child-pornography" must be one of off, caution, avoid, not "avoi" (did you mean "avoid"?)',
    ],
    [
      { allow: 'child sex tourism' },
      'a.json: "allow" must be a list of phrases (non-empty strings), not "child sex tourism"',
    ],
    [
      { allow: ['fine', ' '] },
      'a.json: "allow" must be a list of phrases (non-empty strings), not ["fine"," "]',
    ],
    [{ reportSkipped: 'yes' }, 'a.json: "reportSkipped" must be true or false, not "yes"'],
    [
      { baseUrl: 'luxlint.dev' },
      'a.json: "baseUrl" must be an absolute URL such as "https://luxlint.dev/terms/", not "luxlint.dev"',
    ],
    [{ lang: 'eng' }, 'a.json: "lang" must be one of en, not "eng" (did you mean "en"?)'],
    [{ lang: null }, 'a.json: "lang" must be one of en, not null'],
  ];
  for (const [raw, problem] of cases) {
    it(`says ${JSON.stringify(raw)} is wrong, and how`, () => {
      const { settings, problems } = validateConfig(raw, 'a.json', known);
      expect(problems).toEqual([problem]);
      // The bad key is left out (an object for `rules`: only its bad entry is).
      expect(Object.keys(settings).filter((key) => key !== 'rules')).toEqual([]);
    });
  }

  it('reports every problem, in file order, and keeps what is valid', () => {
    const { settings, problems } = validateConfig(
      {
        preset: 'strict',
        rules: { 'child-pornography': 'never', 'child-prostitute': 'off', 'no-such-entry': 'off' },
        colour: 'red',
        allow: ['Child Pornography Prevention Act'],
        lang: 'EN',
        reportSkipped: true,
      },
      '/home/a/.luxlintrc.json',
      known,
    );
    expect(settings).toEqual({
      rules: { 'child-prostitute': 'off' },
      allow: ['Child Pornography Prevention Act'],
      reportSkipped: true,
    });
    expect(problems).toEqual([
      '/home/a/.luxlintrc.json: "preset" must be one of guidelines, all, not "strict"',
      '/home/a/.luxlintrc.json: "rules.child-pornography" must be one of off, caution, avoid, not "never"',
      '/home/a/.luxlintrc.json: "rules": unknown rule id "no-such-entry"; `luxlint list` shows every id',
      '/home/a/.luxlintrc.json: unknown key "colour"; valid keys: preset, rules, allow, reportSkipped, baseUrl, lang',
      '/home/a/.luxlintrc.json: "lang" must be one of en, not "EN" (did you mean "en"?)',
    ]);
  });

  it('copies the allow list, so changing the input later changes nothing', () => {
    const allow = ['one'];
    const { settings } = validateConfig({ allow }, 'a.json', known);
    allow.push('two');
    expect(settings.allow).toEqual(['one']);
  });
});

describe('ruleIdProblem and ruleLevelProblem', () => {
  it('check one --rule flag with the same words', () => {
    expect(ruleIdProblem('child-pornography', '--rule', known)).toBeUndefined();
    expect(ruleIdProblem('child-prostitue', '--rule', known)).toBe(
      '--rule: unknown rule id "child-prostitue" (did you mean "child-prostitute"?); `luxlint list` shows every id',
    );
    for (const level of ['off', 'caution', 'avoid']) {
      expect(ruleLevelProblem(level, '--rule x')).toBeUndefined();
    }
    expect(ruleLevelProblem('Avoid', '--rule x')).toBe(
      '--rule x must be one of off, caution, avoid, not "Avoid" (did you mean "avoid"?)',
    );
    expect(ruleLevelProblem(2, '--rule x')).toBe(
      '--rule x must be one of off, caution, avoid, not 2',
    );
  });
});
