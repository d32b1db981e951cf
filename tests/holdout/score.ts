/**
 * Held-out evaluation: lints every document of tests/fixtures/holdout with @luxlint/lint and
 * prints precision, recall, protected false positives and each problem in context.
 *
 *   pnpm exec tsc -b packages/lint && pnpm exec tsx tests/holdout/score.ts [--json]
 */
import { around, scoreHoldout, type HoldoutScore, type Message } from './scoring.js';
import { writtenAfterProbing } from './spec.js';

const score = scoreHoldout();
const blind = scoreHoldout((file) => !writtenAfterProbing.has(file));
const percent = (value: number): string => `${(value * 100).toFixed(1)}%`;
const describe = (message: Message): string =>
  `${message.ruleId} (${[message.status ?? message.level, message.context].filter(Boolean).join(', ')})`;

if (process.argv.includes('--json')) {
  console.log(
    JSON.stringify(
      {
        documents: score.documents,
        blind: {
          documents: blind.documents,
          precision: blind.precision,
          recall: blind.recall,
          protectedFalsePositives: blind.protectedFalsePositives,
        },
        precision: score.precision,
        recall: score.recall,
        protectedFalsePositives: score.protectedFalsePositives,
        problems: score.results
          .filter(
            (result) =>
              result.misses.length +
                result.falsePositives.length +
                result.protectedFalsePositives.length >
              0,
          )
          .map((result) => ({
            file: result.file,
            misses: result.misses,
            falsePositives: result.falsePositives,
            protectedFalsePositives: result.protectedFalsePositives,
          })),
      },
      null,
      2,
    ),
  );
} else {
  const summary = (name: string, figures: HoldoutScore): void => {
    console.log(`${name}: ${figures.documents} documents`);
    console.log(
      `  precision  ${percent(figures.precision)}  (${figures.truePositives}/${figures.flags} flags)`,
    );
    console.log(
      `  recall     ${percent(figures.recall)}  (${figures.found}/${figures.expected} expected)`,
    );
    console.log(`  protected false positives  ${figures.protectedFalsePositives}`);
  };
  summary('Held-out corpus, all', score);
  summary('Written blind (before any probing)', blind);
  for (const result of score.results) {
    const problems =
      result.misses.length + result.falsePositives.length + result.protectedFalsePositives.length;
    if (problems === 0) continue;
    console.log(`\n${result.file}`);
    for (const miss of result.misses) {
      console.log(`  miss (${miss.stance}) ${around(result.text, miss.start, miss.end)}`);
    }
    for (const message of result.falsePositives) {
      console.log(
        `  false positive ${describe(message)} ${around(result.text, message.start, message.end)}`,
      );
    }
    for (const { message, text, kind } of result.protectedFalsePositives) {
      console.log(
        `  PROTECTED [${kind}] ${JSON.stringify(text)}: ${describe(message)} ${around(result.text, message.start, message.end)}`,
      );
    }
  }
}
