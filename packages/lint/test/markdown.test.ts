import { describe, expect, it } from 'vitest';
import { flagged, lineColumn, seen } from './helpers.js';

describe('markdown: what is linted', () => {
  it('paragraphs, headings (ATX and setext), list items and table cells', () => {
    const doc = [
      '# Child porn in the news',
      '',
      'Child pornography',
      '=================',
      '',
      '- one child prostitute',
      '1. two child sex tourists',
      '',
      '| Year | Offence |',
      '| --- | --- |',
      '| 2020 | kiddie porn |',
    ].join('\n');
    expect(flagged(doc)).toEqual([
      'Child porn',
      'Child pornography',
      'child prostitute',
      'child sex tourists',
      'kiddie porn',
    ]);
  });

  it('a phrase split by emphasis, strong, links and strikethrough', () => {
    expect(flagged('The *child* pornography case.')).toEqual(['child* pornography']);
    expect(flagged('The **child pornography** case.')).toEqual(['child pornography']);
    expect(flagged('The [child porn](https://example.org) report.')).toEqual(['child porn']);
    expect(flagged('The ~~child porn~~ wording.')).toEqual(['child porn']);
  });

  it('phrases broken over lines, also inside block-quote and list continuation lines', () => {
    expect(flagged('He kept child\npornography.')).toEqual(['child\npornography']);
    expect(flagged('- The list item says child\n  pornography again.')).toEqual([
      'child\n  pornography',
    ]);
  });

  it('image alternative text', () => {
    expect(flagged('![A child porn warning](x.png)')).toEqual(['child porn']);
  });
});

describe('markdown: what is never linted', () => {
  it.each([
    ['fenced code', '```\nchild porn\n```'],
    ['indented code', '    child porn'],
    ['inline code', 'Run `grep "child porn"` now.'],
    ['autolink', 'See <https://example.org/child-porn>.'],
    ['bare URL (GFM)', 'See https://example.org/child-porn-report now.'],
    ['www URL (GFM)', 'See www.example.org/child-porn now.'],
    ['e-mail', 'Write to child-porn-reports@example.org today.'],
    ['YAML front matter', '---\ntitle: child porn\n---\n\nText.'],
    ['TOML front matter', '+++\ntitle = "child porn"\n+++\n\nText.'],
    ['HTML block', '<div>\nchild porn\n</div>'],
    ['link destination', '[report](https://example.org/child-porn)'],
    ['definition', '[r]: https://example.org/child-porn "child porn"'],
    ['HTML comment', '<!-- child porn -->'],
  ])('%s', (_name, doc) => {
    expect(flagged(doc)).toEqual([]);
  });
});

describe('markdown: offsets into the original file', () => {
  const cases = [
    'Intro.\n\n> A quote that runs\n> onto child\n> pornography lines.\n\nAfter it, child porn.',
    '- first\n- second item with child\n  porn in it\n  and more child prostitution',
    'Escaped \\*child porn\\* and child &amp; porn and child&nbsp;pornography here.',
    'Tabs\tand child\t porn and CRLF\r\nchild porn\r\nend',
    '# Title\n\n1. x\n   > nested child porn quote\n\n| a | child porn |\n|---|---|\n| child pornography | b |',
  ];
  it.each(cases)('%j', (doc) => {
    let messages = 0;
    for (const message of seen(doc, { reportSkipped: true })) {
      expect(message.offset).toBeDefined();
      // The span holds exactly the words the message is about, whatever markup sits between.
      const words = message.text
        .replace(/&nbsp;/g, ' ')
        .replace(/&#99;/g, 'c')
        .replace(/[^a-z]+/gi, ' ')
        .trim()
        .toLowerCase();
      expect(words).toMatch(/^(child|kiddie) (porn|pornography|prostitution)$/);
      messages++;
      expect({ line: message.line, column: message.column }).toEqual(
        lineColumn(doc, message.offset ?? 0),
      );
    }
    expect(messages).toBeGreaterThan(0);
  });

  it('puts a match after a character reference at its real place', () => {
    const doc = 'A &amp; B. Then &#99;hild porn and child porn.';
    expect(seen(doc).map((message) => message.text)).toEqual(['&#99;hild porn', 'child porn']);
  });

  it('gives exact spans inside block quotes and list continuations', () => {
    const doc = '> one child\n> porn case\n\n- item\n  child pornography';
    expect(
      seen(doc, { reportSkipped: true }).map((message) => [message.text, message.context]),
    ).toEqual([
      ['child\n> porn', 'quotation'],
      ['child pornography', undefined],
    ]);
  });
});

describe('markdown: quotations', () => {
  it('block quotes give context quotation (nothing by default)', () => {
    const doc = '> The court found child pornography on the laptop.\n\nOur report uses child porn.';
    expect(seen(doc).map((message) => message.text)).toEqual(['child porn']);
    const all = seen(doc, { reportSkipped: true });
    expect(all.map((message) => [message.text, message.context, message.fatal])).toEqual([
      ['child pornography', 'quotation', undefined],
      ['child porn', undefined, false],
    ]);
  });

  it('a nested block quote inside a list item is a quotation too', () => {
    const doc = '- Statement:\n\n  > We seized child porn.\n';
    expect(seen(doc, { reportSkipped: true }).map((message) => message.context)).toEqual([
      'quotation',
    ]);
  });
});

describe('mdx', () => {
  it('lints prose and JSX children, not ESM, expressions or code', () => {
    const doc = [
      "import Note from './note.js'",
      "export const label = 'child porn'",
      '',
      '# Child porn',
      '',
      '<Note>',
      '',
      'A child prostitute was named.',
      '',
      '</Note>',
      '',
      "{'child porn'}",
      '',
      '```js',
      "const x = 'child porn'",
      '```',
    ].join('\n');
    expect(seen(doc, { format: 'mdx' }).map((message) => message.text)).toEqual([
      'Child porn',
      'child prostitute',
    ]);
  });

  it('throws a positioned error on invalid MDX, like any unified parser', () => {
    expect(() => seen('<Note>\n\nunclosed child porn', { format: 'mdx' })).toThrow(
      /Expected a closing tag|end of file/,
    );
    // Without a single candidate word the fast path never parses, so it cannot notice.
    expect(seen('<Note>\n\nunclosed', { format: 'mdx' })).toEqual([]);
    expect(() => seen('<Note>\n\nunclosed', { format: 'mdx', fastPath: false })).toThrow(
      /Expected a closing tag|end of file/,
    );
  });
});
