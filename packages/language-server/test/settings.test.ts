import { defaultSettings, normalizeSettings, settingsSchema } from '@luxlint/language-server';
import { describe, expect, it } from 'vitest';

describe('normalizeSettings', () => {
  it('gives the defaults for nothing at all', () => {
    expect(normalizeSettings(undefined)).toEqual({ settings: defaultSettings, problems: [] });
    expect(normalizeSettings(null).settings).toEqual(defaultSettings);
  });

  it('reads nested (VS Code) and flat (dotted) keys alike', () => {
    const nested = normalizeSettings({
      severity: { avoid: 'error', caution: 'hint' },
      debounceMs: 0,
      run: 'onSave',
    });
    const flat = normalizeSettings({
      'severity.avoid': 'error',
      'severity.caution': 'hint',
      debounceMs: 0,
      run: 'onSave',
    });
    expect(nested.problems).toEqual([]);
    expect(flat).toEqual(nested);
    expect(nested.settings.severity).toEqual({ avoid: 'error', caution: 'hint' });
    expect(nested.settings.debounceMs).toBe(0);
    expect(nested.settings.run).toBe('onSave');
  });

  it('treats null preset and reportSkipped as unset, so the config file decides', () => {
    const { settings, problems } = normalizeSettings({
      preset: null,
      reportSkipped: null,
      rules: null,
      allow: null,
    });
    expect(problems).toEqual([]);
    expect(settings.preset).toBeUndefined();
    expect(settings.reportSkipped).toBeUndefined();
  });

  it('keeps the valid values, names each bad one with the valid choices, and never throws', () => {
    const { settings, problems } = normalizeSettings({
      preset: 'strict',
      rules: { 'child-pornography': 'off', 'child-prostitute': 'loud' },
      allow: ['Child Pornography Prevention Act', 42, ''],
      reportSkipped: 'yes',
      severity: { avoid: 'fatal' },
      debounceMs: -1,
      run: 'always',
    });
    expect(settings.rules).toEqual({ 'child-pornography': 'off' });
    expect(settings.allow).toEqual(['Child Pornography Prevention Act']);
    expect(settings.preset).toBeUndefined();
    expect(settings.severity.avoid).toBe('warning');
    expect(settings.debounceMs).toBe(defaultSettings.debounceMs);
    expect(problems).toEqual([
      "luxlint.preset: \"strict\" is not valid; expected 'guidelines' or 'all'",
      "luxlint.rules.child-prostitute: \"loud\" is not valid; expected 'off', 'caution', 'avoid'",
      'luxlint.allow[]: 42 is not valid; expected a non-empty string',
      'luxlint.allow[]: "" is not valid; expected a non-empty string',
      'luxlint.reportSkipped: "yes" is not valid; expected true or false',
      "luxlint.severity.avoid: \"fatal\" is not valid; expected 'error', 'warning', 'information', 'hint'",
      'luxlint.debounceMs: -1 is not valid; expected a number of milliseconds ≥ 0',
      "luxlint.run: \"always\" is not valid; expected 'onType' or 'onSave'",
    ]);
    expect(normalizeSettings('everything').problems).toEqual([
      'luxlint: expected an object of settings, got string',
    ]);
  });

  it('caps the debounce at the schema maximum', () => {
    expect(normalizeSettings({ debounceMs: 1e9 }).settings.debounceMs).toBe(
      settingsSchema['luxlint.debounceMs']?.maximum,
    );
  });

  it('describes every setting it reads, with defaults that normalize to the defaults', () => {
    const defaults = Object.fromEntries(
      Object.entries(settingsSchema).map(([key, schema]) => [
        key.replace(/^luxlint\./, ''),
        schema.default,
      ]),
    );
    expect(normalizeSettings(defaults)).toEqual({ settings: defaultSettings, problems: [] });
    for (const schema of Object.values(settingsSchema))
      expect(schema.description.length).toBeGreaterThan(20);
  });
});
