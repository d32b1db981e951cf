/**
 * Context classes found on real, unseen text: a term named or talked about without a cue
 * right before it, quotations left open, consent-implying phrasing far from any child or
 * denied, and soft hyphens. Sentences are our own, not the held-out corpus's.
 */
import { describe, expect, it } from 'vitest';
import { found } from './helpers.js';
import { VFile } from 'vfile';
import { lintMarkdown } from './markdown-host.js';
import { createMentionHeaderTestFor, createPlugin } from '../src/lib/plugin.js';
import { isMentionColumnHeader } from '../src/index.js';
import { testDataset } from './fixtures/dataset.js';
import type { LuxembourgMessage } from '../src/lib/types.js';
import { retext } from 'retext';
import type { LanguagePack } from '@luxlint/terms';

const skipped = { reportSkipped: true } as const;

describe('mention: naming verbs', () => {
  it('reads a term right after a verb of naming as a mention', () => {
    expect(found('Such material was termed kiddie porn by the tabloids.', skipped)).toEqual([
      'child-porn:kiddie porn@mention',
    ]);
    expect(found('The unit was dubbed child pornography police by reporters.')).toEqual([]);
    expect(found('The material sold as magazines was called child porn.')).toEqual([]);
    expect(found('The girls were often called child prostitutes.')).toEqual([]);
    // Active `called` with a subject is the writer's own use of the words.
    expect(found('He sold what buyers called child porn.')).toEqual(['child-porn:child porn']);
    expect(found('What is widely known as child sex tourism has a better name.')).toEqual([]);
  });

  it('still flags a use after other verbs', () => {
    expect(found('The officers seized child pornography from the flat.')).toEqual([
      'child-pornography:child pornography',
    ]);
    expect(found('Police described it as child pornography.')).toEqual([
      'child-pornography:child pornography',
    ]);
  });
});

describe('mention: wording verbs and places', () => {
  it('reads a term after a wording verb as a mention when the clause ends or a follower comes', () => {
    expect(found('Editors replaced child pornography with a precise term.')).toEqual([]);
    expect(found('Say child sex tourism when you mean the crime, not the industry.')).toEqual([]);
    expect(found('Avoid kiddie porn when you mean abuse images.', skipped)).toEqual([
      'child-porn:kiddie porn@mention',
    ]);
  });

  it('keeps a wording verb without a follower, or a reported clause, as a use', () => {
    expect(found('Our leaflet uses child porn.')).toEqual(['child-porn:child porn']);
    expect(found('Officials say child pornography is spreading fast.')).toEqual([
      'child-pornography:child pornography',
    ]);
    expect(found('Investigators said child prostitution rings were dismantled.')).toEqual([
      'child-prostitute:child prostitution',
    ]);
  });

  it('reads a term placed in a headline or caption as a mention', () => {
    expect(found('Three papers ran child porn in the headline on Monday.')).toEqual([]);
    expect(found('Please never write child porn in a caption.')).toEqual([]);
    expect(found('The agency kept child pornography in its photo caption.')).toEqual([]);
    // A place that is not part of a text.
    expect(found('He kept child pornography in the garage.')).toEqual([
      'child-pornography:child pornography',
    ]);
  });

  it('reads matches inside file.data.luxembourgMentionRanges as mentions', () => {
    const text = 'Avoid\n\nchild pornography\n\nchild prostitute';
    const file = new VFile({ value: text, data: { luxembourgMentionRanges: [[7, 24]] } });
    retext().use(createPlugin(testDataset), skipped).processSync(file);
    expect(
      (file.messages as LuxembourgMessage[]).map(
        (message) => `${message.actual ?? ''}@${message.context ?? ''}`,
      ),
    ).toEqual(['child pornography@mention', 'child prostitute@']);
  });
});

describe('quotation left open', () => {
  it('reads a quotation opened mid-paragraph and never closed as running to its end', () => {
    expect(
      found(
        'At the hearing the officer told us: "we found child pornography on every disk',
        skipped,
      ),
    ).toEqual(['child-pornography:child pornography@quotation']);
    expect(
      found('The mayor wrote \u201Cchild prostitution is over here. Nobody doubts it.', skipped),
    ).toEqual(['child-prostitute:child prostitution@quotation']);
  });

  it('still flags before the open quotation, and after a closed one', () => {
    expect(found('Child pornography was seized; the officer said "they ran')).toEqual([
      'child-pornography:Child pornography',
    ]);
    expect(found('He said "no" and kept child pornography.')).toEqual([
      'child-pornography:child pornography',
    ]);
  });

  it('does not open a quotation at an inch mark', () => {
    expect(found('A 12" screen showed child pornography.')).toEqual([
      'child-pornography:child pornography',
    ]);
  });
});

describe('near: child, within a window and a clause', () => {
  it('ignores a child mentioned far away or in another clause', () => {
    expect(
      found(
        'The pair had sex with the lights on throughout the long holiday week at the lake, and their boys slept next door.',
      ),
    ).toEqual([]);
    expect(found('The two adults had sex with each other; their children were abroad.')).toEqual(
      [],
    );
  });

  it('still reports a child close to the match', () => {
    expect(found('The 13-year-old was driven home by a man who had sex with her.')).toEqual([
      'consent-phrasing:had sex with',
    ]);
    expect(found('She was first abused at 12, by a neighbour who had sex with her.')).toEqual([
      'consent-phrasing:had sex with',
    ]);
    expect(found('The coach had sex with a boy from the team.')).toEqual([
      'consent-phrasing:had sex with',
    ]);
    expect(found('A girl of 13, whom he had sex with twice, testified.')).toEqual([
      'consent-phrasing:had sex with',
    ]);
  });

  it('honours an adult cue right after the match', () => {
    expect(found('The father of two girls had sex with adults he met online.')).toEqual([]);
  });

  it('does not report a negated statement about consent', () => {
    expect(found('A child cannot be in a consensual relationship with an adult.')).toEqual([]);
    expect(found('No girl is ever in a consensual relationship with a teacher.')).toEqual([]);
    expect(found('The 14-year-old was said to be in a consensual relationship.')).toEqual([
      'consent-phrasing:consensual relationship',
    ]);
    // A negation in another clause does not deny it.
    expect(found('He did not deny it, a consensual relationship with a 14-year-old.')).toEqual([
      'consent-phrasing:consensual relationship',
    ]);
  });
});

describe('soft hyphen', () => {
  it('matches through a soft hyphen between or inside words, keeping it in actual', () => {
    expect(found('Officers seized child\u00ADpornography at the flat.')).toEqual([
      'child-pornography:child\u00ADpornography',
    ]);
    expect(found('Officers seized child porno\u00ADgraphy at the flat.')).toEqual([
      'child-pornography:child porno\u00ADgraphy',
    ]);
  });
});

describe('language pack without the optional lists', () => {
  it('still matches, with no ages, joiners, naming or wording cues', () => {
    const {
      ageExpressions: _ages,
      numberWords: _numbers,
      indefiniteArticles: _articles,
      vowelLetters: _vowels,
      listJoiners: _joiners,
      titleTailOpeners: _openers,
      lowercaseTitleCues: _lower,
      namingCues: _naming,
      wordingVerbs: _verbs,
      wordingFollowers: _followers,
      wordingPlaces: _places,
      wordingPlacePrepositions: _prepositions,
      negations: _negations,
      consentWords: _consent,
      mentionColumnHeaders: _headers,
      ...required
    } = testDataset.languagePacks['en'] as LanguagePack;
    const plugin = createPlugin({ ...testDataset, languagePacks: { en: required } });
    const lint = (text: string): string[] =>
      (retext().use(plugin).processSync(text).messages as LuxembourgMessage[]).map(
        (message) => `${message.ruleId ?? ''}:${message.actual ?? ''}`,
      );
    expect(lint('Officers seized child pornography.')).toEqual([
      'child-pornography:child pornography',
    ]);
    // No naming cues: a named term is a use.
    expect(lint('It was called child porn.')).toEqual(['child-porn:child porn']);
    // No ages: only child words indicate a child.
    expect(lint('He had sex with a 14-year-old.')).toEqual([]);
    expect(lint('He had sex with a girl.')).toEqual(['consent-phrasing:had sex with']);
  });
});

describe('titles', () => {
  it('reads a title whose name joins the match and the cue with a connector', () => {
    expect(found('Files went to the Child Pornography and Exploitation Unit in Leeds.')).toEqual(
      [],
    );
    // A heading that opens with the match is no evidence of a name.
    expect(found('Child Pornography and the Law')).toEqual(['child-pornography:Child Pornography']);
  });

  it('reads the lower-case subject of a mandate written in lower case', () => {
    expect(
      found('In 2004 the special rapporteur on child prostitution and child pornography wrote.'),
    ).toEqual([]);
    expect(found('The special rapporteur said child pornography was spreading.')).toEqual([
      'child-pornography:child pornography',
    ]);
    // `law` is not a mandate: a lower-case law on a subject is prose.
    expect(found('The law on child pornography changed.')).toEqual([
      'child-pornography:child pornography',
    ]);
  });

  it('reads a Title Case match with a colon subtitle as a book or report title', () => {
    expect(found('She reread the 1979 report Child Porn: An Unseen Market last week.')).toEqual([]);
    expect(found('Child Porn: An Unseen Market')).toEqual(['child-porn:Child Porn']);
    expect(found('They found child porn: Thirty Files in all.')).toEqual(['child-porn:child porn']);
  });
});

describe('isMentionColumnHeader', () => {
  it('recognises the pack’s column headings, ignoring case and punctuation', () => {
    const test = createMentionHeaderTestFor(testDataset);
    expect(test('Avoid')).toBe(true);
    expect(test(' DON’T SAY: ')).toBe(true);
    expect(test("Don't say")).toBe(true);
    expect(test('Prefer')).toBe(false);
    expect(test('')).toBe(false);
    expect(test('Avoid', 'xx')).toBe(false);
  });

  it('is exported bound to the real pack', () => {
    expect(isMentionColumnHeader('Instead of')).toBe(true);
    expect(isMentionColumnHeader('Use instead')).toBe(false);
  });
});

describe('table columns of words to avoid (through a host)', () => {
  it('reads cells under an Avoid column as mentions, other cells as prose', async () => {
    const file = await lintMarkdown(
      "| Don't say | Say |\n| --- | --- |\n| kiddie porn | child sexual abuse material |\n\n| Case | Seized |\n| --- | --- |\n| 12 | child pornography |\n",
      skipped,
    );
    expect(
      (file.messages as LuxembourgMessage[]).map(
        (message) => `${message.actual ?? ''}@${message.context ?? ''}`,
      ),
    ).toEqual(['kiddie porn@mention', 'child pornography@']);
  });
});
