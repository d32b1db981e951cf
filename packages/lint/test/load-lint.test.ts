import { lint, loadLint, type Format } from '@luxlint/lint';
import type * as LintApi from '@luxlint/lint';
import { describe, expect, it } from 'vitest';

const samples: Record<Format, string> = {
  markdown:
    '# Notes\n\nThe site sold child pornography.\n\n> He said "child porn" in court.\n\n| Avoid | Use |\n| --- | --- |\n| child prostitute | child exploited in prostitution |\n',
  mdx: 'import X from "./x.js"\n\n# Notes\n\nThe site sold child pornography. {/* luxlint-disable-next-line */}\n\n<X>child sex tourism</X>\n',
  html: '<h1>Notes</h1><p>The site sold <em>child pornography</em>.</p><!-- luxlint-disable --><p>child porn</p>',
  text: 'The site sold child pornography.\n\nluxlint-disable-next-line\nchild porn on one line\n',
};

function summary(messages: readonly unknown[]): unknown[] {
  return messages.map((message) => {
    const { ruleId, reason, place, actual, expected } = message as Record<string, unknown>;
    return { ruleId, reason, place, actual, expected };
  });
}

describe('loadLint', () => {
  it('gives the same messages as lint, format by format', async () => {
    for (const format of Object.keys(samples) as Format[]) {
      const lintFormat = await loadLint([format]);
      const value = samples[format];
      const loaded = lintFormat(value, { format, reportSkipped: true });
      const whole = lint(value, { format, reportSkipped: true });
      expect(loaded.messages.length, format).toBeGreaterThan(0);
      expect(summary(loaded.messages), format).toEqual(summary(whole.messages));
    }
  });

  it('takes the format from the path, like lint', async () => {
    const lintFormat = await loadLint(['html']);
    const file = lintFormat('<p>child porn</p>', { path: 'a.html' });
    expect(file.messages.map((message) => message.ruleId)).toEqual(['child-porn']);
  });

  it('refuses a format whose reader was never loaded', async () => {
    // A fresh module instance, so readers loaded by the tests above do not count.
    const url = new URL(`../dist/lib/load.js?fresh=${Date.now()}`, import.meta.url).href;
    const fresh = (await import(url)) as typeof LintApi;
    const lintText = await fresh.loadLint(['text']);
    expect(lintText('child porn', { format: 'text' }).messages).toHaveLength(1);
    expect(() => lintText('<p>child porn</p>', { format: 'html' })).toThrow(
      'loadLint: the html reader was not loaded',
    );
  });
});
