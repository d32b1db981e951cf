import { applyFixes, lint } from '@luxlint/lint';
import { terms } from '@luxlint/terms';
import { VFile } from 'vfile';
import { describe, expect, it } from 'vitest';

/** A message carrying a fix, as retext-luxembourg emits them. */
function withFix(offset: number, endOffset: number, text: string) {
  const message = new VFile().message('x');
  return Object.assign(message, { fix: { offset, endOffset, text } });
}

describe('applyFixes', () => {
  it('applies non-overlapping fixes whatever their order', () => {
    expect(applyFixes('aaa bbb ccc', [withFix(8, 11, 'C'), withFix(0, 3, 'A')])).toBe('A bbb C');
  });

  it('skips a fix overlapping one already taken: the first wins', () => {
    expect(applyFixes('abcdef', [withFix(1, 4, 'X'), withFix(3, 6, 'Y')])).toBe('aXef');
    expect(applyFixes('abcdef', [withFix(3, 6, 'Y'), withFix(1, 4, 'X')])).toBe('abcY');
    expect(applyFixes('abcdef', [withFix(0, 6, 'Z'), withFix(1, 2, 'X'), withFix(4, 5, 'Y')])).toBe(
      'Z',
    );
  });

  it('keeps adjacent replacements but not two insertions at one point', () => {
    expect(applyFixes('abcd', [withFix(0, 2, 'X'), withFix(2, 4, 'Y')])).toBe('XY');
    expect(applyFixes('abcd', [withFix(2, 2, '1'), withFix(2, 2, '2')])).toBe('ab1cd');
  });

  it('ignores messages without a usable fix', () => {
    const plain = new VFile().message('no fix');
    const nullFix = Object.assign(new VFile().message('null'), { fix: null });
    const outOfRange = withFix(2, 99, 'X');
    const backwards = withFix(3, 1, 'X');
    expect(applyFixes('abcd', [plain, nullFix, outOfRange, backwards])).toBe('abcd');
  });

  it('fixes real messages and is idempotent on re-lint', () => {
    const value =
      'Child pornography was found. An CHILD PORNOGRAPHY case; "child pornography," he said.\n\n> child pornography\n';
    const fixed = applyFixes(value, lint(value).messages);
    expect(fixed).not.toBe(value);
    expect(fixed).toContain('"child pornography," he said');
    expect(fixed).toContain('> child pornography');
    const again = applyFixes(fixed, lint(fixed).messages);
    expect(again).toBe(fixed);
    expect(
      lint(fixed).messages.filter((message) => (message as typeof message & { fix?: unknown }).fix),
    ).toEqual([]);
  });

  it('turns each dataset example with a `fixed` text into that text, in every format', () => {
    const examples = terms.flatMap((term) =>
      term.text.en.examples.incorrect.filter((example) => example.fixed !== undefined),
    );
    expect(examples.length).toBeGreaterThan(0);
    for (const example of examples) {
      for (const format of ['markdown', 'text', 'html'] as const) {
        const value = format === 'html' ? `<p>${example.text}</p>` : example.text;
        const expected = format === 'html' ? `<p>${example.fixed}</p>` : example.fixed;
        expect(
          applyFixes(value, lint(value, { format }).messages),
          `${format}: ${example.text}`,
        ).toBe(expected);
      }
    }
  });
});
