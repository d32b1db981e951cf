/**
 * On the fast path only the sentences of a paragraph around a candidate are parsed (windows.ts).
 * The messages must be those of the whole paragraph, including where a context rule reads across
 * a sentence end: a negation in the sentence before, a legal title or an allowed phrase split by
 * a full stop, quotation marks opened or closed in another sentence, abbreviations that end no
 * sentence, lists of mentioned terms, Title Case runs.
 */
import { type Format, type LintOptions } from '@luxlint/lint';
import { legalTitles, terms } from '@luxlint/terms';
import { createPrefilter, createSentenceWindow } from 'retext-luxembourg';
import { describe, expect, it } from 'vitest';
import { blockText } from '../src/lib/pieces.js';
import { LineIndex } from '../src/lib/positions.js';
import { parseText } from '../src/lib/text.js';
import { windowBlock } from '../src/lib/windows.js';
import { seeded, type Random } from './corpus.js';
import { fastAndFull } from './helpers.js';

const runs = Number(process.env['FUZZ_RUNS'] ?? '300');

const pick = <T>(random: Random, items: readonly T[]): T =>
  items[Math.floor(random() * items.length)] as T;

const examples = terms.flatMap((term) =>
  [...term.text.en.examples.incorrect, ...term.text.en.examples.correct].map((item) => item.text),
);

const filler = [
  'The committee met on several occasions during the autumn session.',
  'Officers in the northern district reviewed the files again.',
  'It is not clear whether the council will publish the report.',
  'Funding for the shelters remained low for most of the year.',
  'The minister said the plan would be reviewed.',
  'Schools asked for more training on online safety.',
  'Analysts compared the figures with those of the previous year.',
  'The hearing was adjourned until the next morning.',
  // Quotations closed within their sentence (a part that can be left out), and apostrophes.
  '“We approve every complaint we receive,” the mayor said.',
  'The sign on the door said "closed" for the whole week.',
  "The council's report on the girls' school was published.",
  'Campaigners called it ‘a scandal’ in their statement.',
];

/** Sentences that make a rule read across a sentence end, or that end no sentence. */
function tricky(random: Random): string {
  const title = pick(random, legalTitles).title;
  const words = title.split(' ');
  const cut = 1 + Math.floor(random() * Math.max(1, words.length - 1));
  const head = words.slice(0, cut).join(' ');
  const tail = words.slice(cut).join(' ');
  const capitalised = tail.charAt(0).toUpperCase() + tail.slice(1);
  return pick(random, [
    // A title split by a full stop (a loose title runs across it).
    `The court cited the ${head.toLowerCase()}. ${capitalised} was discussed at length.`,
    `Delegates referred to the ${title} in their closing remarks.`,
    // A negation at the end of the sentence before a consent-implying phrase.
    'The girl could not. Willing participant is how the defence put it.',
    'She said no. Consensual sex with the boy was what the report claimed.',
    'A child cannot consent. Sex with a minor is a crime.',
    'The judge said never. Child prostitution was the word used.',
    // Quotation marks across sentences, unclosed, curly, straight, single.
    '“The material was found on his laptop. Child pornography is the legal term,” he said.',
    'He wrote "child porn. Then he stopped writing.',
    'The report quoted her: ‘It was abuse. Nobody listened.’ The inquiry agreed.',
    "Workers' rights groups objected. The '90s were different.",
    'The sign read "closed. Nobody came.',
    // Abbreviations and initials that end no sentence.
    'Figures rose by approx. Ten per cent were new cases of child sex tourism.',
    'The authors, Smith et al. Reported child prostitution in three cities.',
    'Police met Mr. Jones about the child pornography case.',
    'The list includes photos, videos etc. Child abuse material was among them.',
    // One sentence to parse-english (`etc.` ends none): the child window reads back across both.
    'He met the girl etc. Then they all went home etc. Consensual sex was alleged by the police.',
    // A list of mentioned terms, and a term after a cue in the sentence before.
    'Avoid the terms "child prostitute" and "child pornography" in headlines.',
    'The older term was used. Child prostitute appeared in every headline.',
    // Title Case around a sentence end.
    'The Special Rapporteur on the Sale of Children spoke. Child Pornography Prevention Act cases rose.',
    'The Coalition Against Child Pornography met. Members agreed.',
  ]);
}

function paragraph(random: Random): string {
  const count = 8 + Math.floor(random() * 16);
  // Some paragraphs are hard-wrapped: a line break between two sentences may end the paragraph
  // for parse-latin.
  const wrapped = random() < 0.3;
  let text = '';
  for (let index = 0; index < count; index++) {
    const roll = random();
    if (index > 0) text += wrapped && random() < 0.3 ? '\n' : random() < 0.8 ? ' ' : '  ';
    text +=
      roll < 0.55 ? pick(random, filler) : roll < 0.75 ? pick(random, examples) : tricky(random);
  }
  return text;
}

describe('windows: the sentences around a candidate give the whole paragraph’s messages', () => {
  const documents = Math.max(20, Math.round(runs / 3));
  const prefilter = createPrefilter();
  const window = createSentenceWindow();

  for (const format of ['text', 'markdown'] as Format[]) {
    for (const options of [{}, { reportSkipped: true }] as LintOptions[]) {
      it(
        `${documents} ${format} documents of long paragraphs, ${JSON.stringify(options)}`,
        { timeout: Math.max(30_000, documents * 150) },
        () => {
          const random = seeded(format.length * 7 + (options.reportSkipped ? 1 : 0));
          let messages = 0;
          let dropped = 0;
          for (let index = 0; index < documents; index++) {
            const value = [paragraph(random), paragraph(random), paragraph(random)].join('\n\n');
            const { fast, full } = fastAndFull(value, { ...options, format });
            expect(fast, value).toEqual(full);
            messages += full.length;
            // How much the windows left out (so the test cannot pass by parsing everything).
            const lines = new LineIndex(value);
            const lineOf = (offset: number): number => lines.lineOf(offset);
            for (const block of parseText(value, true).blocks) {
              if (!prefilter(blockText(block, lineOf))) continue;
              const kept = windowBlock(block, window, prefilter, lineOf);
              const length = (blocks: readonly (typeof block)[]): number =>
                blocks.reduce((sum, part) => sum + blockText(part, lineOf).length, 0);
              dropped += length([block]) - length(kept);
            }
          }
          expect(messages).toBeGreaterThan(documents * 3);
          expect(dropped).toBeGreaterThan(documents * 100);
        },
      );
    }
  }

  it('with allow phrases, which may run across a sentence end, nothing is left out', () => {
    const value = `${filler.join(' ')} Child pornography was found. ${filler.join(' ')}`;
    const allowing = createSentenceWindow({ allow: ['found child'] });
    expect(allowing.joins('found', 'child')).toBe(true);
    const lines = new LineIndex(value);
    const lineOf = (offset: number): number => lines.lineOf(offset);
    const [block] = parseText(value, true).blocks;
    expect(block).toBeDefined();
    if (!block) return;
    expect(windowBlock(block, allowing, prefilter, lineOf)).toEqual([block]);
    expect(windowBlock(block, window, prefilter, lineOf)).not.toEqual([block]);
    const { fast, full } = fastAndFull(value, { allow: ['found. Child'] });
    expect(fast).toEqual(full);
  });
});
