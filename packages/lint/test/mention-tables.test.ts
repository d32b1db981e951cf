import { lint } from '@luxlint/lint';
import { describe, expect, it } from 'vitest';

const guide = [
  'Our style guide:',
  '',
  "| Don't say | Say instead |",
  '| --- | --- |',
  '| child pornography | child sexual abuse material |',
  '| child prostitutes | children exploited in prostitution |',
  '',
  'Last year the unit seized child pornography.',
  '',
].join('\n');

const offences = ['| Year | Offence |', '| --- | --- |', '| 2021 | child pornography |', ''].join(
  '\n',
);

function found(value: string, options: Parameters<typeof lint>[1]) {
  return lint(value, options).messages.map((message) => [
    message.actual,
    (message as { context?: string }).context ?? null,
  ]);
}

describe('tables of wording advice', () => {
  it.each([true, false])(
    'treat cells under an avoid column as mentions (fast path %s)',
    (fastPath) => {
      expect(found(guide, { format: 'markdown', fastPath })).toEqual([['child pornography', null]]);
      expect(found(guide, { format: 'markdown', fastPath, reportSkipped: true })).toEqual([
        ['child pornography', 'mention'],
        ['child prostitutes', 'mention'],
        ['child pornography', null],
      ]);
    },
  );

  it('still flag a term in a table whose headings are not about wording', () => {
    expect(found(offences, { format: 'markdown' })).toEqual([['child pornography', null]]);
  });
});
