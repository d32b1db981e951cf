import { didYouMeanSuffix } from './did-you-mean.js';
import {
  presets,
  ruleLevels,
  settingKeys,
  type KnownValues,
  type Preset,
  type RuleLevel,
  type Settings,
} from './settings.js';

/** The settings that passed, and one sentence per value that did not. */
export interface ValidationResult {
  settings: Settings;
  problems: string[];
}

function describe(value: unknown): string {
  return JSON.stringify(value) ?? String(value);
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/**
 * The problem with a rule level (a `rules` value or a `--rule` flag's), or `undefined` when it is
 * one of `off`, `caution`, `avoid`. `where` starts the sentence.
 */
export function ruleLevelProblem(value: unknown, where: string): string | undefined {
  if (typeof value === 'string' && (ruleLevels as readonly string[]).includes(value)) return;
  const hint = typeof value === 'string' ? didYouMeanSuffix(value, ruleLevels) : '';
  return `${where} must be one of ${ruleLevels.join(', ')}, not ${describe(value)}${hint}`;
}

/** The problem with a rule id, or `undefined` when `known` has it. `where` starts the sentence. */
export function ruleIdProblem(id: string, where: string, known: KnownValues): string | undefined {
  if (known.ruleIds.includes(id)) return;
  return `${where}: unknown rule id ${describe(id)}${didYouMeanSuffix(id, known.ruleIds)}; \`luxlint list\` shows every id`;
}

/**
 * Check a parsed config. `source` starts every problem (a file name, or `--config x`). A bad key
 * is left out of `settings` and a bad entry of `rules` out of `rules`; the rest is kept, so a
 * caller may either refuse the file (the CLI) or apply what is valid (the language server).
 * `null` and `undefined` (an empty YAML file) are no settings, not a problem.
 */
export function validateConfig(raw: unknown, source: string, known: KnownValues): ValidationResult {
  const settings: Settings = {};
  const problems: string[] = [];
  if (raw === null || raw === undefined) return { settings, problems };
  if (!isRecord(raw)) {
    problems.push(
      `${source}: expected an object with the keys ${settingKeys.join(', ')}, not ${describe(raw)}`,
    );
    return { settings, problems };
  }
  for (const [key, value] of Object.entries(raw)) {
    switch (key) {
      case 'preset': {
        if (typeof value === 'string' && (presets as readonly string[]).includes(value)) {
          settings.preset = value as Preset;
        } else {
          const hint = typeof value === 'string' ? didYouMeanSuffix(value, presets) : '';
          problems.push(
            `${source}: "preset" must be one of ${presets.join(', ')}, not ${describe(value)}${hint}`,
          );
        }
        break;
      }
      case 'rules': {
        if (!isRecord(value)) {
          problems.push(
            `${source}: "rules" must map rule ids to one of ${ruleLevels.join(', ')}, not ${describe(value)}`,
          );
          break;
        }
        const rules: Record<string, RuleLevel> = {};
        for (const [id, level] of Object.entries(value)) {
          const problem =
            ruleIdProblem(id, `${source}: "rules"`, known) ??
            ruleLevelProblem(level, `${source}: "rules.${id}"`);
          if (problem === undefined) rules[id] = level as RuleLevel;
          else problems.push(problem);
        }
        settings.rules = rules;
        break;
      }
      case 'allow': {
        if (
          Array.isArray(value) &&
          value.every((item) => typeof item === 'string' && item.trim() !== '')
        ) {
          settings.allow = [...(value as string[])];
        } else {
          problems.push(
            `${source}: "allow" must be a list of phrases (non-empty strings), not ${describe(value)}`,
          );
        }
        break;
      }
      case 'reportSkipped': {
        if (typeof value === 'boolean') settings.reportSkipped = value;
        else
          problems.push(`${source}: "reportSkipped" must be true or false, not ${describe(value)}`);
        break;
      }
      case 'baseUrl': {
        if (typeof value === 'string' && URL.canParse(value)) settings.baseUrl = value;
        else
          problems.push(
            `${source}: "baseUrl" must be an absolute URL such as "https://luxlint.dev/terms/", not ${describe(value)}`,
          );
        break;
      }
      case 'lang': {
        // A regional tag (`en-GB`) falls back to its language, as in the plugin.
        if (
          typeof value === 'string' &&
          (known.langs.includes(value) || known.langs.includes(value.split('-')[0] ?? ''))
        ) {
          settings.lang = value;
        } else {
          const hint = typeof value === 'string' ? didYouMeanSuffix(value, known.langs) : '';
          problems.push(
            `${source}: "lang" must be one of ${known.langs.join(', ')}, not ${describe(value)}${hint}`,
          );
        }
        break;
      }
      case '$schema':
        // Editors use it to validate the file; it is not a setting.
        break;
      default:
        problems.push(
          `${source}: unknown key ${describe(key)}${didYouMeanSuffix(key, settingKeys)}; valid keys: ${settingKeys.join(', ')}`,
        );
    }
  }
  return { settings, problems };
}
