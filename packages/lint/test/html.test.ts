import { describe, expect, it } from 'vitest';
import { flagged, lineColumn, seen } from './helpers.js';

const html = (value: string): string[] => flagged(value, { format: 'html' });

describe('html', () => {
  it('lints paragraphs, headings, list items, table cells, titles and phrases across inline elements', () => {
    const doc = [
      '<!doctype html><html><head><title>Child porn report</title></head><body>',
      '<h1>On child prostitution</h1>',
      '<p>A <b>child</b> pornography case.</p>',
      '<ul><li>a child sex tourist</li></ul>',
      '<table><tr><td>kiddie porn</td><td>2020</td></tr></table>',
      '</body></html>',
    ].join('\n');
    expect(html(doc)).toEqual([
      'Child porn',
      'child prostitution',
      'child</b> pornography',
      'child sex tourist',
      'kiddie porn',
    ]);
  });

  it.each([
    ['script', '<script>var s = "child porn";</script>'],
    ['style', '<style>.child-porn { color: red }</style>'],
    ['code', '<p>Run <code>grep child porn</code>.</p>'],
    ['pre', '<pre>child porn</pre>'],
    ['kbd', '<p>Type <kbd>child porn</kbd>.</p>'],
    ['attribute', '<p title="child porn">Fine.</p>'],
    ['comment', '<!-- child porn -->'],
    ['URL in text', '<p>See https://example.org/child-porn today.</p>'],
    ['link href', '<p><a href="https://example.org/child-porn">report</a></p>'],
    ['template', '<template><p>child porn</p></template>'],
  ])('never lints %s', (_name, doc) => {
    expect(html(doc)).toEqual([]);
  });

  it('treats <blockquote> and <q> as quotations', () => {
    const doc =
      '<blockquote><p>We found child porn.</p></blockquote><p>She said <q>child pornography</q> twice; we say child porn.</p>';
    expect(
      seen(doc, { format: 'html', reportSkipped: true }).map((message) => [
        message.text,
        message.context,
      ]),
    ).toEqual([
      ['child porn', 'quotation'],
      ['child pornography', 'quotation'],
      ['child porn', undefined],
    ]);
  });

  it('maps character references and lines back to the source', () => {
    const doc = '<p>\n  A &amp; B &mdash; child&nbsp;pornography\n  and &#99;hild porn.\n</p>';
    const messages = seen(doc, { format: 'html' });
    expect(messages.map((message) => message.text)).toEqual([
      'child&nbsp;pornography',
      '&#99;hild porn',
    ]);
    for (const message of messages)
      expect({ line: message.line, column: message.column }).toEqual(
        lineColumn(doc, message.offset ?? 0),
      );
  });
});
