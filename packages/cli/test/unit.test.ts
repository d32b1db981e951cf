import { describe, expect, it } from 'vitest';
import {
  ConfigError,
  formatGithub,
  formToRegex,
  jsonVersion,
  settingKeys,
  toJsonFile,
  validateSettings,
} from 'luxlint';

describe('public API', () => {
  it('exports exactly these names', async () => {
    expect(Object.keys(await import('luxlint')).sort()).toEqual([
      'ConfigError',
      'formToRegex',
      'formatGithub',
      'jsonVersion',
      'main',
      'settingKeys',
      'toJsonFile',
      'toSarif',
      'validateSettings',
    ]);
  });
});

describe('validateSettings', () => {
  const known = { ruleIds: ['child-pornography', 'child-prostitute'], langs: ['en'] };
  it('accepts every key', () => {
    const settings = {
      preset: 'guidelines',
      rules: { 'child-prostitute': 'off' },
      allow: ['Child Pornography Act'],
      reportSkipped: true,
      baseUrl: 'https://example.org/t/',
      lang: 'en',
    };
    expect(validateSettings(settings, 'x', known)).toEqual(settings);
    expect(settingKeys).toEqual(['preset', 'rules', 'allow', 'reportSkipped', 'baseUrl', 'lang']);
  });
  it('names the source, the key and the valid values', () => {
    expect(() =>
      validateSettings({ rules: { 'child-prostitue': 'off' } }, 'a.json', known),
    ).toThrow(
      new ConfigError(
        'a.json: "rules": unknown rule id "child-prostitue" (did you mean "child-prostitute"?); `luxlint list` shows every id',
      ),
    );
    expect(() => validateSettings({ baseUrl: 'luxlint.dev' }, 'a.json', known)).toThrow(
      'a.json: "baseUrl" must be an absolute URL',
    );
    expect(() => validateSettings([], 'a.json', known)).toThrow(
      'a.json: expected an object with the keys preset, rules, allow, reportSkipped, baseUrl, lang, not []',
    );
    expect(() => validateSettings({ allow: [''] }, 'a.json', known)).toThrow(
      '"allow" must be a list of phrases',
    );
  });
  it('treats an empty file as no settings', () => {
    expect(validateSettings(null, 'x', known)).toEqual({});
  });
});

describe('formToRegex', () => {
  const irregular = { child: 'children' };
  const test = (pattern: string, text: string) =>
    new RegExp(
      `^(?:${pattern.replace(/^\(\?-i:(.*)\)$/, '$1')})$`,
      pattern.startsWith('(?-i:') ? '' : 'i',
    ).test(text);
  it('joins words by space, hyphen or nothing and inflects the last word', () => {
    const pattern = formToRegex(
      { phrase: 'child prostitute', caseSensitive: false, inflect: true },
      irregular,
    );
    for (const text of [
      'child prostitute',
      'child-prostitute',
      'childprostitute',
      'child prostitutes',
      "child prostitute's",
      'Child Prostitutes’',
    ])
      expect(test(pattern, text)).toBe(true);
    expect(test(pattern, 'child prostitution')).toBe(false);
  });
  it('uses irregular plurals, y → ies, alternatives and exact case', () => {
    expect(
      test(
        formToRegex(
          { phrase: 'sexualised|sexualized child', caseSensitive: false, inflect: true },
          irregular,
        ),
        'sexualized children',
      ),
    ).toBe(true);
    expect(
      test(
        formToRegex(
          { phrase: 'child pornography', caseSensitive: false, inflect: true },
          irregular,
        ),
        'child pornographies',
      ),
    ).toBe(true);
    const acronym = formToRegex({ phrase: 'CP', caseSensitive: true, inflect: false }, irregular);
    expect(acronym).toBe('(?-i:CP)');
    expect(test(acronym, 'CP')).toBe(true);
    expect(test(acronym, 'cp')).toBe(false);
  });
});

describe('GitHub annotations', () => {
  it('escape data and properties', () => {
    const output = formatGithub({
      path: 'a,b:c.md',
      bytes: 0,
      messages: [
        {
          ruleId: 'x',
          status: 'caution',
          severity: 'info',
          message: '100% sure\nnext',
          actual: '',
          expected: [],
          line: 1,
          column: 2,
          endLine: 3,
          endColumn: 4,
          offset: 0,
          endOffset: 1,
          url: '',
          note: '',
          fix: null,
        },
      ],
    });
    expect(output).toBe(
      '::notice file=a%2Cb%3Ac.md,line=1,col=2,endLine=3,endColumn=4,title=luxlint (x)::100%25 sure%0Anext\n',
    );
  });
});

describe('JSON', () => {
  it('is version 1 and adds `positions` only for Word documents', () => {
    expect(jsonVersion).toBe(1);
    expect(toJsonFile({ path: 'a.md', messages: [], bytes: 0 })).toEqual({
      path: 'a.md',
      messages: [],
    });
    expect(toJsonFile({ path: 'a.docx', messages: [], bytes: 0, positions: 'paragraph' })).toEqual({
      path: 'a.docx',
      messages: [],
      positions: 'paragraph',
    });
  });
});
