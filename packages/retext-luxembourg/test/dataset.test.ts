import { retext } from 'retext';
import { describe, expect, it } from 'vitest';
import { terms, type Term } from '@luxlint/terms';
import retextLuxembourg from 'retext-luxembourg';
import type { LuxembourgMessage } from '../src/lib/types.js';
import { applyFixes } from './helpers.js';

function lint(text: string): LuxembourgMessage[] {
  return retext().use(retextLuxembourg).processSync(text).messages as LuxembourgMessage[];
}

const reported = terms.filter((term) => term.status !== 'use');

describe.each(reported.map((term): [string, Term] => [term.id, term]))('%s', (id, term) => {
  const { incorrect, correct } = term.text.en.examples;

  it.each(incorrect.map((example) => [example.text, example] as const))(
    'flags %j',
    (_text, example) => {
      const messages = lint(example.text);
      expect(messages.map((message) => message.ruleId)).toEqual([id]);
      if (example.fixed !== undefined) {
        expect(applyFixes(example.text, messages)).toBe(example.fixed);
      }
    },
  );

  it.each(correct.map((example) => [example.text] as const))('accepts %j', (text) => {
    expect(lint(text).map((message) => `${message.ruleId}: ${message.actual ?? ''}`)).toEqual([]);
  });
});

describe('preferred entries', () => {
  const preferred = terms.filter((term) => term.status === 'use');
  it.each(preferred.map((term) => [term.id, term] as const))(
    'never flags %s or its examples',
    (_id, term) => {
      const text = term.text.en;
      for (const phrase of [text.term, ...text.abbreviations]) {
        expect(
          lint(`They wrote ${phrase} in the report.`).map((message) => message.ruleId),
        ).toEqual([]);
      }
      for (const example of text.examples.correct) {
        expect(lint(example.text).map((message) => message.ruleId)).toEqual([]);
      }
    },
  );
});

describe('dataset shape the engine relies on', () => {
  it('has entries to test', () => {
    expect(reported.length).toBeGreaterThan(10);
  });
});
