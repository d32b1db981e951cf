/**
 * Editor settings (`workspace/configuration`, section `luxlint`).
 *
 * The schema below is the single description of every setting: the VS Code manifest's
 * `contributes.configuration` is checked against it by a test, and the READMEs print it.
 */

export type SeverityName = 'error' | 'warning' | 'information' | 'hint';
export type RunMode = 'onType' | 'onSave';
export type Preset = 'guidelines' | 'all';
export type RuleSetting = 'off' | 'caution' | 'avoid';

/** Settings after validation; `undefined` means "not set in the editor, use the rc file or the default". */
export interface EditorSettings {
  preset: Preset | undefined;
  rules: Record<string, RuleSetting>;
  allow: string[];
  reportSkipped: boolean | undefined;
  severity: { avoid: SeverityName; caution: SeverityName };
  debounceMs: number;
  run: RunMode;
}

const defaults: EditorSettings = {
  preset: undefined,
  rules: {},
  allow: [],
  reportSkipped: undefined,
  severity: { avoid: 'warning', caution: 'information' },
  debounceMs: 200,
  run: 'onType',
};
export const defaultSettings: Readonly<EditorSettings> = Object.freeze(defaults);

export const severityNames: readonly SeverityName[] = ['error', 'warning', 'information', 'hint'];
export const runModes: readonly RunMode[] = ['onType', 'onSave'];
export const presets: readonly Preset[] = ['guidelines', 'all'];
export const ruleSettings: readonly RuleSetting[] = ['off', 'caution', 'avoid'];

/** One setting as JSON Schema, in the shape VS Code's `contributes.configuration.properties` uses. */
export interface SettingSchema {
  readonly type: string | readonly string[];
  readonly default: unknown;
  readonly description: string;
  readonly enum?: readonly (string | null)[];
  readonly items?: { readonly type: string };
  readonly additionalProperties?: { readonly type: string; readonly enum: readonly string[] };
  readonly minimum?: number;
  readonly maximum?: number;
}

/** Every setting the server reads, keyed by its full dotted name. */
export const settingsSchema: Readonly<Record<string, SettingSchema>> = Object.freeze({
  'luxlint.preset': {
    type: ['string', 'null'],
    enum: ['guidelines', 'all', null],
    default: null,
    description:
      "Which entries are active: 'guidelines' (only stances confirmed by the Luxembourg Guidelines) or 'all' (also IWG member and media guides). Unset: the value of the nearest .luxlintrc, else 'all'.",
  },
  'luxlint.rules': {
    type: 'object',
    default: {},
    additionalProperties: { type: 'string', enum: ['off', 'caution', 'avoid'] },
    description:
      "Per entry id: 'off' to turn it off, or 'caution' / 'avoid' to force its status. Merged over the rules of the nearest .luxlintrc.",
  },
  'luxlint.allow': {
    type: 'array',
    items: { type: 'string' },
    default: [],
    description:
      'Literal phrases (case-insensitive, never regular expressions) inside which nothing is reported. Added to the allow list of the nearest .luxlintrc.',
  },
  'luxlint.reportSkipped': {
    type: ['boolean', 'null'],
    default: null,
    description:
      'Also report, as information, matches that were skipped on purpose (legal titles, quotations, mentions of a term as a term). Unset: the value of the nearest .luxlintrc, else false.',
  },
  'luxlint.severity.avoid': {
    type: 'string',
    enum: ['error', 'warning', 'information', 'hint'],
    default: 'warning',
    description: 'Diagnostic severity of terms the guidance says to avoid.',
  },
  'luxlint.severity.caution': {
    type: 'string',
    enum: ['error', 'warning', 'information', 'hint'],
    default: 'information',
    description: 'Diagnostic severity of terms to use with caution.',
  },
  'luxlint.debounceMs': {
    type: 'number',
    default: 200,
    minimum: 0,
    maximum: 5000,
    description:
      'Milliseconds to wait after the last keystroke before checking the document again.',
  },
  'luxlint.run': {
    type: 'string',
    enum: ['onType', 'onSave'],
    default: 'onType',
    description:
      "When to check: 'onType' (as you type, unsaved buffers included) or 'onSave' (on open and on save).",
  },
});

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function oneOf<T extends string>(value: unknown, choices: readonly T[]): T | undefined {
  return typeof value === 'string' && (choices as readonly string[]).includes(value)
    ? (value as T)
    : undefined;
}

/**
 * Read a dotted key from a settings object that may be nested (`{severity: {avoid}}`, as VS Code
 * sends it) or flat (`{'severity.avoid': …}`, as some editors' users write it).
 */
function pick(raw: Record<string, unknown>, key: string): unknown {
  if (key in raw) return raw[key];
  const [head, ...rest] = key.split('.');
  if (head === undefined || rest.length === 0) return undefined;
  const inner = raw[head];
  return isRecord(inner) ? pick(inner, rest.join('.')) : undefined;
}

export interface NormalizedSettings {
  settings: EditorSettings;
  /** Human-readable problems with the given settings (the bad values are ignored). */
  problems: string[];
}

/** Validate what the client sent; bad values are reported and replaced by defaults, never fatal. */
export function normalizeSettings(raw: unknown): NormalizedSettings {
  const problems: string[] = [];
  const settings: EditorSettings = {
    ...defaultSettings,
    rules: {},
    allow: [],
    severity: { ...defaultSettings.severity },
  };
  if (raw === null || raw === undefined) return { settings, problems };
  if (!isRecord(raw)) {
    problems.push(`luxlint: expected an object of settings, got ${typeof raw}`);
    return { settings, problems };
  }
  const bad = (key: string, value: unknown, expected: string): void => {
    problems.push(
      `luxlint.${key}: ${JSON.stringify(value) ?? String(value)} is not valid; expected ${expected}`,
    );
  };

  const preset = pick(raw, 'preset');
  if (preset !== undefined && preset !== null && preset !== '') {
    const value = oneOf(preset, presets);
    if (value) settings.preset = value;
    else bad('preset', preset, presets.map((p) => `'${p}'`).join(' or '));
  }

  const rules = pick(raw, 'rules');
  if (rules !== undefined && rules !== null) {
    if (isRecord(rules)) {
      for (const [id, level] of Object.entries(rules)) {
        const value = oneOf(level, ruleSettings);
        if (value) settings.rules[id] = value;
        else bad(`rules.${id}`, level, ruleSettings.map((r) => `'${r}'`).join(', '));
      }
    } else bad('rules', rules, 'an object of entry id → off | caution | avoid');
  }

  const allow = pick(raw, 'allow');
  if (allow !== undefined && allow !== null) {
    if (Array.isArray(allow)) {
      for (const phrase of allow) {
        if (typeof phrase === 'string' && phrase.trim() !== '') settings.allow.push(phrase);
        else bad('allow[]', phrase, 'a non-empty string');
      }
    } else bad('allow', allow, 'an array of phrases');
  }

  const reportSkipped = pick(raw, 'reportSkipped');
  if (reportSkipped !== undefined && reportSkipped !== null) {
    if (typeof reportSkipped === 'boolean') settings.reportSkipped = reportSkipped;
    else bad('reportSkipped', reportSkipped, 'true or false');
  }

  for (const status of ['avoid', 'caution'] as const) {
    const severity = pick(raw, `severity.${status}`);
    if (severity === undefined || severity === null) continue;
    const value = oneOf(severity, severityNames);
    if (value) settings.severity[status] = value;
    else bad(`severity.${status}`, severity, severityNames.map((s) => `'${s}'`).join(', '));
  }

  const debounceMs = pick(raw, 'debounceMs');
  if (debounceMs !== undefined && debounceMs !== null) {
    if (typeof debounceMs === 'number' && Number.isFinite(debounceMs) && debounceMs >= 0) {
      settings.debounceMs = Math.min(Math.round(debounceMs), 5000);
    } else bad('debounceMs', debounceMs, 'a number of milliseconds ≥ 0');
  }

  const run = pick(raw, 'run');
  if (run !== undefined && run !== null) {
    const value = oneOf(run, runModes);
    if (value) settings.run = value;
    else bad('run', run, runModes.map((r) => `'${r}'`).join(' or '));
  }

  return { settings, problems };
}
