/**
 * Context rules on pathological paragraphs: each look-up stays bounded however long the
 * paragraph, a Title Case run or a hyphenated compound, and the answers stay right. Sizes grow
 * with LUXLINT_HEAVY=1 (`pnpm fuzz`); speed itself is measured in `pnpm bench`, the timeouts
 * here only catch a hang.
 */
import { retext } from 'retext';
import retextLuxembourg from 'retext-luxembourg';
import { describe, expect, it } from 'vitest';
import type { LuxembourgMessage } from '../src/lib/types.js';

const heavy = process.env['LUXLINT_HEAVY'] === '1';
const repeats = heavy ? 20_000 : 3_000;

function messagesOf(text: string): LuxembourgMessage[] {
  return retext().use(retextLuxembourg, { reportSkipped: true }).processSync(text)
    .messages as LuxembourgMessage[];
}

/** `[ruleId, start offset, context]` of every message. */
function summary(text: string): [string | undefined, number | undefined, string][] {
  return messagesOf(text).map((message) => [
    message.ruleId ?? undefined,
    message.place && 'start' in message.place ? message.place.start.offset : undefined,
    message.context ?? 'prose',
  ]);
}

describe(`pathological paragraphs (${repeats.toLocaleString('en')} repeats)`, () => {
  it(
    'a Title Case run of one term over and over: every occurrence is a finding',
    { timeout: 120_000 },
    () => {
      const unit = 'Child Porn ';
      const found = summary(unit.repeat(repeats));
      expect(found).toEqual(
        Array.from({ length: repeats }, (_, index) => ['child-porn', index * unit.length, 'prose']),
      );
    },
  );

  it('a Title Case run still names an organisation in mid-sentence', () => {
    // The capitalised words around the match begin at `Stop`, which opens no sentence.
    const text = 'He joined the Volunteers of Stop Child Pornography Now in 2004.';
    expect(summary(text)).toEqual([['child-pornography', text.indexOf('Child'), 'legal-title']]);
  });

  it(
    'unclosed opening quotation marks, each before a term: every term is inside a quotation',
    { timeout: 120_000 },
    () => {
      const unit = '“child porn ';
      const found = summary(unit.repeat(repeats));
      expect(found).toEqual(
        Array.from({ length: repeats }, (_, index) => [
          'child-porn',
          index * unit.length + 1,
          'quotation',
        ]),
      );
    },
  );

  it(
    'a term inside thousands of nested quotation marks is a quotation',
    { timeout: 120_000 },
    () => {
      const text = `${'“'.repeat(repeats)}child porn${'”'.repeat(repeats)}`;
      expect(summary(text)).toEqual([['child-porn', repeats, 'quotation']]);
    },
  );

  it(
    'a child word counts within a few words, not across an enormous compound',
    { timeout: 120_000 },
    () => {
      const unit = 'willing-participant-';
      const text = `child-${unit.repeat(repeats)}end`;
      const found = summary(text);
      // Only the first few matches are close enough to `child` to be about a child.
      expect(found.length).toBeGreaterThan(0);
      expect(found.length).toBeLessThan(20);
      expect(found[0]).toEqual(['willing-participant', 'child-'.length, 'prose']);
      for (const [ruleId, offset] of found) {
        expect(ruleId).toBe('willing-participant');
        expect(offset).toBeLessThan('child-'.length + 20 * unit.length);
      }
    },
  );

  it('an ordinary hyphenated compound still counts as one word of the child window', () => {
    const age = 'Officers said the 13-year-old had been a willing participant.';
    expect(summary(age)).toEqual([['willing-participant', age.indexOf('willing'), 'prose']]);
    // Eight words back from the match reach `child` only if `happy-go-lucky` is one word…
    const near = 'A child said to be so much a happy-go-lucky willing participant.';
    expect(summary(near)).toEqual([['willing-participant', near.indexOf('willing'), 'prose']]);
    // …and one word more puts it out of reach.
    expect(
      summary('A child said to be so very much a happy-go-lucky willing participant.'),
    ).toEqual([]);
  });
});
