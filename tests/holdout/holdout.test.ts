/**
 * The held-out corpus (tests/fixtures/holdout): documents written for this project that the
 * matcher was never tuned on. Floors are the measured figures rounded down, so a regression
 * fails; the targets the product aims at are recorded separately and currently not met.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { holdoutFolder, readAnnotations, scoreHoldout } from './scoring.js';
import { writtenAfterProbing } from './spec.js';

describe('held-out annotations', () => {
  const annotations = readAnnotations();

  it('annotates every document exactly once', () => {
    const documents = readdirSync(holdoutFolder)
      .filter((name) => name.endsWith('.md'))
      .sort();
    expect(annotations.map((annotation) => annotation.file).sort()).toEqual(documents);
  });

  it('has offsets that point at the annotated text', () => {
    for (const annotation of annotations) {
      const text = readFileSync(holdoutFolder + annotation.file, 'utf8');
      for (const expected of annotation.expected) {
        expect(text.slice(expected.start, expected.end), annotation.file).toBe(expected.match);
      }
      expect(annotation.must_not_flag.length, annotation.file).toBe(
        annotation.must_not_flag_kinds.length,
      );
      for (const protectedText of annotation.must_not_flag) {
        expect(text.includes(protectedText), `${annotation.file}: ${protectedText}`).toBe(true);
      }
    }
  });
});

describe('held-out score', () => {
  const all = scoreHoldout();
  const blind = scoreHoldout((file) => !writtenAfterProbing.has(file));

  it('does not regress below the measured figures (documents written blind)', () => {
    expect(blind.precision).toBeGreaterThanOrEqual(0.98);
    expect(blind.recall).toBeGreaterThanOrEqual(0.98);
    expect(blind.protectedFalsePositives).toBeLessThanOrEqual(1);
  });

  it('does not regress below the measured figures (whole corpus)', () => {
    expect(all.precision).toBeGreaterThanOrEqual(0.95);
    expect(all.recall).toBeGreaterThanOrEqual(0.95);
    expect(all.protectedFalsePositives).toBeLessThanOrEqual(3);
  });

  // The product's targets. Not met yet: when they are, vitest reports this `it.fails` as a
  // failure, and it should become a plain `it` with the floors above raised to match.
  it.fails('meets the targets: precision ≥ 0.9, recall ≥ 0.9, no protected false positives', () => {
    expect(all.precision).toBeGreaterThanOrEqual(0.9);
    expect(all.recall).toBeGreaterThanOrEqual(0.9);
    expect(all.protectedFalsePositives).toBe(0);
  });
});
