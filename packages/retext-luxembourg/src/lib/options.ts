/** Options after validation, with defaults filled in. */
export interface ResolvedOptions {
  readonly preset: 'guidelines' | 'all';
  readonly rules: ReadonlyMap<string, 'off' | 'caution' | 'avoid'>;
  readonly allow: readonly string[];
  readonly reportSkipped: boolean;
  readonly baseUrl: string;
  readonly lang: string;
}

const optionKeys = ['preset', 'rules', 'allow', 'reportSkipped', 'baseUrl', 'lang'] as const;
const presets = ['guidelines', 'all'] as const;
const ruleSettings = ['off', 'caution', 'avoid'] as const;

export const defaultBaseUrl = 'https://luxlint.dev/terms/';

/** Thrown for an invalid option; names the key, the value and the valid choices. */
export class OptionsError extends Error {
  constructor(message: string) {
    super(`retext-luxembourg: ${message}`);
    this.name = 'OptionsError';
  }
}

/**
 * Check `options` and fill in defaults.
 * `knownIds` maps every id and alias to its canonical id (for `rules` keys and did-you-mean).
 */
export function resolveOptions(
  options: unknown,
  knownIds: ReadonlyMap<string, string>,
  knownLangs: readonly string[],
): ResolvedOptions {
  if (options === undefined || options === null) options = {};
  if (typeof options !== 'object' || Array.isArray(options)) {
    throw new OptionsError(`expected options to be an object, not ${describe(options)}`);
  }
  const record = options as Record<string, unknown>;
  for (const key of Object.keys(record)) {
    if (!(optionKeys as readonly string[]).includes(key)) {
      throw new OptionsError(
        `unknown option \`${key}\`${suggest(key, optionKeys)}; valid options: ${optionKeys.join(', ')}`,
      );
    }
  }

  const preset = record['preset'] ?? 'all';
  if (!(presets as readonly unknown[]).includes(preset)) {
    throw new OptionsError(
      `invalid \`preset\` ${describe(preset)}; expected one of: ${presets.join(', ')}`,
    );
  }

  const rules = new Map<string, 'off' | 'caution' | 'avoid'>();
  const rawRules = record['rules'] ?? {};
  if (typeof rawRules !== 'object' || rawRules === null || Array.isArray(rawRules)) {
    throw new OptionsError(
      `invalid \`rules\` ${describe(rawRules)}; expected an object of entry id → off | caution | avoid`,
    );
  }
  for (const [id, setting] of Object.entries(rawRules as Record<string, unknown>)) {
    const canonical = knownIds.get(id);
    if (canonical === undefined) {
      throw new OptionsError(
        `unknown rule id \`${id}\` in \`rules\`${suggest(id, [...knownIds.keys()])}`,
      );
    }
    if (!(ruleSettings as readonly unknown[]).includes(setting)) {
      throw new OptionsError(
        `invalid setting ${describe(setting)} for rule \`${id}\`; expected one of: ${ruleSettings.join(', ')}`,
      );
    }
    rules.set(canonical, setting as 'off' | 'caution' | 'avoid');
  }

  const rawAllow = record['allow'] ?? [];
  if (!Array.isArray(rawAllow)) {
    throw new OptionsError(`invalid \`allow\` ${describe(rawAllow)}; expected an array of phrases`);
  }
  const allow: string[] = [];
  for (const [index, phrase] of rawAllow.entries()) {
    if (typeof phrase !== 'string' || phrase.trim() === '') {
      throw new OptionsError(
        `invalid \`allow[${index}]\` ${describe(phrase)}; expected a non-empty string`,
      );
    }
    allow.push(phrase);
  }

  const reportSkipped = record['reportSkipped'] ?? false;
  if (typeof reportSkipped !== 'boolean') {
    throw new OptionsError(
      `invalid \`reportSkipped\` ${describe(reportSkipped)}; expected true or false`,
    );
  }

  const baseUrl = record['baseUrl'] ?? defaultBaseUrl;
  if (typeof baseUrl !== 'string' || baseUrl === '') {
    throw new OptionsError(
      `invalid \`baseUrl\` ${describe(baseUrl)}; expected a non-empty string such as '${defaultBaseUrl}'`,
    );
  }

  const lang = record['lang'] ?? 'en';
  if (typeof lang !== 'string' || lang === '') {
    throw new OptionsError(
      `invalid \`lang\` ${describe(lang)}; expected a BCP 47 tag such as 'en'`,
    );
  }
  if (!knownLangs.includes(lang) && !knownLangs.includes(lang.split('-')[0] ?? '')) {
    throw new OptionsError(
      `no language pack for \`lang\` ${describe(lang)}; available: ${knownLangs.join(', ') || '(none)'}`,
    );
  }

  return {
    preset: preset as 'guidelines' | 'all',
    rules,
    allow,
    reportSkipped,
    baseUrl: baseUrl.endsWith('/') ? baseUrl : `${baseUrl}/`,
    lang,
  };
}

/** A stable key of resolved options (to cache compiled data). */
export function optionsKey(options: ResolvedOptions): string {
  return JSON.stringify([
    options.preset,
    [...options.rules].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)),
    options.allow,
    options.lang,
  ]);
}

/**
 * The part of `optionsKey` that decides which forms are compiled (language, preset, rules turned
 * off); severities, `allow`, `reportSkipped` and `baseUrl` act after matching.
 */
export function formsKey(options: ResolvedOptions): string {
  const off = [...options.rules]
    .filter(([, setting]) => setting === 'off')
    .map(([id]) => id)
    .sort();
  return JSON.stringify([options.lang, options.preset, off]);
}

function describe(value: unknown): string {
  if (typeof value === 'string') return `'${value}'`;
  if (Array.isArray(value)) return 'an array';
  if (value === null) return 'null';
  if (typeof value === 'object') return 'an object';
  return String(value);
}

function suggest(value: string, candidates: readonly string[]): string {
  let best: string | undefined;
  let bestDistance = Infinity;
  for (const candidate of candidates) {
    const distance = levenshtein(value.toLowerCase(), candidate.toLowerCase());
    if (distance < bestDistance) {
      bestDistance = distance;
      best = candidate;
    }
  }
  if (best === undefined || bestDistance > Math.max(2, Math.floor(best.length / 3))) return '';
  return ` (did you mean \`${best}\`?)`;
}

function levenshtein(a: string, b: string): number {
  let previous = Array.from({ length: b.length + 1 }, (_, index) => index);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      current[j] = Math.min(
        (previous[j] ?? 0) + 1,
        (current[j - 1] ?? 0) + 1,
        (previous[j - 1] ?? 0) + cost,
      );
    }
    previous = current;
  }
  return previous[b.length] ?? 0;
}
