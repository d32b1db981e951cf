import { describe, expect, it } from 'vitest';

describe('@luxlint/config', () => {
  it('exposes exactly this API', async () => {
    expect(Object.keys(await import('@luxlint/config')).sort()).toEqual([
      'ConfigFinder',
      'configFileNames',
      'didYouMean',
      'didYouMeanSuffix',
      'editDistance',
      'loadConfigFile',
      'presets',
      'ruleIdProblem',
      'ruleLevelProblem',
      'ruleLevels',
      'settingKeys',
      'validateConfig',
    ]);
  });

  it('names the files, keys and values of the documented contract', async () => {
    const { configFileNames, presets, ruleLevels, settingKeys } = await import('@luxlint/config');
    expect(configFileNames).toEqual([
      '.luxlintrc.json',
      '.luxlintrc.yaml',
      '.luxlintrc.yml',
      'package.json',
    ]);
    expect(settingKeys).toEqual(['preset', 'rules', 'allow', 'reportSkipped', 'baseUrl', 'lang']);
    expect(presets).toEqual(['guidelines', 'all']);
    expect(ruleLevels).toEqual(['off', 'caution', 'avoid']);
  });
});
