import { describe, expect, it } from 'vitest';
import type { EvalCase } from './cases.js';
import { scoreCase, type Finding } from './plugin.js';

const base: EvalCase = {
  id: 't1',
  text: 'He stored child pornography near the Child Pornography Prevention Act archive.',
  expected: [{ match: 'child pornography', stance: 'avoid', start: 10, end: 27 }],
  must_not_flag: ['Child Pornography Prevention Act'],
  must_not_flag_kinds: ['title'],
  category: 'flag',
};

function finding(start: number, end: number, fields: Partial<Finding> = {}): Finding {
  return {
    ruleId: 'child-pornography',
    status: 'avoid',
    context: undefined,
    severity: 'warning',
    start,
    end,
    actual: '',
    ...fields,
  };
}

describe('scoreCase', () => {
  it('counts an overlapping flag with the right stance as found', () => {
    const result = scoreCase(base, [finding(16, 27)]);
    expect(result.truePositives).toHaveLength(1);
    expect(result.misses).toEqual([]);
    expect(result.falsePositives).toEqual([]);
  });

  it('counts a flag with the wrong stance as a miss and a false positive', () => {
    const result = scoreCase(base, [finding(10, 27, { status: 'caution', severity: 'info' })]);
    expect(result.misses).toHaveLength(1);
    expect(result.falsePositives).toHaveLength(1);
  });

  it('treats a warning on a title as a protected false positive, an info skip as fine', () => {
    const titleStart = base.text.indexOf('Child Pornography Prevention Act');
    expect(
      scoreCase(base, [finding(titleStart, titleStart + 17)]).protectedFalsePositives,
    ).toHaveLength(1);
    const skip = finding(titleStart, titleStart + 17, {
      status: 'avoid',
      context: 'legal-title',
      severity: 'info',
    });
    const result = scoreCase(base, [finding(10, 27), skip]);
    expect(result.protectedFalsePositives).toEqual([]);
    expect(result.falsePositives).toEqual([]);
  });

  it('treats even an info-level flag on a preferred term or trap as a protected false positive', () => {
    const item: EvalCase = {
      ...base,
      text: 'Dog grooming salons reopened.',
      expected: [],
      must_not_flag: ['grooming'],
      must_not_flag_kinds: ['trap'],
    };
    const result = scoreCase(item, [
      finding(4, 12, { status: 'caution', severity: 'info', ruleId: 'sexting' }),
    ]);
    expect(result.protectedFalsePositives).toHaveLength(1);
    expect(result.falsePositives).toHaveLength(1);
  });

  it('does not count messages without a status (control-comment warnings) as flags', () => {
    const result = scoreCase(base, [
      finding(10, 27),
      finding(0, 2, { status: undefined, ruleId: 'luxlint-directive' }),
    ]);
    expect(result.falsePositives).toEqual([]);
  });
});
