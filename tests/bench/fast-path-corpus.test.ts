/**
 * The fast path over the benchmark's own corpora (tests/bench/corpus.ts, every mix): exactly the
 * messages of full processing, and a message for every spliced term (avoid or caution). The speed figures of `pnpm bench`
 * are only worth something if the fast path they measure is right on the same text.
 */
import { lint } from '@luxlint/lint';
import { describe, expect, it } from 'vitest';
import { generateDocument, mixes } from './corpus.js';

const documents = Number(process.env['LUXLINT_BENCH_DIFF_FILES'] ?? '40');

function comparable(message: object): Record<string, unknown> {
  const result: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(message)) if (key !== 'stack') result[key] = value;
  result['reason'] = (message as { reason?: unknown }).reason;
  return result;
}

describe('fast path = full path on the bench corpora', () => {
  for (const mix of mixes) {
    it(`${mix} mix`, { timeout: 300_000 }, () => {
      let spliced = 0;
      let found = 0;
      for (let index = 0; index < documents; index++) {
        // Spread over the corpus: every 50th article of the 2,000.
        const document = generateDocument(index * 50, mix);
        const fast = lint(document.text, { path: `article-${index}.md` });
        const full = lint(document.text, { path: `article-${index}.md`, fastPath: false });
        expect(fast.messages.map(comparable), `${mix} article ${index * 50}`).toEqual(
          full.messages.map(comparable),
        );
        spliced += document.spliced.length;
        found += fast.messages.length;
      }
      if (mix === 'clean') expect(found).toBe(0);
      else expect(found).toBeGreaterThanOrEqual(spliced);
    });
  }
});
