import { describe, expect, it } from 'vitest';
import { lint } from '@luxlint/lint';
import { seen } from './helpers.js';

const texts = (
  value: string,
  format: 'markdown' | 'mdx' | 'html' | 'text' = 'markdown',
): string[] => seen(value, { format }).map((message) => `${message.ruleId}: ${message.text}`);

describe('control comments: markdown', () => {
  it('disable-next-line turns off the next (non-blank) line only', () => {
    const doc =
      'child porn one\n<!-- luxlint-disable-next-line -->\nchild porn two\n\nchild porn three';
    expect(texts(doc)).toEqual(['child-porn: child porn', 'child-porn: child porn']);
    expect(seen(doc).map((message) => message.line)).toEqual([1, 5]);
    const withBlank = '<!-- luxlint-disable-next-line -->\n\nchild porn two\n\nchild porn three';
    expect(seen(withBlank).map((message) => message.line)).toEqual([5]);
  });

  it('disable-next-line with ids leaves other rules on', () => {
    const doc = '<!-- luxlint-disable-next-line child-porn -->\nchild porn and child pornography';
    expect(texts(doc)).toEqual(['child-pornography: child pornography']);
  });

  it('disable … enable covers a range; ids may be separated by spaces or commas', () => {
    const doc = [
      'child porn a',
      '<!-- luxlint-disable child-porn, child-pornography -->',
      'child porn b and child pornography b and child prostitute b',
      '<!-- luxlint-enable child-porn -->',
      'child porn c and child pornography c',
      '<!-- luxlint-enable -->',
      'child pornography d',
    ].join('\n\n');
    expect(texts(doc)).toEqual([
      'child-porn: child porn',
      'child-prostitute: child prostitute',
      'child-porn: child porn',
      'child-pornography: child pornography',
    ]);
  });

  it('disable without ids turns everything off; enable with an id brings one rule back', () => {
    const doc =
      '<!-- luxlint-disable -->\n\nchild porn and child prostitute\n\n<!-- luxlint-enable child-prostitute -->\n\nchild porn and child prostitute';
    expect(texts(doc)).toEqual(['child-prostitute: child prostitute']);
  });

  it('an unknown id gives a warning with a suggestion, and does not disable everything', () => {
    const doc = '<!-- luxlint-disable-next-line chld-porn -->\nchild porn';
    const messages = seen(doc);
    expect(messages.map((message) => [message.ruleId, message.text, message.fatal])).toEqual([
      ['luxlint-directive', '<!-- luxlint-disable-next-line chld-porn -->', false],
      ['child-porn', 'child porn', false],
    ]);
  });

  it('says so when nothing is close to an unknown id', () => {
    const file = lint('<!-- luxlint-disable zzzzzzzzzzzz -->');
    expect(file.messages.map((message) => message.reason)).toEqual([
      'Unknown rule `zzzzzzzzzzzz` in `luxlint-disable`; it is not the id of any luxlint entry',
    ]);
    const [typo] = lint('<!-- luxlint-disable chld-porn -->').messages;
    expect(typo?.reason).toBe(
      'Unknown rule `chld-porn` in `luxlint-disable`; did you mean `child-porn`?',
    );
    expect(typo?.expected).toEqual(['child-porn']);
  });

  it('a directive inside code is not a directive', () => {
    expect(texts('```\n<!-- luxlint-disable -->\n```\n\nchild porn')).toEqual([
      'child-porn: child porn',
    ]);
  });
});

describe('control comments: other formats', () => {
  it('mdx uses expression comments', () => {
    const doc =
      '{/* luxlint-disable-next-line */}\nchild porn\n\n{/* luxlint-disable child-porn */}\n\nchild porn and child prostitute';
    expect(texts(doc, 'mdx')).toEqual(['child-prostitute: child prostitute']);
  });

  it('html uses comments', () => {
    const doc =
      '<p>child porn</p>\n<!-- luxlint-disable-next-line -->\n<p>child porn</p>\n<!-- luxlint-disable -->\n<p>child prostitute</p>';
    expect(texts(doc, 'html')).toEqual(['child-porn: child porn']);
  });

  it('plain text uses whole lines', () => {
    const doc =
      'child porn\nluxlint-disable-next-line child-porn\nchild porn\n\nluxlint-disable\nchild prostitute\nluxlint-enable\nchild prostitute';
    expect(seen(doc, { format: 'text' }).map((message) => [message.ruleId, message.line])).toEqual([
      ['child-porn', 1],
      ['child-prostitute', 8],
    ]);
  });

  it('plain text warns about unknown ids too', () => {
    const [message] = seen('luxlint-disable child-prostitutes\nchild prostitute', {
      format: 'text',
    });
    expect(message?.ruleId).toBe('luxlint-directive');
  });
});
