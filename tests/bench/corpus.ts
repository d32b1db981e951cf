/**
 * Deterministic generator of benchmark corpora: folders of realistic Markdown articles (front
 * matter, headings, paragraphs with inline markup and links, lists, tables, block quotes, code
 * fences) written from a word list of our own, in three mixes:
 *
 * - `clean`: no dataset term at all (neither discouraged nor preferred);
 * - `realistic`: about one discouraged term per 10 KB, spliced into a paragraph or list item;
 * - `dense`: one discouraged term in every paragraph.
 *
 * The terms are the `examples.incorrect` sentences of `@luxlint/terms`, so each splice is a
 * sentence the plugin is known to flag. Every mix of a given seed shares the same prose (the
 * prose and the splices draw from separate random streams); only the splices differ.
 */
import { mkdir, mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { terms } from '@luxlint/terms';

export type Mix = 'clean' | 'realistic' | 'dense';
export const mixes: readonly Mix[] = ['clean', 'realistic', 'dense'];

export interface CorpusOptions {
  readonly mix: Mix;
  /** Number of files (default 2,000). */
  readonly files?: number;
  /** Mean size of a file before splicing, in bytes (default 10,000; each file is 0.8–1.2× this). */
  readonly fileBytes?: number;
  /** Seed of the prose (default 1). */
  readonly seed?: number;
  /** Parent folder (default `os.tmpdir()`). */
  readonly parent?: string;
}

export interface GeneratedCorpus {
  readonly mix: Mix;
  readonly directory: string;
  /** Absolute paths, in generation order. */
  readonly files: readonly string[];
  /** Total UTF-8 bytes. */
  readonly bytes: number;
  /** Number of discouraged-term sentences spliced in. */
  readonly splicedTerms: number;
  /** Paragraphs (prose paragraphs only, not list items, tables or quotes). */
  readonly paragraphs: number;
}

export interface GeneratedDocument {
  readonly text: string;
  /** Entry ids of the spliced sentences, in order. */
  readonly spliced: readonly string[];
  readonly paragraphs: number;
}

/** mulberry32: small, fast, good enough for text generation, and the same on every machine. */
export function createRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

type Random = () => number;

function pick<T>(random: Random, list: readonly T[]): T {
  return list[Math.floor(random() * list.length)] as T;
}

function between(random: Random, low: number, high: number): number {
  return low + Math.floor(random() * (high - low + 1));
}

// The word list. Newsroom and policy prose (courts, councils, schools, health, budgets,
// platforms), deliberately free of every dataset form and of the preferred terms, so the `clean`
// mix has nothing to find. Common words that begin some forms (had, have, online, young, women,
// children, age …) are kept: real prose is full of them.
const adjectives = [
  'annual',
  'local',
  'national',
  'regional',
  'new',
  'recent',
  'former',
  'senior',
  'independent',
  'public',
  'private',
  'digital',
  'written',
  'detailed',
  'final',
  'initial',
  'separate',
  'joint',
  'urgent',
  'careful',
  'large',
  'small',
  'rural',
  'urban',
  'northern',
  'coastal',
  'technical',
  'legal',
  'financial',
  'daily',
  'weekly',
  'quarterly',
  'confidential',
  'official',
  'specialist',
  'several',
  'other',
  'major',
  'minor',
  'significant',
  'modest',
  'clear',
  'short',
  'long',
  'complex',
  'basic',
  'central',
  'external',
  'internal',
  'available',
  'current',
  'previous',
];
const nouns = [
  'council',
  'committee',
  'report',
  'review',
  'budget',
  'school',
  'hospital',
  'court',
  'judge',
  'ministry',
  'agency',
  'charity',
  'platform',
  'company',
  'hotline',
  'analyst',
  'officer',
  'teacher',
  'parent',
  'family',
  'survey',
  'study',
  'policy',
  'law',
  'bill',
  'statement',
  'hearing',
  'inquiry',
  'investigation',
  'service',
  'programme',
  'project',
  'guideline',
  'training',
  'database',
  'website',
  'moderator',
  'volunteer',
  'reporter',
  'editor',
  'newsroom',
  'spokesperson',
  'prosecutor',
  'witness',
  'journalist',
  'researcher',
  'partner',
  'region',
  'district',
  'town',
  'city',
  'village',
  'county',
  'department',
  'office',
  'board',
  'panel',
  'network',
  'helpline',
  'clinic',
  'library',
  'museum',
  'station',
  'election',
  'campaign',
  'decision',
  'proposal',
  'meeting',
  'session',
  'response',
  'request',
  'complaint',
  'record',
];
const pluralNouns = [
  'residents',
  'families',
  'parents',
  'teachers',
  'officers',
  'analysts',
  'children',
  'pupils',
  'students',
  'women',
  'men',
  'workers',
  'volunteers',
  'charities',
  'platforms',
  'companies',
  'reporters',
  'editors',
  'judges',
  'survivors',
  'victims',
  'witnesses',
  'researchers',
  'councillors',
  'doctors',
  'nurses',
  'moderators',
  'users',
  'readers',
  'schools',
  'hospitals',
  'figures',
  'reports',
  'services',
  'records',
  'cases',
  'referrals',
  'complaints',
  'guidelines',
];
const pastVerbs = [
  'published',
  'reviewed',
  'approved',
  'rejected',
  'announced',
  'examined',
  'discussed',
  'welcomed',
  'criticised',
  'funded',
  'launched',
  'delayed',
  'closed',
  'opened',
  'updated',
  'requested',
  'received',
  'described',
  'recorded',
  'reported',
  'confirmed',
  'questioned',
  'supported',
  'extended',
  'reduced',
  'expanded',
  'introduced',
  'completed',
  'planned',
  'checked',
];
const baseVerbs = [
  'publish',
  'review',
  'approve',
  'discuss',
  'fund',
  'launch',
  'delay',
  'close',
  'open',
  'update',
  'support',
  'extend',
  'reduce',
  'expand',
  'introduce',
  'complete',
  'check',
  'explain',
  'improve',
  'protect',
  'train',
  'hire',
  'inform',
  'consult',
  'share',
  'monitor',
  'assess',
  'change',
];
const prepositions = [
  'in the coming year',
  'after a long debate',
  'before the summer',
  'during the hearing',
  'at the end of the month',
  'across the region',
  'in several districts',
  'for the first time',
  'with little notice',
  'under the new rules',
  'without further delay',
  'in a written statement',
  'on its website',
  'at a public meeting',
  'earlier this decade',
  'earlier this spring',
  'in the annual report',
  'ahead of the election',
  'by a narrow margin',
  'in three cities',
];
const singularSubjects = [
  'The council',
  'The committee',
  'A spokesperson',
  'The ministry',
  'The agency',
  'The charity',
  'The court',
  'The report',
  'The review',
  'The prosecutor',
  'The head teacher',
  'The newspaper',
  'The board',
  'The regulator',
  'The hospital',
  'The mayor',
];
const subjects = [
  ...singularSubjects,
  'Local officials',
  'Researchers',
  'Campaigners',
  'Volunteers',
  'The police',
  'Parents',
  'The inspectors',
  'Our reporters',
];
const firstNames = [
  'Amira',
  'Jonas',
  'Lucía',
  'Kwame',
  'Mei',
  'Oskar',
  'Priya',
  'Tomás',
  'Ines',
  'Farid',
  'Hanna',
  'Diego',
];
const lastNames = [
  'Haddad',
  'Keller',
  'Moreno',
  'Mensah',
  'Lin',
  'Berg',
  'Nair',
  'Silva',
  'Duarte',
  'Rahimi',
  'Novak',
  'Costa',
];
const roles = [
  'director',
  'spokesperson',
  'chair',
  'lead analyst',
  'head of policy',
  'researcher',
  'editor',
  'coordinator',
];
const organisations = [
  'regional council',
  'national agency',
  'university',
  'city hospital',
  'press council',
  'community trust',
  'education board',
  'safety institute',
];
const places = [
  'the capital',
  'the northern district',
  'the coast',
  'the old town',
  'the valley',
  'the border region',
  'the university town',
  'the harbour',
];
const months = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
];
const linkTargets = [
  'https://example.org/reports/2024',
  'https://example.com/news/budget',
  'https://example.net/data/table-3',
  'https://example.org/guidance',
  'https://example.com/about',
];
const codeSamples = [
  [
    'js',
    'const total = rows.reduce((sum, row) => sum + row.count, 0);\nconsole.log(`total: ${total}`);',
  ],
  [
    'bash',
    "curl -s https://example.org/api/cases?year=2024 | jq '.items | length'\nsort -u ids.txt > unique.txt",
  ],
  [
    'python',
    'import csv\nwith open("cases.csv") as handle:\n    rows = list(csv.DictReader(handle))\nprint(len(rows))',
  ],
  ['json', '{\n  "region": "north",\n  "year": 2024,\n  "referrals": 1290\n}'],
] as const;

function capitalise(value: string): string {
  return value.charAt(0).toUpperCase() + value.slice(1);
}

function article(random: Random): string {
  return random() < 0.5 ? 'the' : pick(random, ['a', 'one', 'each', 'every']);
}

function person(random: Random): string {
  return `${pick(random, firstNames)} ${pick(random, lastNames)}`;
}

/** One sentence of plain prose, from a handful of shapes. */
function sentence(random: Random): string {
  switch (between(random, 0, 9)) {
    case 0:
      return `${pick(random, subjects)} ${pick(random, pastVerbs)} ${article(random)} ${pick(random, adjectives)} ${pick(random, nouns)} ${pick(random, prepositions)}.`;
    case 1:
      return `${person(random)}, ${pick(random, roles)} at the ${pick(random, organisations)}, said the ${pick(random, nouns)} would ${pick(random, baseVerbs)} its ${pick(random, adjectives)} ${pick(random, nouns)} ${pick(random, prepositions)}.`;
    case 2:
      return `According to the ${pick(random, adjectives)} ${pick(random, nouns)}, ${between(random, 2, 950)} ${pick(random, pluralNouns)} in ${pick(random, places)} ${pick(random, pastVerbs)} the ${pick(random, nouns)} last year.`;
    case 3:
      return `${pick(random, singularSubjects)} has ${pick(random, pastVerbs)} the ${pick(random, nouns)} since ${pick(random, months)} ${between(random, 2009, 2025)}, and ${pick(random, pluralNouns)} have ${pick(random, pastVerbs)} it ${pick(random, prepositions)}.`;
    case 4:
      return `"We ${pick(random, baseVerbs)} every ${pick(random, nouns)} we receive," ${person(random)} said.`;
    case 5:
      return `The ${pick(random, nouns)} had been ${pick(random, pastVerbs)} by ${pick(random, pluralNouns)} who asked the ${pick(random, nouns)} to ${pick(random, baseVerbs)} it.`;
    case 6:
      return `Figures from ${pick(random, months)} show that ${between(random, 3, 71)} per cent of ${pick(random, pluralNouns)} were aged between ${between(random, 18, 30)} and ${between(random, 31, 70)}.`;
    case 7:
      return `It is not clear whether the ${pick(random, adjectives)} ${pick(random, nouns)} will ${pick(random, baseVerbs)} the ${pick(random, nouns)} ${pick(random, prepositions)}.`;
    case 8:
      return `Young ${pick(random, pluralNouns)} and their families ${pick(random, pastVerbs)} the ${pick(random, nouns)} online, the ${pick(random, nouns)} said.`;
    default:
      return `${capitalise(pick(random, pluralNouns))} in ${pick(random, places)} ${pick(random, pastVerbs)} a ${pick(random, adjectives)} ${pick(random, nouns)} ${pick(random, prepositions)}.`;
  }
}

/** Decorate a sentence with inline Markdown now and then: emphasis, strong, a link, inline code. */
function inline(random: Random, text: string): string {
  const roll = random();
  if (roll < 0.06) return text.replace(/(\w+)(\W*)$/, '*$1*$2');
  if (roll < 0.1) return text.replace(/^(\S+ \S+)/, '**$1**');
  if (roll < 0.16)
    return `${text} See [the ${pick(random, adjectives)} ${pick(random, nouns)}](${pick(random, linkTargets)}).`;
  if (roll < 0.19)
    return `${text} The data is in \`${pick(random, nouns)}-${between(random, 1, 99)}.csv\`.`;
  return text;
}

type Block =
  | { kind: 'paragraph'; sentences: string[] }
  | { kind: 'list'; ordered: boolean; items: string[] }
  | { kind: 'raw'; text: string };

function renderBlock(block: Block): string {
  switch (block.kind) {
    case 'paragraph':
      return block.sentences.join(' ');
    case 'list':
      return block.items
        .map((item, index) => `${block.ordered ? `${index + 1}.` : '-'} ${item}`)
        .join('\n');
    case 'raw':
      return block.text;
  }
}

function table(random: Random): string {
  const rows = between(random, 3, 6);
  const lines = ['| Region | Cases | Change |', '| --- | ---: | ---: |'];
  for (let row = 0; row < rows; row++) {
    lines.push(
      `| ${capitalise(pick(random, places).replace(/^the /, ''))} | ${between(random, 10, 5000)} | ${between(random, -40, 60)}% |`,
    );
  }
  return lines.join('\n');
}

function quote(random: Random): string {
  return `> ${sentence(random)} ${sentence(random)}\n>\n> — ${person(random)}, ${pick(random, roles)}`;
}

function fence(random: Random): string {
  const [language, code] = pick(random, codeSamples);
  return `\`\`\`${language}\n${code}\n\`\`\``;
}

/** The discouraged-term sentences of the dataset (`examples.incorrect` of avoid/caution entries). */
export function termSentences(): readonly { id: string; text: string }[] {
  return terms.flatMap((term) =>
    term.status === 'use'
      ? []
      : term.text.en.examples.incorrect.map((example) => ({ id: term.id, text: example.text })),
  );
}

/**
 * A few dataset phrases as one precompiled, case-insensitive alternation: the single
 * regular-expression pass used as the practical ceiling of any matcher.
 */
export function referenceExpression(count = 12): RegExp {
  const phrases = terms
    .filter((term) => term.status === 'avoid')
    .slice(0, count)
    .map((term) =>
      (term.text.en.match[0]?.phrase ?? term.text.en.term)
        .split(' ')
        .map((slot) => slot.split('|')[0])
        .join(' '),
    )
    .map((phrase) => phrase.replace(/[.*+?^${}()|[\]\\]/g, '\\$&').replace(/ /g, '[\\s-]+'));
  return new RegExp(`\\b(?:${phrases.join('|')})\\b`, 'gi');
}

/** One article: the same prose for a given (seed, index) in every mix. */
export function generateDocument(
  index: number,
  mix: Mix,
  seed = 1,
  fileBytes = 10_000,
): GeneratedDocument {
  const random = createRandom(seed * 1_000_003 + index);
  const splices = createRandom((seed * 1_000_003 + index) ^ 0x5bd1e995);
  const target = Math.round(fileBytes * (0.8 + random() * 0.4));
  const head: string[] = [];
  if (random() < 0.3) {
    head.push(
      `---\ntitle: ${capitalise(pick(random, adjectives))} ${pick(random, nouns)} ${pick(random, pastVerbs)}\ndate: ${between(random, 2012, 2025)}-${String(between(random, 1, 12)).padStart(2, '0')}-${String(between(random, 1, 28)).padStart(2, '0')}\ntags: [${pick(random, nouns)}, ${pick(random, nouns)}]\n---`,
    );
  }
  head.push(
    `# ${capitalise(pick(random, adjectives))} ${pick(random, nouns)} ${pick(random, pastVerbs)} ${pick(random, prepositions)}`,
  );

  const blocks: Block[] = [];
  let size = head.join('\n\n').length;
  while (size < target) {
    let block: Block;
    const roll = random();
    if (blocks.length % 6 === 5)
      block = {
        kind: 'raw',
        text: `## ${capitalise(pick(random, adjectives))} ${pick(random, nouns)}`,
      };
    else if (roll < 0.62)
      block = {
        kind: 'paragraph',
        sentences: Array.from({ length: between(random, 3, 6) }, () =>
          inline(random, sentence(random)),
        ),
      };
    else if (roll < 0.77)
      block = {
        kind: 'list',
        ordered: random() < 0.3,
        items: Array.from({ length: between(random, 3, 6) }, () =>
          inline(random, sentence(random)),
        ),
      };
    else if (roll < 0.85) block = { kind: 'raw', text: table(random) };
    else if (roll < 0.93) block = { kind: 'raw', text: quote(random) };
    else block = { kind: 'raw', text: fence(random) };
    blocks.push(block);
    size += renderBlock(block).length + 2;
  }

  const sentences = termSentences();
  const spliced: string[] = [];
  const splice = (into: string[]): void => {
    const chosen = pick(splices, sentences);
    into.splice(Math.floor(splices() * (into.length + 1)), 0, chosen.text);
    spliced.push(chosen.id);
  };
  const paragraphs = blocks.filter((block) => block.kind === 'paragraph');
  if (mix === 'dense') {
    for (const paragraph of paragraphs) splice(paragraph.sentences);
  } else if (mix === 'realistic') {
    // size/10 KB terms on average: the whole part always, the fraction by chance.
    const wanted = Math.floor(target / 10_000 + splices());
    const hosts = blocks.filter((block) => block.kind !== 'raw');
    for (let count = 0; count < wanted && hosts.length > 0; count++) {
      const host = pick(splices, hosts);
      splice(host.kind === 'paragraph' ? host.sentences : (host as { items: string[] }).items);
    }
  }
  const text = `${[...head, ...blocks.map(renderBlock)].join('\n\n')}\n`;
  return { text, spliced, paragraphs: paragraphs.length };
}

/** Write a corpus to a new temporary folder (20 section sub-folders). */
export async function generateCorpus(options: CorpusOptions): Promise<GeneratedCorpus> {
  const { mix, files: fileCount = 2000, fileBytes = 10_000, seed = 1, parent = tmpdir() } = options;
  const directory = await mkdtemp(path.join(parent, `luxlint-bench-${mix}-`));
  const files: string[] = [];
  let bytes = 0;
  let splicedTerms = 0;
  let paragraphs = 0;
  for (let index = 0; index < fileCount; index++) {
    const folder = path.join(directory, `section-${String(index % 20).padStart(2, '0')}`);
    if (index < 20) await mkdir(folder);
    const document = generateDocument(index, mix, seed, fileBytes);
    const file = path.join(folder, `article-${String(index).padStart(4, '0')}.md`);
    await writeFile(file, document.text);
    files.push(file);
    bytes += Buffer.byteLength(document.text);
    splicedTerms += document.spliced.length;
    paragraphs += document.paragraphs;
  }
  return { mix, directory, files, bytes, splicedTerms, paragraphs };
}
