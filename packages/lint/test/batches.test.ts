/**
 * A large file is checked one batch of blocks at a time (`blocksToRoots`), so that only one
 * batch's syntax tree is held at once; retext-luxembourg carries a paragraph that goes on into the
 * next batch (`data.luxembourgMore`). The messages must be those of one tree holding everything,
 * wherever the batches end: between paragraphs, between slices of one enormous paragraph, inside
 * its sentences. Memory is measured in a child process (no timing is asserted).
 */
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { ParseEnglish } from 'parse-english';
import retextEnglish from 'retext-english';
import retextLuxembourg from 'retext-luxembourg';
import { unified } from 'unified';
import { VFile } from 'vfile';
import { describe, expect, it } from 'vitest';
import { blocksToRoot, blocksToRoots, emptyRoot } from '../src/lib/nlcst.js';
import type { Block } from '../src/lib/pieces.js';
import { LineIndex } from '../src/lib/positions.js';
import { parseMarkdown } from '../src/lib/markdown.js';
import { parseText } from '../src/lib/text.js';
import { generateDocument, seeded } from './corpus.js';

const runs = Number(process.env['FUZZ_RUNS'] ?? '300');

const processor = unified()
  .use(retextEnglish)
  .use(retextLuxembourg, { reportSkipped: true })
  .freeze();

function fieldsOf(file: VFile): Record<string, unknown>[] {
  return file.messages
    .map((message) => {
      const { stack: _stack, ...fields } = message;
      return { ...fields, reason: message.reason };
    })
    .sort(
      (a, b) =>
        Number(a['place'] && (a['place'] as { start: { offset: number } }).start.offset) -
          Number(b['place'] && (b['place'] as { start: { offset: number } }).start.offset) ||
        String(a['ruleId']).localeCompare(String(b['ruleId'])),
    );
}

function wholeMessages(value: string, blocks: readonly Block[], maximum: number): VFile {
  const lines = new LineIndex(value);
  const root = blocksToRoot(blocks, new ParseEnglish(), lines, value.length, { maximum });
  const file = new VFile({ value });
  processor.runSync(root as never, file);
  return file;
}

function batchedMessages(
  value: string,
  blocks: readonly Block[],
  maximum: number,
  batch: number,
): { file: VFile; trees: number } {
  const lines = new LineIndex(value);
  const parser = new ParseEnglish();
  const file = new VFile({ value });
  file.data.luxembourgMore = true;
  let trees = 0;
  for (const root of blocksToRoots(blocks, parser, lines, value.length, { maximum }, batch)) {
    processor.runSync(root as never, file);
    trees++;
  }
  file.data.luxembourgMore = false;
  processor.runSync(emptyRoot(parser, lines, value.length) as never, file);
  return { file, trees };
}

describe('batches of blocks give the messages of one tree', () => {
  const documents = Math.max(4, Math.round(runs / 20));

  for (const [label, join] of [
    ['paragraphs', '\n\n'],
    ['one paragraph joined by spaces', ' '],
    ['one paragraph joined by line breaks', '\n'],
  ] as const) {
    it(
      `${documents} documents, ${label}, batches of 200 to 5,000 characters`,
      { timeout: 120_000 },
      () => {
        const random = seeded(join.length * 17 + 3);
        let messages = 0;
        let trees = 0;
        for (let index = 0; index < documents; index++) {
          const value = generateDocument(random, 'text', 6000, 0.3)
            .replace(/\s*\n\s*\n\s*/g, join)
            .slice(0, 9000);
          const { blocks } = parseText(value, false);
          // Slices of 300 or 2,000 characters, so batches also end inside one paragraph.
          for (const maximum of [300, 2000]) {
            const whole = fieldsOf(wholeMessages(value, blocks, maximum));
            for (const batch of [200, 1000, 5000]) {
              const batched = batchedMessages(value, blocks, maximum, batch);
              expect(
                fieldsOf(batched.file),
                `slices ${maximum}, batches ${batch}:\n${value}`,
              ).toEqual(whole);
              expect(batched.file.data.luxembourgCarried).toBeUndefined();
              trees += batched.trees;
            }
            messages += whole.length;
          }
        }
        // A differential test that never sees a message, or never more than one tree, proves nothing.
        expect(messages).toBeGreaterThan(documents * 5);
        expect(trees).toBeGreaterThan(documents * 6 * 3);
      },
    );
  }

  it(`${documents} Markdown documents (quotations, lists, tables), batches of 300 characters`, () => {
    const random = seeded(99);
    let messages = 0;
    for (let index = 0; index < documents; index++) {
      const value = generateDocument(random, 'markdown', 6000, 0.3);
      const document = parseMarkdown(value, undefined);
      const lines = new LineIndex(value);
      const parser = new ParseEnglish();
      const whole = new VFile({ value });
      whole.data.luxembourgQuoteRanges = document.quoteRanges;
      whole.data.luxembourgMentionRanges = document.mentionRanges;
      processor.runSync(blocksToRoot(document.blocks, parser, lines, value.length) as never, whole);
      const batched = (): VFile => {
        const file = new VFile({ value });
        file.data.luxembourgQuoteRanges = document.quoteRanges;
        file.data.luxembourgMentionRanges = document.mentionRanges;
        file.data.luxembourgMore = true;
        for (const root of blocksToRoots(document.blocks, parser, lines, value.length, {}, 300))
          processor.runSync(root as never, file);
        file.data.luxembourgMore = false;
        processor.runSync(emptyRoot(parser, lines, value.length) as never, file);
        return file;
      };
      expect(fieldsOf(batched()), value).toEqual(fieldsOf(whole));
      messages += whole.messages.length;
    }
    expect(messages).toBeGreaterThan(documents * 5);
  });
});

describe('a term-dense paragraph of megabytes', () => {
  // In a child process, so the peak is that of the lint alone (the test runner holds hundreds of
  // megabytes of its own). Memory only: no time is asserted.
  const script = `
    const { lint } = await import(process.argv[1]);
    const sentences = [
      'The account posted sexualised images of children taken at public pools.',
      'It is not clear whether the weekly office will protect the region after a long debate.',
      'The conference on child sexual tourism opened in Bangkok.',
      'Figures from May show that 44 per cent of hospitals were aged between 22 and 33.',
    ];
    const parts = [];
    let length = 0;
    for (let index = 0; length < 2_300_000; index++) {
      const sentence = sentences[index % sentences.length];
      parts.push(sentence);
      length += sentence.length + 1;
    }
    const text = parts.join(' ');
    const terms = parts.filter((sentence) => /children taken|sexual tourism/.test(sentence)).length;
    const file = lint(text, { format: process.argv[2] });
    const ids = new Set(file.messages.map((message) => message.ruleId));
    console.log(JSON.stringify({
      terms,
      messages: file.messages.length,
      ids: [...ids].sort(),
      maxRssMb: process.resourceUsage().maxRSS / 1024,
    }));
  `;
  const entry = fileURLToPath(new URL('../dist/index.js', import.meta.url));

  it(
    'is checked in batches: every term found, peak memory well under the 741 MB of one tree',
    { timeout: 120_000 },
    () => {
      const child = spawnSync(
        process.execPath,
        ['--input-type=module', '-e', script, `file://${entry}`, 'text'],
        { encoding: 'utf8', maxBuffer: 1 << 20 },
      );
      expect(child.stderr).toBe('');
      const result = JSON.parse(child.stdout) as {
        terms: number;
        messages: number;
        ids: string[];
        maxRssMb: number;
      };
      expect(result.terms).toBeGreaterThan(10_000);
      expect(result.messages).toBe(result.terms);
      expect(result.ids).toEqual(['child-sex-tourism', 'sexualised-images-of-children']);
      // One tree for the whole paragraph peaked at 741 MB (2026-11-23); batches at about 430 MB.
      expect(result.maxRssMb).toBeLessThan(560);
    },
  );
});
