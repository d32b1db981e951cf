import { describe, expect, it } from 'vitest';
import type { LuxembourgMessage } from '../src/lib/types.js';
import { lintHtml, lintMarkdown } from './markdown-host.js';

function summary(file: { messages: unknown[] }): string[] {
  return (file.messages as LuxembourgMessage[]).map(
    (message) =>
      `${message.ruleId}:${message.actual ?? ''}@${message.place && 'start' in message.place ? `${message.place.start.offset}-${message.place.end.offset}` : ''}`,
  );
}

describe('through remark-retext (Markdown)', () => {
  it('matches across emphasis inside a phrase, with offsets into the original file', async () => {
    const value =
      'The number of *child pornography* cases and child **pornography** and _child_ porn rose.';
    expect(summary(await lintMarkdown(value))).toEqual([
      'child-pornography:child pornography@15-32',
      'child-pornography:child **pornography@44-63',
      'child-porn:child_ porn@71-82',
    ]);
  });

  it('lints headings, list items and table cells', async () => {
    const value = [
      '# Child pornography cases rise',
      '',
      '- a child prostitute',
      '',
      '| Year | Offence |',
      '|---|---|',
      '| 2020 | child pornography |',
    ].join('\n');
    expect(summary(await lintMarkdown(value))).toEqual([
      'child-pornography:Child pornography@2-19',
      'child-prostitute:child prostitute@36-52',
      'child-pornography:child pornography@92-109',
    ]);
  });

  it('never lints code, inline code or URLs', async () => {
    const value =
      '```\ngrep "child porn" logs\n```\n\nRun `child porn` or see https://example.org/child-porn and <https://example.org/childporn>.';
    expect(summary(await lintMarkdown(value))).toEqual([]);
  });

  it('does not join words of separate blocks', async () => {
    expect(summary(await lintMarkdown('# A child\n\nPornography is legal for adults.'))).toEqual([
      'pornography-bare:Pornography@11-22',
    ]);
  });
});

describe('through rehype-retext (HTML)', () => {
  it('reports offsets into the original HTML', async () => {
    const value = '<p>Police seized <em>child pornography</em>.</p>';
    expect(summary(await lintHtml(value))).toEqual(['child-pornography:child pornography@21-38']);
  });
});
