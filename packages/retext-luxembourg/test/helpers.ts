import { retext } from 'retext';
import type { VFile } from 'vfile';
import { createPlugin } from '../src/lib/plugin.js';
import type { LuxembourgMessage, Options } from '../src/lib/types.js';
import { testDataset } from './fixtures/dataset.js';

export const testPlugin = createPlugin(testDataset);

/** Lint `text` with the test dataset. */
export function lintTest(text: string, options?: Options): VFile {
  return retext().use(testPlugin, options).processSync(text);
}

/** `String(message)` lines, sorted by position (then by text). */
export function check(text: string, options?: Options): string[] {
  return [...lintTest(text, options).messages]
    .sort(
      (a, b) =>
        (a.line ?? 0) - (b.line ?? 0) ||
        (a.column ?? 0) - (b.column ?? 0) ||
        String(a).localeCompare(String(b)),
    )
    .map(String);
}

/** Messages of `text` as `[ruleId, actual, context?]` triples. */
export function found(text: string, options?: Options): string[] {
  return (lintTest(text, options).messages as LuxembourgMessage[]).map(
    (message) =>
      `${message.ruleId}:${message.actual ?? ''}${message.context ? `@${message.context}` : ''}`,
  );
}

/** Apply non-overlapping fixes from the end. */
export function applyFixes(text: string, messages: readonly LuxembourgMessage[]): string {
  const fixes = messages
    .map((message) => message.fix)
    .filter((fix) => fix !== null && fix !== undefined);
  fixes.sort((a, b) => b.offset - a.offset);
  let result = text;
  let limit = Infinity;
  for (const fix of fixes) {
    if (fix.endOffset > limit) continue;
    result = result.slice(0, fix.offset) + fix.text + result.slice(fix.endOffset);
    limit = fix.offset;
  }
  return result;
}
