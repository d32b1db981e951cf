/**
 * Writes tests/fixtures/holdout/annotations.jsonl from spec.ts, computing every offset with
 * indexOf so that no offset is ever typed by hand. Fails loudly when a match or snippet is
 * missing, ambiguous, or when a protected string overlaps an expected span.
 *
 *   pnpm exec tsx tests/holdout/build-annotations.ts
 */
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { specs } from './spec.js';

const folder = fileURLToPath(new URL('../fixtures/holdout/', import.meta.url));

function occurrences(text: string, needle: string): number[] {
  const found: number[] = [];
  for (let index = text.indexOf(needle); index !== -1; index = text.indexOf(needle, index + 1)) {
    found.push(index);
  }
  return found;
}

function only(text: string, needle: string, file: string): number {
  const found = occurrences(text, needle);
  if (found.length !== 1) {
    throw new Error(
      `${file}: ${JSON.stringify(needle)} occurs ${found.length} times, expected once`,
    );
  }
  return found[0]!;
}

const documents = readdirSync(folder)
  .filter((name) => name.endsWith('.md'))
  .sort();
const specified = new Set(specs.map((spec) => spec.file));
for (const name of documents) {
  if (!specified.has(name)) throw new Error(`${name} has no annotation in spec.ts`);
}

const lines: string[] = [];
for (const spec of specs) {
  const text = readFileSync(folder + spec.file, 'utf8');
  const expected = spec.expected.map(([match, stance, snippet]) => {
    const base = snippet === undefined ? 0 : only(text, snippet, spec.file);
    const inner = snippet === undefined ? text : snippet;
    const offset = only(inner, match, spec.file);
    const start = base + offset;
    return { match, stance, start, end: start + match.length };
  });
  for (const [protectedText] of spec.protect) {
    const spans = occurrences(text, protectedText);
    if (spans.length === 0)
      throw new Error(`${spec.file}: protected ${JSON.stringify(protectedText)} not found`);
    for (const start of spans) {
      const end = start + protectedText.length;
      const clash = expected.find((item) => item.start < end && start < item.end);
      if (clash)
        throw new Error(
          `${spec.file}: protected ${JSON.stringify(protectedText)} overlaps expected ${JSON.stringify(clash.match)}`,
        );
    }
  }
  lines.push(
    JSON.stringify({
      file: spec.file,
      expected,
      must_not_flag: spec.protect.map(([protectedText]) => protectedText),
      must_not_flag_kinds: spec.protect.map(([, kind]) => kind),
    }),
  );
}
writeFileSync(folder + 'annotations.jsonl', lines.join('\n') + '\n');
console.log(
  `wrote ${lines.length} annotations (${specs.reduce((sum, spec) => sum + spec.expected.length, 0)} expected, ${specs.reduce((sum, spec) => sum + spec.protect.length, 0)} protected)`,
);
