import { lint } from '@luxlint/lint';
import { describe, expect, it } from 'vitest';

// A pasted PDF dump can be one enormous paragraph; building its syntax tree must not depend on
// how many arguments a function call may take.
describe('a single paragraph of about 1 MB', () => {
  const paragraph = `${'word '.repeat(200_000)}child pornography ${'word '.repeat(10_000)}`;

  it.each(['markdown', 'text', 'html'] as const)(
    'is linted as %s without overflowing the stack',
    (format) => {
      const file = lint(paragraph, { format });
      expect(file.messages.map((message) => message.ruleId)).toEqual(['child-pornography']);
      const [message] = file.messages;
      expect(message?.place).toMatchObject({ start: { offset: 1_000_000 } });
    },
  );
});
