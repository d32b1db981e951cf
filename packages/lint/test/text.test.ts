import { describe, expect, it } from 'vitest';
import { fastAndFull, flagged, lineColumn, seen } from './helpers.js';

const text = (value: string): string[] => flagged(value, { format: 'text' });

describe('plain text', () => {
  it('lints every paragraph, Markdown-looking syntax included as text', () => {
    expect(text('Child porn.\n\n# child prostitution\n\n`kiddie porn`')).toEqual([
      'Child porn',
      'child prostitution',
      'kiddie porn',
    ]);
  });

  it('never lints URLs or e-mail addresses', () => {
    expect(
      text(
        'See https://example.org/child-porn, www.example.com/child-porn and child.porn@example.org.',
      ),
    ).toEqual([]);
    expect(text('(https://example.org/child-porn) then child porn.')).toEqual(['child porn']);
  });

  it('keeps offsets and lines exact with CRLF and CR line endings', () => {
    for (const doc of ['a\r\n\r\nb child porn\r\nc child\r\nporn', 'a\r\rb child porn\rc']) {
      const messages = seen(doc, { format: 'text' });
      expect(messages.length).toBeGreaterThan(0);
      for (const message of messages) {
        expect(message.text.replace(/\s+/g, ' ')).toBe('child porn');
        expect({ line: message.line, column: message.column }).toEqual(
          lineColumn(doc, message.offset ?? 0),
        );
      }
    }
  });

  it('does not lint a control line itself', () => {
    expect(seen('luxlint-disable-next-line child-porn\nfine', { format: 'text' })).toEqual([]);
  });
});

describe('plain text paragraphs', () => {
  it('does not take a CR LF pair for a blank line', () => {
    // The child cue is in the line before: the fast path must see both lines together.
    const value = 'child porn\r\néchild sex tourism';
    expect(seen(value, { format: 'text' })).toEqual(
      seen(value, { format: 'text', fastPath: false }),
    );
    expect(seen(value, { format: 'text' })).toHaveLength(2);
  });
});

describe('blank lines inside a wider white-space run (found by pnpm fuzz)', () => {
  // parse-latin makes one white-space token of `\n\n` and a next-line (U+0085) or no-break space
  // beside it, and such a token ends no paragraph: the reader must not split there either.
  for (const [name, joiner] of [
    ['a next-line character', '\u0085'],
    ['a no-break space', '\u00A0'],
    ['a line separator', '\u2028'],
  ] as const) {
    it(`after ${name}, a quotation opened before the blank lines runs on, on both paths`, () => {
      const value = `“\n\n${joiner}Police found child pornography.`;
      const { fast, full } = fastAndFull(value, { format: 'text', reportSkipped: true });
      expect(fast).toEqual(full);
      expect(full.map((message) => message['context'])).toEqual(['quotation']);
    });
  }

  it('plain blank lines (spaces and tabs around them too) still end the paragraph', () => {
    const value = '“ \t\n\n\tPolice found child pornography.';
    const { fast, full } = fastAndFull(value, { format: 'text', reportSkipped: true });
    expect(fast).toEqual(full);
    expect(full.map((message) => message['context'])).toEqual([undefined]);
  });
});
