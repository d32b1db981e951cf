/**
 * Properties of `@luxlint/lint` over generated documents in every format, with the real
 * dataset: hostile Unicode, random Markdown/MDX/HTML/plain-text structure and prose with dataset
 * forms spliced in. (packages/lint and packages/retext-luxembourg test their own fragments; this
 * file checks the promises the CLI and the language server rely on.)
 */
import { applyFixes, lint, type Format } from '@luxlint/lint';
import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import { documentsByFormat, runs, seed } from './arbitraries.js';

type LintFile = ReturnType<typeof lint>;
type Message = LintFile['messages'][number] & {
  fix?: { offset: number; endOffset: number; text: string } | null;
  status?: string;
  context?: string;
};

const casesRun = new Map<string, number>();
afterAll(() => {
  const total = [...casesRun.values()].reduce((sum, count) => sum + count, 0);
  console.log(
    `tests/properties/lint: ${total} generated documents (${[...casesRun].map(([name, count]) => `${name} ${count}`).join(', ')})`,
  );
});

function count(name: string): void {
  casesRun.set(name, (casesRun.get(name) ?? 0) + 1);
}

/** The fields a consumer reads, without the stack trace. */
function comparable(file: LintFile) {
  return (file.messages as Message[]).map((message) => ({
    ruleId: message.ruleId,
    source: message.source,
    reason: message.reason,
    place: message.place,
    actual: message.actual,
    expected: message.expected,
    note: message.note,
    url: message.url,
    fatal: message.fatal,
    status: message.status,
    context: message.context,
    fix: message.fix,
  }));
}

/** MDX is the one format whose syntax can be wrong: its error must be a positioned parse error. */
function lintOrParseError(
  value: string,
  options: Parameters<typeof lint>[1],
): LintFile | 'parse-error' {
  try {
    return lint(value, options);
  } catch (error) {
    if (options?.format !== 'mdx') throw error;
    // micromark's errors reach us as VFileMessages whose position is in the text ("3:1: …").
    expect((error as { reason?: unknown }).reason, String(error)).toBeTypeOf('string');
    expect((error as { source?: unknown }).source, String(error)).toMatch(
      /^(micromark|mdast-util)/,
    );
    return 'parse-error';
  }
}

function spanOf(message: Message): { start: number; end: number } {
  const place = message.place && 'start' in message.place ? message.place : undefined;
  return { start: place?.start.offset ?? -1, end: place?.end.offset ?? -1 };
}

const formats: Format[] = ['markdown', 'mdx', 'text', 'html'];
const optionSets = [{}, { reportSkipped: true }, { preset: 'guidelines' as const }];

describe('lint() on generated documents', () => {
  for (const format of formats) {
    it(
      `${format}: never throws; spans inside the input with actual = the text there; fast path = full parse; deterministic`,
      { timeout: 600_000 },
      () => {
        fc.assert(
          fc.property(documentsByFormat[format], fc.constantFrom(...optionSets), (value, extra) => {
            count(format);
            const options = { format, ...extra };
            const file = lintOrParseError(value, options);
            const again = lintOrParseError(value, options);
            const full = lintOrParseError(value, { ...options, fastPath: false });
            if (file === 'parse-error') {
              expect(again).toBe('parse-error');
              return;
            }
            expect(again).not.toBe('parse-error');
            expect(comparable(again as LintFile)).toEqual(comparable(file));
            // A malformed MDX file with no candidate word is not parsed on the fast path (documented).
            if (full !== 'parse-error') expect(comparable(full)).toEqual(comparable(file));
            else expect(format).toBe('mdx');
            for (const message of file.messages as Message[]) {
              const { start, end } = spanOf(message);
              expect(start).toBeGreaterThanOrEqual(0);
              expect(end).toBeGreaterThanOrEqual(start);
              expect(end).toBeLessThanOrEqual(value.length);
              if (message.source === 'retext-luxembourg') {
                expect(end).toBeGreaterThan(start);
                expect(message.actual).toBe(value.slice(start, end));
              }
            }
          }),
          { numRuns: runs, seed },
        );
      },
    );

    it(
      `${format}: fixes touch only reported spans (and an a/an just before), and fixing is idempotent`,
      { timeout: 600_000 },
      () => {
        fc.assert(
          fc.property(documentsByFormat[format], (value) => {
            count(`${format} fixes`);
            const file = lintOrParseError(value, { format });
            if (file === 'parse-error') return;
            const messages = file.messages as Message[];
            const fixes = messages.flatMap((message) =>
              message.fix ? [{ message, fix: message.fix }] : [],
            );
            for (const { message, fix } of fixes) {
              const { start, end } = spanOf(message);
              expect(message.status).toBe('avoid');
              expect(message.context).toBeUndefined();
              expect(fix.endOffset).toBe(end);
              expect(fix.offset).toBeLessThanOrEqual(start);
              // Anything before the span that the fix rewrites is the article the term needs.
              expect(value.slice(fix.offset, start)).toMatch(/^(?:|an?\s+)$/i);
            }
            const fixed = applyFixes(value, messages);
            // Rebuild the fixed text from the kept fixes alone: everything outside them is unchanged.
            let rebuilt = '';
            let cursor = 0;
            for (const { fix } of [...fixes].sort((a, b) => a.fix.offset - b.fix.offset)) {
              if (fix.offset < cursor) continue;
              rebuilt += value.slice(cursor, fix.offset) + fix.text;
              cursor = fix.endOffset;
            }
            expect(fixed).toBe(rebuilt + value.slice(cursor));
            const second = lintOrParseError(fixed, { format });
            if (second === 'parse-error')
              throw new Error(`fixing made MDX unparsable: ${JSON.stringify(fixed)}`);
            expect(applyFixes(fixed, second.messages)).toBe(fixed);
          }),
          { numRuns: runs, seed },
        );
      },
    );
  }

  it('in Markdown a NUL character (replaced by U+FFFD by the parser) before a match keeps its span on `actual`', () => {
    const value = '**\u0000 age of sexual consent**\n';
    const [message] = lint(value, { format: 'markdown' }).messages as Message[];
    expect(message).toBeDefined();
    const { start, end } = spanOf(message as Message);
    expect(value.slice(start, end)).toBe(message?.actual);
  });

  it('on the fast path, `---` / a line / `---` after a blank line is a thematic break and a paragraph, not front matter', () => {
    const value = 'Intro.\n\n---\nchild porn\n---\n';
    expect(comparable(lint(value, { format: 'markdown' }))).toEqual(
      comparable(lint(value, { format: 'markdown', fastPath: false })),
    );
  });

  it(
    'interleaving documents, formats and options does not change any result (no state leaks between calls)',
    { timeout: 600_000 },
    () => {
      const anyDocument = fc
        .tuple(fc.constantFrom<Format>('markdown', 'text', 'html'), fc.constantFrom(...optionSets))
        .chain(([format, extra]) =>
          documentsByFormat[format].map((value) => ({ value, options: { format, ...extra } })),
        );
      fc.assert(
        fc.property(fc.array(anyDocument, { minLength: 2, maxLength: 5 }), (documents) => {
          count('interleaved');
          const first = documents.map(({ value, options }) => comparable(lint(value, options)));
          const reversed = [...documents]
            .reverse()
            .map(({ value, options }) => comparable(lint(value, options)))
            .reverse();
          expect(reversed).toEqual(first);
        }),
        { numRuns: Math.max(20, Math.round(runs / 4)), seed },
      );
    },
  );
});
