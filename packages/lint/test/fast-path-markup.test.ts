/**
 * The fast path reads simple Markdown runs without micromark (src/lib/simple-markdown.ts). This
 * checks, message for message, that documents full of dataset forms inside that markup
 * (emphasis, strong, links, code spans, headings, list items) and next to what sends a run back
 * to micromark (entities, escapes, inline HTML, hard breaks, autolinks, images, tables) lint the
 * same on the fast path as with full processing.
 */
import { lint, type LintOptions } from '@luxlint/lint';
import { terms } from '@luxlint/terms';
import { describe, expect, it } from 'vitest';
import { seeded, type Random } from './corpus.js';
import { comparable } from './helpers.js';

const pick = <T>(random: Random, items: readonly T[]): T =>
  items[Math.floor(random() * items.length)] as T;

/** Dataset forms, one alternative per slot, sometimes inflected; and the words around them. */
function formOf(random: Random, forms: readonly string[]): string[] {
  const words = pick(random, forms)
    .split(/\s+/u)
    .filter(Boolean)
    .map((slot) => pick(random, slot.split('|')));
  if (random() < 0.2) words[words.length - 1] += pick(random, ['s', "'s"]);
  if (random() < 0.15) return words.map((word) => word.toUpperCase());
  return words;
}

const filler =
  'the report said that officers in several regions had reviewed older cases online'.split(' ');

/** A phrase with simple inline markup around all or part of a form (or of filler words). */
function markedPhrase(random: Random, forms: readonly string[]): string {
  const words =
    random() < 0.5 ? formOf(random, forms) : [pick(random, filler), pick(random, filler)];
  const split = 1 + Math.floor(random() * Math.max(1, words.length - 1));
  const head = words.slice(0, split).join(' ');
  const tail = words.slice(split).join(' ');
  const joined = words.join(' ');
  switch (Math.floor(random() * 10)) {
    case 0:
      return `*${joined}*`;
    case 1:
      return `**${joined}**`;
    case 2:
      return tail ? `*${head}* ${tail}` : `*${head}*`;
    case 3:
      return tail ? `${head} **${tail}**` : `**${head}**`;
    case 4:
      return `[${joined}](https://example.org/a_b?c=1&d=2)`;
    case 5:
      return tail ? `[${head}](x.md) ${tail}` : `[${head}](x.md)`;
    case 6:
      return `\`${joined}\``;
    case 7:
      return `"${joined}"`;
    default:
      return joined;
  }
}

/** What sends a run back to micromark (and so must give the same messages there too). */
const disturbances = [
  '&amp;',
  '&#99;hild',
  '\\*',
  '<b>x</b>',
  '<!-- note -->',
  '  \n',
  '\\\n',
  'www.example.org',
  'https://example.org',
  'a@b.org',
  '![child porn](i.png)',
  '~~struck~~',
  '_under_',
  '***',
  '[^1]',
  '|',
  '\u00A0',
];

function line(random: Random, forms: readonly string[], disturbed: boolean): string {
  const parts: string[] = [];
  const count = 3 + Math.floor(random() * 10);
  for (let index = 0; index < count; index++) {
    parts.push(random() < 0.35 ? markedPhrase(random, forms) : pick(random, filler));
    if (random() < 0.1) parts[parts.length - 1] += pick(random, ['.', ',', ';', ':', '!', '?']);
  }
  if (disturbed) parts.splice(Math.floor(random() * parts.length), 0, pick(random, disturbances));
  return parts.join(' ');
}

function markupDocument(random: Random, forms: readonly string[]): string {
  const blocks: string[] = [];
  const count = 3 + Math.floor(random() * 8);
  for (let index = 0; index < count; index++) {
    const disturbed = random() < 0.25;
    const shape = Math.floor(random() * 6);
    if (shape === 0)
      blocks.push(`${'#'.repeat(1 + Math.floor(random() * 3))} ${line(random, forms, disturbed)}`);
    else if (shape === 1 || shape === 2) {
      const ordered = shape === 2;
      const items = Array.from(
        { length: 1 + Math.floor(random() * 4) },
        (_, item) =>
          `${ordered ? `${item + 1}.` : '-'} ${line(random, forms, disturbed && item === 0)}`,
      );
      blocks.push(items.join('\n'));
    } else {
      const lines = Array.from({ length: 1 + Math.floor(random() * 3) }, (_, at) =>
        line(random, forms, disturbed && at === 0),
      );
      blocks.push(lines.join('\n'));
    }
  }
  return blocks.join(pick(random, ['\n\n', '\n\n\n'])) + pick(random, ['', '\n']);
}

describe('fast path = full path on Markdown markup', () => {
  const forms = terms
    .filter((term) => term.status !== 'use')
    .flatMap((term) => term.text.en.match.map((form) => form.phrase));

  it('forms inside emphasis, links, code, headings and list items', { timeout: 300_000 }, () => {
    const random = seeded(8_080);
    let messages = 0;
    let documents = 0;
    for (let index = 0; index < 150; index++) {
      const value = markupDocument(random, forms);
      const options: LintOptions = {
        format: 'markdown',
        ...(index % 3 === 0 ? { reportSkipped: true } : {}),
        ...(index % 5 === 0 ? { preset: 'guidelines' as const } : {}),
      };
      const fast = lint(value, { ...options, fastPath: true }).messages.map(comparable);
      const full = lint(value, { ...options, fastPath: false }).messages.map(comparable);
      expect(fast, `document ${index}:\n${JSON.stringify(value)}`).toEqual(full);
      messages += full.length;
      documents++;
    }
    console.log(`fast-path markup differential: ${documents} documents, ${messages} messages`);
    // A differential test that never sees a message proves nothing.
    expect(messages).toBeGreaterThan(documents);
  });
});
