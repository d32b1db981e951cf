import { retext } from 'retext';
import { describe, expect, it } from 'vitest';
import { getTerm, terms } from '@luxlint/terms';
import retextLuxembourg, {
  createPrefilter,
  createSentenceWindow,
  quotationPairs,
} from 'retext-luxembourg';
import { compiledFor, createPrefilterFor } from '../src/lib/plugin.js';
import type { LuxembourgMessage, Options } from '../src/lib/types.js';
import { testDataset } from './fixtures/dataset.js';
import { check, lintTest } from './helpers.js';

describe('API', () => {
  it('exposes the default attacher, createPrefilter, createSentenceWindow, isMentionColumnHeader and quotationPairs only', async () => {
    expect(Object.keys(await import('retext-luxembourg')).sort()).toEqual([
      'createPrefilter',
      'createSentenceWindow',
      'default',
      'isMentionColumnHeader',
      'quotationPairs',
    ]);
  });

  it('works as a retext plugin on the real dataset', () => {
    const file = retext().use(retextLuxembourg).processSync('Police seized child pornography.');
    expect(file.messages.map((message) => message.ruleId)).toEqual(['child-pornography']);
  });
});

describe('messages', () => {
  it('carries every field of the contract', () => {
    const file = lintTest('Police seized\nChild Pornography in 2020.');
    expect(file.messages).toHaveLength(1);
    const message = file.messages[0] as LuxembourgMessage;
    expect(message.source).toBe('retext-luxembourg');
    expect(message.ruleId).toBe('child-pornography');
    expect(message.reason).toBe(
      'Consider `Child Sexual Abuse Material` instead of `Child Pornography`: Summary of child pornography.',
    );
    expect(message.message).toBe(message.reason);
    expect(message.actual).toBe('Child Pornography');
    expect(message.expected).toEqual(['Child Sexual Abuse Material']);
    expect(message.note).toBe('Why not child pornography. Source: Test source.');
    expect(message.url).toBe('https://luxlint.dev/terms/child-pornography/');
    expect(message.place).toEqual({
      start: { line: 2, column: 1, offset: 14 },
      end: { line: 2, column: 18, offset: 31 },
    });
    expect(message.line).toBe(2);
    expect(message.column).toBe(1);
    expect(message.fatal).toBe(false);
    expect(message.status).toBe('avoid');
    expect(message.context).toBeUndefined();
    expect('context' in message).toBe(false);
    expect(message.fix).toEqual({ offset: 14, endOffset: 31, text: 'Child Sexual Abuse Material' });
  });

  it('reads as sorted lines', () => {
    expect(
      check('Sextortion and child porn. So-called child pornography.', { reportSkipped: true }),
    ).toEqual([
      '1:1-1:11: Consider `Sexual extortion of children` instead of `Sextortion`: Summary of sextortion.',
      '1:16-1:26: Consider `child sexual abuse material` instead of `child porn`: Summary of child porn.',
      '1:38-1:55: Not flagged, mentioned as a term: consider `child sexual abuse material` instead of `child pornography`: Summary of child pornography.',
    ]);
  });

  it('lists several suggestions and says "Avoid" when there is none', () => {
    const withTwo = lintTest('Child prostitution persists.').messages[0] as LuxembourgMessage;
    expect(withTwo.reason).toBe(
      'Consider `Child exploited in prostitution` instead of `Child prostitution`: Summary of child prostitute.',
    );
    const porn = lintTest('Childporn.').messages[0] as LuxembourgMessage;
    expect(porn.expected).toEqual(['Child sexual abuse material']);
    const pornography = lintTest('It is pornography.').messages[0] as LuxembourgMessage;
    expect(pornography.expected).toEqual(['child sexual abuse material']);
    expect(check('A sex beast, a lolita.')).toEqual([
      '1:3-1:12: Use `sex beast` with care: Summary of sex beast.',
      '1:16-1:22: Avoid `lolita`: Summary of lolita.',
    ]);
  });

  it('sets severity by status: avoid is a warning, caution and skips are info', () => {
    const file = lintTest('Sextortion and child porn. "child porn"', { reportSkipped: true });
    const messages = file.messages as LuxembourgMessage[];
    expect(messages.map((message) => [message.status, message.fatal, message.context])).toEqual([
      ['caution', undefined, undefined],
      ['avoid', false, undefined],
      ['avoid', undefined, 'quotation'],
    ]);
  });

  it('marks an unverified entry in the note', () => {
    const message = lintTest('It is pornography.').messages[0] as LuxembourgMessage;
    expect(message.note).toBe(
      'Why not pornography. Source: unverified (our reading, not confirmed by a source).',
    );
  });
});

describe('options', () => {
  it('turns rules off and forces severities (aliases accepted)', () => {
    expect(
      check('child porn and child pornography', { rules: { 'child-porn': 'off' } }),
    ).toHaveLength(1);
    const forced = lintTest('Sextortion.', { rules: { sextortion: 'avoid' } })
      .messages[0] as LuxembourgMessage;
    expect([forced.status, forced.fatal]).toEqual(['avoid', false]);
    expect(
      lintTest('child pornography', { rules: { 'child-porno-old-id': 'off' } }).messages.map(
        (message) => message.ruleId,
      ),
    ).toEqual(['pornography-bare']);
  });

  it('filters by preset: guidelines keeps only guidelines-2016/2025 entries', () => {
    const text = 'Child prostitutes and child pornography and sextortion.';
    expect(lintTest(text).messages.map((message) => message.ruleId)).toEqual([
      'child-prostitute',
      'child-pornography',
      'sextortion',
    ]);
    expect(
      lintTest(text, { preset: 'guidelines' }).messages.map((message) => message.ruleId),
    ).toEqual(['child-pornography']);
  });

  it('builds urls from baseUrl', () => {
    const message = lintTest('child porn', { baseUrl: 'https://example.org/t' })
      .messages[0] as LuxembourgMessage;
    expect(message.url).toBe('https://example.org/t/child-porn/');
  });

  it.each<[unknown, string]>([
    [
      { prest: 'all' },
      'retext-luxembourg: unknown option `prest` (did you mean `preset`?); valid options: preset, rules, allow, reportSkipped, baseUrl, lang',
    ],
    [
      { preset: 'strict' },
      "retext-luxembourg: invalid `preset` 'strict'; expected one of: guidelines, all",
    ],
    [
      { rules: { 'child-pornografy': 'off' } },
      'retext-luxembourg: unknown rule id `child-pornografy` in `rules` (did you mean `child-pornography`?)',
    ],
    [
      { rules: { 'child-porn': 'warn' } },
      "retext-luxembourg: invalid setting 'warn' for rule `child-porn`; expected one of: off, caution, avoid",
    ],
    [
      { rules: [] },
      'retext-luxembourg: invalid `rules` an array; expected an object of entry id → off | caution | avoid',
    ],
    [
      { allow: 'child porn' },
      "retext-luxembourg: invalid `allow` 'child porn'; expected an array of phrases",
    ],
    [{ allow: [''] }, "retext-luxembourg: invalid `allow[0]` ''; expected a non-empty string"],
    [
      { reportSkipped: 'yes' },
      "retext-luxembourg: invalid `reportSkipped` 'yes'; expected true or false",
    ],
    [
      { baseUrl: 3 },
      "retext-luxembourg: invalid `baseUrl` 3; expected a non-empty string such as 'https://luxlint.dev/terms/'",
    ],
    [{ lang: 'fr' }, "retext-luxembourg: no language pack for `lang` 'fr'; available: en"],
    ['all', "retext-luxembourg: expected options to be an object, not 'all'"],
    [
      { rules: { 'child-sexual-abuse-material': 'avoid' } },
      "retext-luxembourg: rule `child-sexual-abuse-material` is a preferred term (status use) and cannot be set to 'avoid'; only 'off' is accepted",
    ],
  ])('rejects %j with a clear error', (options, error) => {
    expect(() => lintTest('x', options as Options)).toThrow(error);
  });

  it('accepts a regional tag of a known language', () => {
    expect(check('child porn', { lang: 'en-GB' })).toHaveLength(1);
  });
});

describe('compiling', () => {
  it('compiles once per distinct configuration', () => {
    expect(compiledFor(testDataset, {})).toBe(compiledFor(testDataset, undefined));
    expect(compiledFor(testDataset, { rules: { 'child-porn': 'off' } })).toBe(
      compiledFor(testDataset, { rules: { 'child-porn': 'off' } }),
    );
    expect(compiledFor(testDataset, { preset: 'guidelines' })).not.toBe(
      compiledFor(testDataset, {}),
    );
  });
});

describe('createPrefilter', () => {
  const prefilter = createPrefilterFor(testDataset)();

  it('is false only when no enabled form can match', () => {
    expect(prefilter('Nothing to see here, 42 times.')).toBe(false);
    expect(prefilter('')).toBe(false);
    expect(prefilter('CHILD PORN')).toBe(true);
    expect(prefilter('x childporn y')).toBe(true);
    expect(prefilter("kids' KIDDIE-porn")).toBe(true);
    expect(prefilter('a sextortionist')).toBe(true);
  });

  it('follows the options', () => {
    const narrow = createPrefilterFor(testDataset)({
      rules: Object.fromEntries(
        testDataset.terms
          .filter((term) => term.id !== 'sextortion' && term.status !== 'use')
          .map((term) => [term.id, 'off']),
      ),
    });
    expect(narrow('Child pornography.')).toBe(false);
    expect(narrow('Sextortion.')).toBe(true);
  });

  it('agrees with the plugin on the real dataset: no message where it says false', () => {
    const real = createPrefilter();
    for (const term of terms) {
      for (const example of term.text.en.examples.incorrect) {
        expect(real(example.text)).toBe(true);
      }
    }
    expect(real('The weather was fine and the trains ran on time.')).toBe(false);
    expect(getTerm('child-pornography')).toBeDefined();
  });

  it('runs in linear time on hostile input', () => {
    const hostile = `${'a-'.repeat(50_000)}${'x'.repeat(100_000)}`;
    expect(prefilter(hostile)).toBe(false);
  });
});

describe('createSentenceWindow', () => {
  it('tells which two words a legal title runs through, and the negation window', () => {
    const window = createSentenceWindow();
    expect(window.wordsBefore).toBe(6);
    // `… on the sale of children, child prostitution and child pornography`
    expect(window.joins('children', 'child')).toBe(true);
    expect(window.joins('prostitution', 'and')).toBe(true);
    expect(window.joins('town', 'the')).toBe(false);
    expect(window.joins('child', 'children')).toBe(false);
  });

  it('lets no sentence end be cut when allow phrases are set (they ignore punctuation)', () => {
    const window = createSentenceWindow({ allow: ['seized child'] });
    expect(window.joins('town', 'the')).toBe(true);
  });
});

describe('quotationPairs', () => {
  it('pairs quotation marks as the quotation rule does, by UTF-16 index', () => {
    const text = 'He said “no” and "yes" then ‘maybe’ and 😀 "open';
    const pairs = quotationPairs(text);
    expect(pairs.map(([open, close]) => [text[open], close === -1 ? '' : text[close]])).toEqual([
      ['“', '”'],
      ['"', '"'],
      ['‘', '’'],
      ['"', ''],
    ]);
    expect(pairs.at(-1)).toEqual([text.lastIndexOf('"'), -1]);
  });

  it('pairs nothing in an apostrophe between letters', () => {
    expect(quotationPairs("the workers' rights and the girl's phone")).toEqual([]);
  });
});
