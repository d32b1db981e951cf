import * as api from '@luxlint/lint';
import { formatFromPath, lint } from '@luxlint/lint';
import { VFile } from 'vfile';
import { describe, expect, it } from 'vitest';

describe('@luxlint/lint API surface', () => {
  it('exports exactly applyFixes, formatFromPath, lint and loadLint', () => {
    expect(Object.keys(api).sort()).toEqual(['applyFixes', 'formatFromPath', 'lint', 'loadLint']);
  });

  it('lint returns a VFile holding the value and path, synchronously', () => {
    const file = lint('Nothing to see.', { path: 'docs/a.md' });
    expect(file).toBeInstanceOf(VFile);
    expect(String(file)).toBe('Nothing to see.');
    expect(file.path).toBe('docs/a.md');
    expect(file.messages).toEqual([]);
  });

  it('sets the path on messages and sorts them by position', () => {
    const file = lint('Child porn here.\n\nAnd child pornography, then kiddie porn.', {
      path: 'draft.md',
    });
    expect(file.messages.map((message) => message.file)).toEqual([
      'draft.md',
      'draft.md',
      'draft.md',
    ]);
    const offsets = file.messages.map((message) =>
      message.place && 'start' in message.place ? message.place.start.offset : -1,
    );
    expect(offsets).toEqual([...offsets].sort((a, b) => (a ?? 0) - (b ?? 0)));
    expect(file.messages.map((message) => message.ruleId)).toEqual([
      'child-porn',
      'child-pornography',
      'child-porn',
    ]);
  });

  it('passes plugin options through (rules, preset, allow, reportSkipped, baseUrl)', () => {
    const text = 'Officers found child porn and a kiddie porn archive.';
    expect(lint(text).messages).toHaveLength(2);
    expect(lint(text, { rules: { 'child-porn': 'off' } }).messages).toHaveLength(0);
    expect(lint(text, { allow: ['kiddie porn'] }).messages).toHaveLength(1);
    const [message] = lint('He saw child pornography.', {
      baseUrl: 'https://example.org/t/',
    }).messages;
    expect(message?.url).toBe('https://example.org/t/child-pornography/');
    const skipped = lint('"We found child porn," he said.', { reportSkipped: true }).messages;
    expect(skipped.map((item) => (item as typeof item & { context?: string }).context)).toEqual([
      'quotation',
    ]);
  });

  it('keeps engines for different nested options apart', () => {
    const text = 'Officers found child porn and a child prostitute.';
    const rules = (ids: string[]) =>
      lint(text, { rules: Object.fromEntries(ids.map((id) => [id, 'off' as const])) });
    expect(rules(['child-porn']).messages.map((message) => message.ruleId)).toEqual([
      'child-prostitute',
    ]);
    expect(rules(['child-prostitute']).messages.map((message) => message.ruleId)).toEqual([
      'child-porn',
    ]);
    expect(lint(text, { allow: ['child porn'] }).messages.map((message) => message.ruleId)).toEqual(
      ['child-prostitute'],
    );
    expect(
      lint(text, { allow: ['child prostitute'] }).messages.map((message) => message.ruleId),
    ).toEqual(['child-porn']);
  });

  it('reads the format from the path when none is given', () => {
    const html = '<pre>child porn</pre><p>ok</p>';
    expect(lint(html, { path: 'page.html' }).messages).toHaveLength(0);
    expect(lint(html, { path: 'page.txt' }).messages).toHaveLength(1);
  });
});

describe('formatFromPath', () => {
  it.each([
    ['a.md', 'markdown'],
    ['dir/b.MARKDOWN', 'markdown'],
    ['c.mdx', 'mdx'],
    ['notes.txt', 'text'],
    ['x.text', 'text'],
    ['index.html', 'html'],
    ['C:\\site\\old.HTM', 'html'],
    ['report.docx', undefined],
    ['.md', undefined],
    ['README', undefined],
    ['archive.md.gz', undefined],
  ])('%s → %s', (path, format) => {
    expect(formatFromPath(path)).toBe(format);
  });
});

describe('edge inputs', () => {
  it('handles empty and blank input in every format', () => {
    for (const format of ['markdown', 'mdx', 'text', 'html'] as const) {
      for (const fastPath of [true, false]) {
        expect(lint('', { format, fastPath }).messages).toEqual([]);
        expect(lint(' \n\n\t\n', { format, fastPath }).messages).toEqual([]);
      }
    }
  });

  it('keeps offsets exact after a byte order mark', () => {
    const value = '\uFEFFA child porn case.\n\n# Child porn';
    for (const format of ['markdown', 'mdx', 'text', 'html'] as const) {
      for (const fastPath of [true, false]) {
        const spans = lint(value, { format, fastPath }).messages.map((message) => {
          const place = message.place && 'start' in message.place ? message.place : undefined;
          return value.slice(place?.start.offset ?? 0, place?.end.offset ?? 0);
        });
        expect(spans, `${format} ${String(fastPath)}`).toEqual(['child porn', 'Child porn']);
      }
    }
  });
});
