/**
 * A seeded generator of realistic-looking documents in every format, dense with dataset forms,
 * examples, legal titles, quotations, code, URLs, tables and control comments — the input of the
 * fast-path differential test. Deterministic for a seed, so a failure can be replayed.
 */
import { legalTitles, terms } from '@luxlint/terms';
import type { Format } from '@luxlint/lint';

export type Random = () => number;

/** mulberry32: small, fast, good enough to shuffle test input. */
export function seeded(seed: number): Random {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const pick = <T>(random: Random, items: readonly T[]): T =>
  items[Math.floor(random() * items.length)] as T;
const chance = (random: Random, p: number): boolean => random() < p;

const filler = (
  'the committee report said police officers in several regions reviewed cases last year and found that ' +
  'funding for shelters remained low while courts heard more appeals than before families schools and ' +
  'social workers asked for training on online safety travel hotels airlines and tour operators signed a code'
).split(' ');

// Words that pass a word-start prefilter but match nothing: they make blocks parse for nothing.
const nearMisses = [
  'child care',
  'childhood',
  'children’s museum',
  'pornographic prints of the 1920s',
  'adult pornography',
  'tourism',
  'sex workers’ rights',
  'sexual health',
  'dog grooming',
  'the predator of field mice',
  'a sextant',
  'pimples',
  'early voting',
  'juvenile court',
  'teenage years',
  'underage drinking',
  'historical records',
  'child protection',
  'child sexual abuse material',
  'sexual exploitation of children in travel and tourism',
  'CSAM',
];

const variantJoins = [' ', '-', '\u00A0', '\u2011', '\u2010', '\n', '  '];

/** One surface form of a dataset match phrase, with a random join, case and inflection. */
function formOf(random: Random): string {
  const term = pick(
    random,
    terms.filter((entry) => entry.text.en.match.length > 0),
  );
  const form = pick(random, term.text.en.match);
  const words = form.phrase.split(' ').map((slot) => pick(random, slot.split('|')));
  if (form.inflect && chance(random, 0.3)) {
    const last = words.length - 1;
    words[last] = `${words[last]}${pick(random, ['s', "'s", '’s', "s'"])}`;
  }
  const join = chance(random, 0.6) ? ' ' : pick(random, variantJoins);
  let phrase = words.join(join);
  if (!form.caseSensitive) {
    const shape = random();
    if (shape < 0.15) phrase = phrase.toUpperCase();
    else if (shape < 0.35) phrase = phrase.replace(/^\p{L}/u, (letter) => letter.toUpperCase());
    else if (shape < 0.45)
      phrase = phrase.replace(/(^|\s)\p{L}/gu, (letter) => letter.toUpperCase());
  }
  return phrase;
}

function example(random: Random): string {
  const term = pick(random, terms);
  const all = [...term.text.en.examples.incorrect, ...term.text.en.examples.correct];
  return all.length > 0 ? pick(random, all).text : formOf(random);
}

function clause(random: Random, length: number): string {
  const words: string[] = [];
  for (let index = 0; index < length; index++) words.push(pick(random, filler));
  return words.join(' ');
}

/** A sentence of prose; `density` is the chance it carries a term, a title or an example. */
function sentence(random: Random, density: number): string {
  const roll = random();
  if (roll < density * 0.25) return example(random);
  let middle: string;
  if (roll < density) {
    const kind = random();
    const form = formOf(random);
    if (kind < 0.15) middle = `"${form}"`;
    else if (kind < 0.25) middle = `“${form},” the minister said,`;
    else if (kind < 0.32) middle = `the so-called ${form}`;
    else if (kind < 0.4) middle = `the term ${form}`;
    else if (kind < 0.5) middle = `the ${pick(random, legalTitles).title}`;
    else if (kind < 0.58)
      middle = `${form} involving a ${pick(random, ['12', '13', '14', '15'])}-year-old girl`;
    else middle = form;
  } else {
    middle = chance(random, 0.3) ? pick(random, nearMisses) : clause(random, 3);
  }
  const text = `${clause(random, 2 + Math.floor(random() * 6))} ${middle} ${clause(random, 1 + Math.floor(random() * 5))}`;
  return `${text.charAt(0).toUpperCase()}${text.slice(1)}${pick(random, ['.', '.', '?', '!', '…', ';'])}`;
}

function paragraph(random: Random, density: number): string {
  const count = 1 + Math.floor(random() * 5);
  const parts: string[] = [];
  for (let index = 0; index < count; index++) parts.push(sentence(random, density));
  return parts.join(chance(random, 0.2) ? pick(random, ['\n', '\n', '\r\n']) : ' ');
}

const ids = () => terms.filter((term) => term.status !== 'use').map((term) => term.id);

function directiveBody(random: Random): string {
  const kind = pick(random, ['disable', 'enable', 'disable-next-line']);
  const roll = random();
  const list =
    roll < 0.4
      ? []
      : roll < 0.9
        ? [pick(random, ids()), ...(chance(random, 0.3) ? [pick(random, ids())] : [])]
        : ['chld-porn'];
  return `luxlint-${kind}${list.length > 0 ? ' ' + list.join(', ') : ''}`;
}

function markdownBlock(random: Random, density: number, mdx: boolean): string {
  const roll = random();
  const inline = (): string => {
    const text = paragraph(random, density);
    const choice = random();
    if (choice < 0.15) return text.replace(/(\S+) (\S+)/, '*$1* $2');
    if (choice < 0.25) return text.replace(/(\S+ \S+)/, '**$1**');
    if (choice < 0.32) return `${text} See \`${formOf(random)}\` in the logs.`;
    if (choice < 0.4)
      return `${text} Read https://example.org/${formOf(random).replace(/\s+/g, '-')}/report today.`;
    if (!mdx && choice < 0.46)
      return `${text} [${formOf(random)}](https://example.org/a) and <https://example.org/${formOf(random).replace(/\s+/g, '-')}>.`;
    if (!mdx && choice < 0.5) return `${text} A &amp; B and child&nbsp;pornography &#99;hild porn.`;
    return text;
  };
  if (roll < 0.4) return inline();
  if (roll < 0.5)
    return `${'#'.repeat(1 + Math.floor(random() * 3))} ${sentence(random, density).replace(/[.?!…;]$/, '')}`;
  if (roll < 0.58)
    return Array.from(
      { length: 2 + Math.floor(random() * 3) },
      () => `- ${inline().replace(/\n/g, '\n  ')}`,
    ).join('\n');
  if (roll < 0.66)
    return inline()
      .split('\n')
      .map((line) => `> ${line}`)
      .join('\n');
  if (roll < 0.72) return `\`\`\`\n${formOf(random)} = ${JSON.stringify(formOf(random))}\n\`\`\``;
  if (roll < 0.8) {
    const cell = (): string =>
      chance(random, density) ? formOf(random).replace(/\n/g, ' ') : clause(random, 2);
    return `| ${cell()} | ${cell()} |\n| --- | --- |\n| ${cell()} | ${cell()} |\n| ${cell()} | ${cell()} |`;
  }
  if (roll < 0.86)
    return mdx ? `{/* ${directiveBody(random)} */}` : `<!-- ${directiveBody(random)} -->`;
  if (roll < 0.9) return `1. ${inline()}\n2. ${inline()}`;
  return mdx ? inline() : trickyMarkdown(random, density, inline);
}

/** Structures where a naive cut at blank lines would change the parse. */
function trickyMarkdown(random: Random, density: number, inline: () => string): string {
  const form = (): string => formOf(random).replace(/\n/g, ' ');
  switch (Math.floor(random() * 12)) {
    case 0:
      return `~~~~ text\n${form()}\n\n${form()} at column one\n~~~\nstill code ${form()}\n~~~~`;
    case 1:
      return `\`\`\`md\n# ${form()}\n\n${inline()}\n\`\`\``;
    case 2:
      return `- item\n\n  \`\`\`\n  ${form()}\n\n  ${form()}\n  \`\`\`\n\n  ${inline()}`;
    case 3:
      return `<div>\n\n${inline()}\n\n</div>`;
    case 4:
      return `<!--\n${form()}\n\n${form()}\n-->`;
    case 5:
      return `See [the ${form()}][ref] and [^note].\n\n[ref]: https://example.org/${form().replace(/\s+/g, '-')}\n\n[^note]: A footnote on ${form()}.`;
    case 6:
      return `- outer ${form()}\n\n  - inner ${form()}\n\n    continued ${inline()}\n\n  back in outer`;
    case 7:
      return `${inline()}\n\n    indented code ${form()}\n\n    more code`;
    case 8:
      return `> ${inline()}\nlazy continuation with ${form()}\n>\n> ${inline()}`;
    case 9:
      return `${sentence(random, density)}\n${'='.repeat(5)}`;
    case 10:
      return ` \`\`\`\n${form()}\n\n${form()}\n \`\`\``;
    default:
      return `<pre>\n${form()}\n\n${form()}\n</pre>`;
  }
}

function htmlBlock(random: Random, density: number): string {
  const escape = (text: string): string => text.replace(/&/g, '&amp;').replace(/</g, '&lt;');
  const roll = random();
  const text = escape(paragraph(random, density));
  if (roll < 0.35) return `<p>${text.replace(/(\S+) (\S+)/, '<b>$1</b> $2')}</p>`;
  if (roll < 0.45) return `<h2>${escape(sentence(random, density))}</h2>`;
  if (roll < 0.55)
    return `<ul>\n  <li>${text}</li>\n  <li>${escape(paragraph(random, density))}</li>\n</ul>`;
  if (roll < 0.62) return `<blockquote><p>${text}</p></blockquote>`;
  if (roll < 0.68) return `<p>She said <q>${escape(formOf(random))}</q> and ${text}</p>`;
  if (roll < 0.74)
    return `<pre>${escape(formOf(random))}</pre><p>Run <code>${escape(formOf(random))}</code> ${text}</p>`;
  if (roll < 0.78) return `<script>var s = ${JSON.stringify(formOf(random))};</script>`;
  if (roll < 0.86)
    return `<table><tr><td>${escape(formOf(random))}</td><td>${text}</td></tr></table>`;
  if (roll < 0.92) return `<!-- ${directiveBody(random)} -->`;
  return `<div>${text}<br>${escape(paragraph(random, density))}</div>`;
}

function textBlock(random: Random, density: number): string {
  const roll = random();
  if (roll < 0.08) return directiveBody(random);
  if (roll < 0.16)
    return `${paragraph(random, density)} See https://example.org/${formOf(random).replace(/\s+/g, '-')}.`;
  return paragraph(random, density);
}

/** A document of about `size` characters in `format`. */
export function generateDocument(
  random: Random,
  format: Format,
  size: number,
  density: number,
): string {
  const blocks: string[] = [];
  if ((format === 'markdown' || format === 'mdx') && chance(random, 0.2))
    blocks.push(`---\ntitle: ${formOf(random).replace(/\n/g, ' ')}\n---`);
  let length = 0;
  while (length < size) {
    const block =
      format === 'html'
        ? htmlBlock(random, density)
        : format === 'text'
          ? textBlock(random, density)
          : markdownBlock(random, density, format === 'mdx');
    blocks.push(block);
    length += block.length;
  }
  const separator =
    format === 'text'
      ? () => pick(random, ['\n\n', '\n\n\n', '\n \n', '\r\n\r\n', '\n\t\n'])
      : () => '\n\n';
  let document = blocks[0] ?? '';
  for (const block of blocks.slice(1)) document += separator() + block;
  return document;
}

/** Every dataset example as its own document. */
export function datasetExamples(): string[] {
  return terms.flatMap((term) =>
    [...term.text.en.examples.incorrect, ...term.text.en.examples.correct].map((item) => item.text),
  );
}
