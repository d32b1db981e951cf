import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import {
  compileDataset,
  containsForm,
  DatasetError,
  expandAlternatives,
  formatProblem,
  normalisePhrase,
} from '../scripts/compile.js';

const schemaDir = fileURLToPath(new URL('../../../terms', import.meta.url));

function fixture(name: string): string {
  return fileURLToPath(new URL(`fixtures/${name}/terms`, import.meta.url));
}

/** The problems of a fixture dataset, formatted as the generator prints them. */
function problems(name: string): string[] {
  try {
    compileDataset(fixture(name), { schemaDir });
  } catch (error) {
    if (error instanceof DatasetError) return error.problems.map(formatProblem);
    throw error;
  }
  throw new Error(`fixture ${name} compiled without problems`);
}

describe('compileDataset: a valid dataset', () => {
  const dataset = compileDataset(fixture('valid'), { schemaDir });

  it('should sort entries by id and expand the shorthands', () => {
    expect(dataset.terms.map((term) => term.id)).toEqual([
      'child-pornography',
      'child-sexual-abuse-material',
      'sextortion',
    ]);
    expect(dataset.warnings).toEqual([]);
    const [avoid, use, caution] = dataset.terms;
    expect(avoid?.text.en.match).toEqual([
      { phrase: 'child pornography', caseSensitive: false, inflect: true },
      { phrase: 'kiddie porn', caseSensitive: false, inflect: false },
    ]);
    expect(avoid?.text.en.examples).toEqual({
      incorrect: [
        { text: 'They found child pornography.', fixed: 'They found child sexual abuse material.' },
        { text: 'The kiddie porn case went to court.' },
      ],
      correct: [{ text: 'They found child sexual abuse material.' }],
    });
    // Optional: an entry without search phrases compiles to an empty list.
    expect(avoid?.text.en.searchPhrases).toEqual([]);
    expect(caution?.text.en.match).toEqual([
      { phrase: 'sextortion', caseSensitive: false, inflect: true, near: 'child' },
    ]);
    expect(use).toEqual({
      id: 'child-sexual-abuse-material',
      aliases: ['csam'],
      status: 'use',
      category: 'abuse-material',
      legal: false,
      provenance: 'guidelines-2016',
      preferred: [],
      related: [],
      sources: [{ ref: 'Fixture source A', provenance: 'guidelines-2016' }],
      text: {
        en: {
          term: 'child sexual abuse material',
          abbreviations: ['CSAM'],
          match: [],
          alternatives: ['child sexual exploitation material'],
          searchPhrases: ['abuse images of children', 'abuse videos of children'],
          summary: 'A fixture summary for the use entry.',
          why: 'A fixture explanation that is long enough to pass.',
          examples: { incorrect: [], correct: [] },
        },
      },
    });
  });

  it('should default the language of a legal title to en and sort by language, then title', () => {
    expect(dataset.legalTitles).toEqual([
      {
        title: 'Fixture Act on Child Pornography',
        kind: 'law',
        lang: 'en',
        url: 'https://example.org/act',
      },
      {
        title: 'Protocole facultatif sur la pornographie mettant en scène des enfants',
        kind: 'treaty',
        lang: 'fr',
        note: 'A fixture note.',
      },
    ]);
  });

  it('should read the language packs', () => {
    expect(dataset.languagePacks.map((pack) => pack.lang)).toEqual(['en']);
    expect(dataset.languagePacks[0]?.irregularPlurals).toEqual({ child: 'children' });
    // The fixture writes `lang` last; the output order is fixed whatever the YAML order.
    expect(Object.keys(dataset.languagePacks[0] ?? {})).toEqual([
      'lang',
      'irregularPlurals',
      'childWords',
      'childAgeBelow',
      'mentionCues',
      'adultCues',
      'titleCues',
      'titleConnectors',
      'articleWords',
    ]);
  });
});

describe('compileDataset: every problem class fails with its exact message', () => {
  it('unknown field: names the field and lists the valid ones', () => {
    expect(problems('unknown-field')).toEqual([
      'terms/abuse-material/child-pornography.yml:26:5: text.en.sumary: unknown field "sumary"; valid fields: term, abbreviations, match, alternatives, searchPhrases, fix, summary, why, whenAcceptable, examples',
    ]);
  });

  it('a search phrase repeated within an entry, whatever its case and hyphens', () => {
    expect(problems('repeated-search-phrase')).toEqual([
      'terms/abuse-material/child-sexual-abuse-material.yml:20:9: text.en.searchPhrases[2]: "Abuse-Images of children" repeats the search phrase "abuse images of children"',
    ]);
  });

  it('bad status: lists the valid statuses', () => {
    expect(problems('bad-status')).toEqual([
      'terms/abuse-material/child-pornography.yml:2:9: status: "banned" is not valid; expected one of: use, caution, avoid',
    ]);
  });

  it('duplicate id: names the file that has it first', () => {
    expect(problems('duplicate-id')).toEqual([
      'terms/online/child-pornography.yml:1:5: id: "child-pornography" is already the id of terms/abuse-material/child-pornography.yml',
      'terms/online/child-pornography.yml:21:9: text.en.match[0]: "child pornography" is already claimed by child-pornography ("child pornography", terms/abuse-material/child-pornography.yml)',
      'terms/online/child-pornography.yml:22:9: text.en.match[1]: "kiddie porn" is already claimed by child-pornography ("kiddie porn", terms/abuse-material/child-pornography.yml)',
    ]);
  });

  it('a phrase claimed by two entries, whatever its case and hyphens', () => {
    expect(problems('claimed-phrase')).toEqual([
      'terms/online/sextortion.yml:12:9: text.en.match[0]: "Kiddie-Porn" is already claimed by child-pornography ("kiddie porn", terms/abuse-material/child-pornography.yml)',
    ]);
  });

  it('related/preferred id that does not exist', () => {
    expect(problems('missing-reference')).toEqual([
      'terms/abuse-material/child-pornography.yml:8:5: preferred[1]: no entry has the id "child-sexual-exploitation-material"',
      'terms/abuse-material/child-pornography.yml:11:5: related[1]: no entry has the id "virtual-child-pornography"',
    ]);
  });

  it('related/preferred id that does not exist: a warning with allowDanglingReferences', () => {
    const dataset = compileDataset(fixture('missing-reference'), {
      schemaDir,
      allowDanglingReferences: true,
    });
    expect(dataset.warnings.map(formatProblem)).toEqual(problems('missing-reference'));
    expect(dataset.terms).toHaveLength(3);
  });

  it('avoid entry without enough examples', () => {
    expect(problems('avoid-without-examples')).toEqual([
      'terms/abuse-material/child-pornography.yml:28:7: text.en.examples: an avoid entry needs at least 1 correct example, found 0',
      'terms/abuse-material/child-pornography.yml:29:9: text.en.examples.incorrect: an avoid entry needs at least 2 incorrect examples, found 1',
    ]);
  });

  it('id that is not the file name', () => {
    expect(problems('id-not-file-name')).toEqual([
      'terms/abuse-material/child-pornography.yml:1:5: id: "child-porn" does not match the file name; expected "child-pornography"',
    ]);
  });

  it('YAML syntax error, with its line', () => {
    expect(problems('yaml-syntax')).toEqual([
      'terms/abuse-material/child-pornography.yml:9:1: invalid YAML: Flow sequence in block collection must be sufficiently indented and end with a ]',
    ]);
  });

  it('schema errors: wrong types, both shapes of a string-or-object field, language keys', () => {
    expect(problems('schema-errors')).toEqual([
      'terms/abuse-material/child-pornography.yml:17:11: sources[1].page: must be a string, got number 12',
      'terms/abuse-material/child-pornography.yml:19:3: text.EN: key "EN" must match ^[a-z]{2,3}(-[A-Z][a-z]{3})?(-[A-Z]{2})?$',
      'terms/abuse-material/child-pornography.yml:20:11: text.EN.term: must NOT have fewer than 2 characters',
      'terms/abuse-material/child-pornography.yml:28:18: text.en.match[1].inflect: must be a boolean, got string "nope"',
      'terms/abuse-material/child-pornography.yml:29:9: text.en.match[2]: must be a string or an object, got number 3',
      'terms/abuse-material/child-pornography.yml:30:17: text.en.match[3].phrase: must NOT have fewer than 2 characters',
      'terms/abuse-material/child-pornography.yml:31:15: text.en.match[3].near: "adult" is not valid; expected one of: child',
      'terms/abuse-material/child-pornography.yml:33:14: text.en.summary: must NOT have fewer than 10 characters',
    ]);
  });

  it('the other rules, each with its message, all reported in one run', () => {
    expect(problems('more-rules')).toEqual([
      'terms/abuse-material/child-pornography.yml:3:11: category: "online" does not match the folder; expected "abuse-material"',
      'terms/abuse-material/child-pornography.yml:5:13: provenance: "guidelines-2016" needs at least one source with provenance guidelines-2016',
      'terms/abuse-material/child-pornography.yml:8:5: preferred[1]: "sextortion" is a caution entry; preferred must name use entries',
      'terms/abuse-material/child-pornography.yml:9:5: preferred[2]: "csam" is a former id; use "child-sexual-abuse-material"',
      'terms/abuse-material/child-pornography.yml:26:10: text.en.fix: "child sexual abuse material, not kiddie porn" contains "kiddie porn", which child-pornography (avoid) flags',
      'terms/abuse-material/child-pornography.yml:36:18: text.en.examples.correct[0].fixed: only incorrect examples may have "fixed"',
      'terms/abuse-material/child-sexual-abuse-material.yml:14:7: text.en.match: a use entry must not have match forms (preferred terms are never flagged)',
      'terms/abuse-material/child-sexual-abuse-material.yml:19:9: text.en.alternatives[1]: "child pornographies and sextortion cases" contains "child pornography", which child-pornography (avoid) flags',
      'terms/languages/en.yml:1:7: lang: "en-GB" does not match the file name; expected "en"',
      'terms/legal-titles.yml:8:10: [2].title: "fixture act on child   pornography" is already listed as [0]',
      'terms/notes.yml:1:1: unexpected file; entries live in terms/<category>/<id>.yml, language packs in terms/languages/<lang>.yml',
      'terms/nowhere/x.yml:1:1: folder "nowhere" is not a category; valid categories: child-and-umbrella, sexual-abuse, sexual-exploitation, prostitution, sale-and-trafficking, abuse-material, online, travel-and-tourism, child-marriage, perpetrators, victims',
      'terms/online/sextortion.yml:3:5: aliases[0]: "child-sexual-abuse-material" is already the id of terms/abuse-material/child-sexual-abuse-material.yml',
      'terms/online/sextortion.yml:13:12: text.en.match: a caution entry needs at least 1 match form',
      'terms/prostitution/.keep.yml:1:1: must be a mapping, got null',
      'terms/victims.yaml:1:1: use the .yml extension',
    ]);
  });

  it('should say how many problems there are in the error message', () => {
    expect(() => compileDataset(fixture('id-not-file-name'), { schemaDir })).toThrow(
      /^The terms dataset has 1 problem:\nterms\/abuse-material\/child-pornography\.yml:1:5: id: /,
    );
    expect(() => compileDataset(fixture('more-rules'), { schemaDir })).toThrow(
      /^The terms dataset has 16 problems:\n/,
    );
  });
});

describe('phrase helpers', () => {
  it('normalisePhrase ignores case, hyphens and spaces', () => {
    expect(normalisePhrase('Child-Porn')).toBe(normalisePhrase('child porn'));
    expect(normalisePhrase('child  porn')).toBe(normalisePhrase('childporn'));
    expect(normalisePhrase('child porn')).not.toBe(normalisePhrase('child pornography'));
  });

  it('expandAlternatives expands every word slot', () => {
    expect(expandAlternatives('have|has sex with|to')).toEqual([
      'have sex with',
      'have sex to',
      'has sex with',
      'has sex to',
    ]);
    expect(expandAlternatives('sextortion')).toEqual(['sextortion']);
  });

  it('containsForm finds a form as a word sequence, any word inflected as the engine does', () => {
    const form = { phrase: 'child prostitute', caseSensitive: false, inflect: true };
    expect(containsForm('a Child-Prostitute ring', form, {})).toBe(true);
    expect(containsForm('child prostitutes', form, {})).toBe(true);
    expect(containsForm('child exploited in prostitution', form, {})).toBe(false);
    expect(containsForm('child prostitutes', { ...form, inflect: false }, {})).toBe(false);
    const irregular = { phrase: 'sex with a child', caseSensitive: false, inflect: true };
    expect(containsForm('sex with a children', irregular, { child: 'children' })).toBe(true);
    expect(containsForm('sex with a children', irregular, {})).toBe(false);
    const inner = { phrase: 'erotic image of child', caseSensitive: false, inflect: true };
    expect(containsForm('erotic images of children', inner, { child: 'children' })).toBe(true);
    expect(containsForm("the children's erotic image", inner, { child: 'children' })).toBe(false);
    const acronym = { phrase: 'CP', caseSensitive: true, inflect: false };
    expect(containsForm('cp', acronym, {})).toBe(false);
    expect(containsForm('CP', acronym, {})).toBe(true);
    expect(
      containsForm('child', { phrase: 'child porn', caseSensitive: false, inflect: true }, {}),
    ).toBe(false);
  });
});
