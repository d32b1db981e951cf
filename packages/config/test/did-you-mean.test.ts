import { describe, expect, it } from 'vitest';
import { didYouMean, didYouMeanSuffix, editDistance } from '@luxlint/config';

describe('editDistance', () => {
  it('counts insertions, deletions and substitutions, ignoring case', () => {
    expect(editDistance('kitten', 'sitting')).toBe(3);
    expect(editDistance('', 'abc')).toBe(3);
    expect(editDistance('EN', 'en')).toBe(0);
  });
});

describe('didYouMean', () => {
  it('suggests the closest plausible candidate only', () => {
    expect(didYouMean('rule', ['rules', 'preset'])).toBe('rules');
    expect(didYouMean('child-pornografy', ['child-porn', 'child-pornography'])).toBe(
      'child-pornography',
    );
    // Far from every candidate, but contained in one (4 characters or more).
    expect(didYouMean('skip', ['reportSkipped', 'preset'])).toBe('reportSkipped');
    expect(didYouMean('zzz', ['rules', 'preset'])).toBeUndefined();
    expect(didYouMean('anything', [])).toBeUndefined();
  });

  it('makes a suffix for a message, or nothing', () => {
    expect(didYouMeanSuffix('guideline', ['guidelines', 'all'])).toBe(
      ' (did you mean "guidelines"?)',
    );
    expect(didYouMeanSuffix('strict', ['guidelines', 'all'])).toBe('');
  });
});
