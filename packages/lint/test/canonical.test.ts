/**
 * `lint` builds its natural-language trees itself (to keep offsets exact and parse only what
 * can match). Where the stock pipelines are right — plain text with no URL, Markdown without
 * block quotes, lists, tables or URLs — the messages must be the same as theirs.
 */
import { lint } from '@luxlint/lint';
import remarkParse from 'remark-parse';
import remarkRetext from 'remark-retext';
import retextEnglish from 'retext-english';
import retextLuxembourg from 'retext-luxembourg';
import { unified } from 'unified';
import { VFile } from 'vfile';
import { describe, expect, it } from 'vitest';
import { datasetExamples } from './corpus.js';

type Message = VFile['messages'][number];

function summary(messages: readonly Message[]) {
  return messages.map((message) => ({
    ruleId: message.ruleId,
    reason: message.reason,
    place: message.place,
    actual: message.actual,
    expected: message.expected,
    fatal: message.fatal,
    fix: (message as Message & { fix?: unknown }).fix,
    context: (message as Message & { context?: unknown }).context,
  }));
}

const documents = [
  ...datasetExamples(),
  'Child porn was found.\n\nA second paragraph on child prostitution; "child porn," he said.\nAnd a CHILD-SEX-TOURIST’s trip.',
  'The so-called child sex tourism trade, the term child prostitute, and the Optional Protocol on the sale of children, child prostitution and child pornography.',
];

describe('same messages as the stock pipelines', () => {
  it('plain text: retext-english + retext-luxembourg', () => {
    const processor = unified().use(retextEnglish).use(retextLuxembourg, { reportSkipped: true });
    for (const value of documents) {
      const file = new VFile({ value });
      processor.runSync(processor.parse(file), file);
      expect(
        summary(lint(value, { format: 'text', reportSkipped: true, fastPath: false }).messages),
        value,
      ).toEqual(summary(file.messages));
      expect(summary(lint(value, { format: 'text', reportSkipped: true }).messages), value).toEqual(
        summary(file.messages),
      );
    }
  });

  it('markdown: remark-parse + remark-retext(retext-english + retext-luxembourg)', async () => {
    const processor = unified()
      .use(remarkParse)
      .use(
        remarkRetext,
        unified().use(retextEnglish).use(retextLuxembourg, { reportSkipped: true }) as never,
      );
    for (const value of [
      ...documents,
      '# Child porn\n\nThe *child* pornography case and **kiddie porn**.',
    ]) {
      const file = new VFile({ value });
      await processor.run(processor.parse(file), file);
      expect(
        summary(lint(value, { format: 'markdown', reportSkipped: true }).messages),
        value,
      ).toEqual(summary(file.messages));
    }
  });
});
