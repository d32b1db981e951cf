/**
 * The prefilter keys on a rare word of each form, so prose full of the everyday words that start
 * or fill forms (`had`, `age`, `online`, `young`, `children`, `minor`…) is rejected without a
 * parse. This checks that such prose, with and without real forms spliced in (split by markup,
 * hyphens, line breaks, joined, inflected), still gives exactly the messages of full processing.
 */
import { lint, type Format, type LintOptions } from '@luxlint/lint';
import { terms } from '@luxlint/terms';
import { createPrefilter } from 'retext-luxembourg';
import { describe, expect, it } from 'vitest';
import { seeded, type Random } from './corpus.js';
import { comparable } from './helpers.js';

const everyday = [
  'had',
  'has',
  'have',
  'having',
  'age',
  'aged',
  'agency',
  'online',
  'young',
  'younger',
  'women',
  'children',
  'child',
  'kids',
  'minor',
  'minors',
  'put',
  'older',
  'early',
  'self',
  'computer',
  'virtual',
  'Haddad',
  'sex',
  'with',
  'image',
  'material',
  'teen',
  'under',
  'work',
  'the',
  'a',
  'of',
  'and',
  'in',
];

const pick = <T>(random: Random, items: readonly T[]): T =>
  items[Math.floor(random() * items.length)] as T;

/** Dataset forms as a writer might type them: one alternative per slot, sometimes inflected or joined. */
function formsOf(): string[] {
  const phrases: string[] = [];
  for (const term of terms) {
    if (term.status === 'use') continue;
    for (const form of term.text.en.match) phrases.push(form.phrase);
  }
  return phrases;
}

function writeForm(random: Random, phrase: string): string {
  const words = phrase
    .split(/\s+/u)
    .filter(Boolean)
    .map((slot) => pick(random, slot.split('|')));
  if (random() < 0.3) words[words.length - 1] += pick(random, ['s', "'s", 'es']);
  const joiner = (): string => pick(random, [' ', ' ', '-', '\n', '', ' *', '** ']);
  let text = words[0] ?? '';
  for (const word of words.slice(1)) text += joiner() + word;
  return random() < 0.2 ? text.toUpperCase() : text;
}

function everydayDocument(
  random: Random,
  format: Format,
  forms: readonly string[],
  density: number,
): string {
  const paragraphs: string[] = [];
  const count = 3 + Math.floor(random() * 8);
  for (let paragraph = 0; paragraph < count; paragraph++) {
    const words: string[] = [];
    const length = 8 + Math.floor(random() * 40);
    for (let index = 0; index < length; index++) {
      if (random() < density) words.push(writeForm(random, pick(random, forms)));
      else {
        let word = pick(random, everyday);
        if (random() < 0.1) word = `${word}-${pick(random, everyday)}`;
        if (random() < 0.05) word = `${word}${pick(random, everyday)}`;
        words.push(word);
      }
      if (random() < 0.08) words.push(pick(random, ['.', ',', ';', ' —', '"', '(', ')']));
    }
    const body = words.join(' ');
    paragraphs.push(
      format === 'html'
        ? `<p>${body}</p>`
        : format === 'markdown' && random() < 0.3
          ? `- ${body}`
          : body,
    );
  }
  return paragraphs.join('\n\n');
}

describe('fast path = full path on everyday words', () => {
  const forms = formsOf();

  for (const format of ['markdown', 'text', 'html'] as const) {
    it(`${format}: everyday prose with and without forms`, { timeout: 240_000 }, () => {
      const random = seeded(4243 + format.length);
      let messages = 0;
      for (let index = 0; index < 60; index++) {
        const density = [0, 0, 0.01, 0.05][index % 4] as number;
        const value = everydayDocument(random, format, forms, density);
        const options: LintOptions = { format, reportSkipped: index % 2 === 0 };
        const fast = lint(value, { ...options, fastPath: true }).messages.map(comparable);
        const full = lint(value, { ...options, fastPath: false }).messages.map(comparable);
        expect(fast, `${format} document ${index}:\n${value}`).toEqual(full);
        messages += full.length;
      }
      // A differential test that never sees a message proves nothing.
      expect(messages).toBeGreaterThan(10);
    });
  }

  // Paragraphs of plain prose skip micromark on the fast path: cover them, and texts one
  // Markdown-significant character away from them, on both sides of that line.
  it('markdown: plain prose paragraphs and near-plain ones', { timeout: 240_000 }, () => {
    const random = seeded(90_210);
    const plainJoiners = [' ', ' ', ' ', '-', '\n', ''];
    const disturbances = [
      ' ',
      '  ',
      '\t',
      '*',
      '_',
      '`',
      '&amp;',
      '[x]',
      '<b>',
      '\\',
      ':',
      '@',
      'www.',
      '#',
      '> ',
      '- ',
      '1. ',
      '2) ',
      '=',
      '---',
      '~~',
      '|',
      '\r',
      '\u00a0',
      '\ufeff',
      '!',
      '(',
      ')',
      '"',
      "'",
    ];
    let messages = 0;
    for (let index = 0; index < 80; index++) {
      const paragraphs: string[] = [];
      const count = 2 + Math.floor(random() * 6);
      for (let paragraph = 0; paragraph < count; paragraph++) {
        const words: string[] = [];
        const length = 5 + Math.floor(random() * 30);
        for (let word = 0; word < length; word++) {
          if (random() < 0.08) {
            const phrase = pick(random, forms)
              .split(/\s+/u)
              .map((slot) => pick(random, slot.split('|')));
            let text = phrase[0] ?? '';
            for (const next of phrase.slice(1)) text += pick(random, plainJoiners) + next;
            words.push(random() < 0.2 ? text.toUpperCase() : text);
          } else words.push(pick(random, everyday));
          if (random() < 0.1) words.push(pick(random, ['.', ',', ';', '.\n']));
        }
        let body = words
          .join(' ')
          .replace(/ ?\n ?/gu, '\n')
          .replace(/ ([.,;])/gu, '$1');
        if (index % 2 === 1) {
          // Near-plain: one disturbance at a random place (line start, line end or inside).
          const at = Math.floor(random() * (body.length + 1));
          body = body.slice(0, at) + pick(random, disturbances) + body.slice(at);
        }
        paragraphs.push(body.trim() || 'had');
      }
      const value =
        paragraphs.join(pick(random, ['\n\n', '\n\n\n'])) + pick(random, ['', '\n', '\n\n']);
      const options: LintOptions = { format: 'markdown', reportSkipped: index % 3 === 0 };
      const fast = lint(value, { ...options, fastPath: true }).messages.map(comparable);
      const full = lint(value, { ...options, fastPath: false }).messages.map(comparable);
      expect(fast, `document ${index}:\n${JSON.stringify(value)}`).toEqual(full);
      messages += full.length;
    }
    expect(messages).toBeGreaterThan(20);
  });

  it('lets no everyday sentence without a form through', () => {
    const prefilter = createPrefilter();
    const sentences = [
      'She had put the older computer online early, and the agency has aged records of Haddad.',
      'Young women and children have virtual classes; a minor self-assessment is put online.',
      'The children had an early age test at the computer agency.',
    ];
    for (const sentence of sentences) expect(prefilter(sentence), sentence).toBe(false);
  });
});
