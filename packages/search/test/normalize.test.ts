import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { foldText, phraseKey } from '@luxlint/search';

describe('foldText', () => {
  it.each([
    ['Paedophile', 'pedophile'],
    ['sexualised', 'sexualized'],
    ['Sexualisation', 'sexualization'],
    ['behaviour', 'behavior'],
    ['travelling', 'traveling'],
    ['offence', 'offense'],
    ['kiddie', 'kiddy'],
    ['Pédopornographie', 'pedopornographie'],
    ['child-sex  worker!', 'child sex worker'],
    ["child's", 'childs'],
  ])('%s → %s', (input, output) => {
    expect(foldText(input)).toBe(output);
  });

  it('folds printable ASCII (its fast path) exactly as it folds other text', () => {
    // A trailing no-break space is a separator that sends the text down the Unicode path.
    const asciiText = fc.string({
      unit: fc.constantFrom(..."aeiouy sclrtnhdpk-’'`.,!?0123456789AEIOUSCLRT"),
      maxLength: 40,
    });
    fc.assert(
      fc.property(asciiText, (text) => {
        expect(foldText(text)).toBe(foldText(`${text}\u00a0`));
      }),
      { numRuns: 500 },
    );
    expect(foldText("Kiddie-Porn's")).toBe(foldText("Kiddie-Porn's\u00a0"));
  });

  it('is idempotent on folded text', () => {
    for (const input of ['paedophile', 'travelling', 'kiddies', 'organised crime', 'behaviours']) {
      expect(foldText(foldText(input))).toBe(foldText(input));
    }
  });
});

describe('phraseKey', () => {
  it('gives hyphen, space, no-space, plural and possessive variants one key', () => {
    const key = phraseKey('child sex worker');
    for (const variant of [
      'child-sex workers',
      'childsex worker',
      "Child Sex Worker's",
      'the child sex workers’',
    ]) {
      expect(phraseKey(variant)).toBe(key);
    }
  });

  it('folds irregular plurals and spelling variants', () => {
    expect(phraseKey('sexualised images of children')).toBe(phraseKey('sexualized image of child'));
    expect(phraseKey('kiddie porn')).toBe(phraseKey('kiddy porn'));
    expect(phraseKey('paedophiles')).toBe(phraseKey('pedophile'));
  });

  it('keeps different phrases apart', () => {
    expect(phraseKey('child porn')).not.toBe(phraseKey('child pornography'));
    expect(phraseKey('sex tourist')).not.toBe(phraseKey('sex tourism'));
  });
});
