import { describe, expect, it } from 'vitest';
import { found, lintTest } from './helpers.js';
import { lintMarkdown } from './markdown-host.js';
import type { LuxembourgMessage } from '../src/lib/types.js';

const skipped = { reportSkipped: true } as const;

describe('legal-title', () => {
  it('skips a title from the list, whatever its case, hyphens and spacing', () => {
    const text =
      'The Optional Protocol to the Convention on the Rights of the Child on the Sale of Children, Child-Prostitution and child\u00a0pornography entered into force.';
    expect(found(text)).toEqual([]);
    expect(found(text, skipped)).toEqual([
      'child-prostitute:Child-Prostitution@legal-title',
      'child-pornography:child\u00a0pornography@legal-title',
    ]);
  });

  it('skips a Title Case run cued by a title word', () => {
    expect(found('He was charged under the Child Pornography Prevention Act.', skipped)).toEqual([
      'child-pornography:Child Pornography@legal-title',
    ]);
    expect(found('The Financial Coalition Against Child Pornography met.')).toEqual([]);
  });

  it('skips a lower-case subject after a cue and an opener', () => {
    expect(
      found(
        'She served as Special Rapporteur on the sale of children, child prostitution and child pornography until 2014.',
      ),
    ).toEqual([]);
    expect(
      found(
        'The Protocol on the sale of children, child prostitution and child pornography applies.',
      ),
    ).toEqual([]);
    expect(
      found(
        'Directive 2011/93/EU on combating the sexual abuse and sexual exploitation of children and child pornography replaced it.',
      ),
    ).toEqual([]);
  });

  it('does not read a lone cue word opening a sentence, or any phrase after a title, as a title', () => {
    expect(found('Part of the child pornography collection was deleted.')).toEqual([
      'child-pornography:child pornography',
    ]);
    expect(found('The Court of Appeal in child pornography cases has ruled.')).toEqual([
      'child-pornography:child pornography',
    ]);
    expect(
      found(
        'The Special Rapporteur on the Sale of Children, child prostitution and child pornography spoke.',
      ),
    ).toEqual([]);
  });

  it('stops the subject of a title at words that cannot belong to one', () => {
    expect(found('The Rapporteur on trafficking warned that child pornography is rising.')).toEqual(
      ['child-pornography:child pornography'],
    );
  });

  it('skips a mid-sentence proper name that is larger than the match', () => {
    expect(found('ECPAT began as End Child Prostitution in Asian Tourism.')).toEqual([]);
    expect(found('Volunteers of Stop Child Pornography Now marched.')).toEqual([]);
  });

  it('tells a headline with a cue word from a title', () => {
    expect(found('New Law Targets Child Pornography')).toEqual([
      'child-pornography:Child Pornography',
    ]);
    expect(found('Police Unit Cracks Child Porn Ring')).toEqual(['child-porn:Child Porn']);
    expect(found('Child Porn Ring Busted by Police Unit')).toEqual(['child-porn:Child Porn']);
    expect(found('The Child Pornography Act 1996 applies.')).toEqual([]);
  });

  it('reads no title into text in capitals, except through the list or a cue and opener', () => {
    expect(found('THE CHILD PORNOGRAPHY UNIT WAS RENAMED')).toEqual([
      'child-pornography:CHILD PORNOGRAPHY',
    ]);
    expect(found('VOLUNTEERS OF STOP CHILD PORNOGRAPHY NOW MARCHED')).toEqual([
      'child-pornography:CHILD PORNOGRAPHY',
    ]);
    expect(found('THE COALITION AGAINST CHILD PORNOGRAPHY MET')).toEqual([]);
  });

  it('does not let any capitalised word make a title', async () => {
    expect(found('The CHILD PORNOGRAPHY unit was renamed.')).toEqual([
      'child-pornography:CHILD PORNOGRAPHY',
    ]);
    expect(found('Child Pornography was found on the server.')).toEqual([
      'child-pornography:Child Pornography',
    ]);
    expect(found('The Child Pornography found on the drives was reported.')).toEqual([
      'child-pornography:Child Pornography',
    ]);
    expect(found('Police seized Child Pornography.')).toEqual([
      'child-pornography:Child Pornography',
    ]);
    const heading = await lintMarkdown('# Child Pornography Cases Rise\n\nText.');
    expect(heading.messages.map((message) => message.ruleId)).toEqual(['child-pornography']);
  });
});

describe('quotation', () => {
  it.each([
    ['"We will not tolerate child pornography," the minister said.'],
    ['\u201CChild prostitution is a crime,\u201D the poster read.'],
    ['He said \u2018child pornography\u2019 twice.'],
    ["He wrote 'child porn' on the board."],
    ['\u00ABchild porn\u00BB, she wrote.'],
  ])('skips %j', (text) => {
    const file = lintTest(text, skipped);
    expect(file.messages.map((message) => (message as LuxembourgMessage).context)).toEqual([
      'quotation',
    ]);
    expect(lintTest(text).messages).toEqual([]);
  });

  it('still flags text after a closed quotation and around apostrophes', () => {
    expect(found('"Enough," she said of the child pornography.')).toEqual([
      'child-pornography:child pornography',
    ]);
    expect(found("The workers' union saw child pornography, the officers' report said.")).toEqual([
      'child-pornography:child pornography',
    ]);
  });

  it('does not open a quotation at an elided year', () => {
    expect(found("In the '90s child porn spread, the workers' union said.")).toEqual([
      'child-porn:child porn',
    ]);
  });

  it('skips a paragraph that opens a quotation without closing it (continued quotation)', () => {
    expect(found('"The defendant kept child pornography at home.\n\n"He denied it."')).toEqual([]);
  });

  it('reads block quotations from file.data.luxembourgQuoteRanges', async () => {
    const file = await lintMarkdown(
      '> The defendant possessed child pornography.\n\nThe court\u2019s wording is quoted above.',
      skipped,
    );
    expect((file.messages as LuxembourgMessage[]).map((message) => message.context)).toEqual([
      'quotation',
    ]);
  });
});

describe('mention', () => {
  it.each([
    ['The term "sextortion" can minimise the harm.', 'sextortion:sextortion@mention'],
    [
      'So-called child pornography is in fact a record of abuse.',
      'child-pornography:child pornography@mention',
    ],
    ['So called child pornography is abuse.', 'child-pornography:child pornography@mention'],
    ["The so-called 'child sex tourists' flew in.", 'child-sex-tourism:child sex tourists@mention'],
    ['The word \u201Cchild porn\u201D is wrong.', 'child-porn:child porn@mention'],
    ['Terms such as child prostitute mislead.', 'child-prostitute:child prostitute@mention'],
  ])('skips %j', (text, expected) => {
    expect(found(text, skipped)).toEqual([expected]);
    expect(found(text)).toEqual([]);
  });

  it('reads a mention after an appositive comma or a colon', () => {
    expect(found('The older term, child pornography, faded.', skipped)).toEqual([
      'child-pornography:child pornography@mention',
    ]);
    expect(found('They use the word: "sextortion".', skipped)).toEqual([
      'sextortion:sextortion@mention',
    ]);
  });

  it('carries a mention along a list of mentioned terms', () => {
    expect(
      found('Avoid the terms "child prostitute" and "child pornography" in reports.', skipped),
    ).toEqual([
      'child-prostitute:child prostitute@mention',
      'child-pornography:child pornography@mention',
    ]);
  });

  it('does not read a compound ending in a cue word as a cue', () => {
    expect(found('They studied the long-term child porn trade.')).toEqual([
      'child-porn:child porn',
    ]);
  });

  it('is not a mention without a cue', () => {
    expect(found('The term ended; child pornography was then found.')).toEqual([
      'child-pornography:child pornography',
    ]);
  });
});

describe('adult', () => {
  it('skips a bare form after an adult cue', () => {
    expect(found('The adult pornography industry is regulated differently.', skipped)).toEqual([
      'pornography-bare:pornography@adult',
    ]);
    expect(found('The adult pornography industry is regulated differently.')).toEqual([]);
  });
});

describe('adult cues and consent-implying forms', () => {
  it('reads an adult cue after an article as the subject when a child is indicated', () => {
    expect(found('The adult had sex with a 15-year-old.')).toEqual([
      'consent-phrasing:had sex with',
    ]);
    expect(found('He described adult consensual relationship with a girl.', skipped)).toEqual([
      'consent-phrasing:consensual relationship@adult',
    ]);
  });
});

describe('preferred', () => {
  it('never flags preferred terms, their abbreviations or alternatives', () => {
    expect(found('Police seized child sexual abuse material (CSAM) from the suspect.')).toEqual([]);
    expect(found('Images of child sexual exploitation were shared.')).toEqual([]);
  });

  it('still flags a discouraged phrase that contains a preferred one', () => {
    expect(found('Child sex workers and sex workers marched.')).toEqual([
      'child-sex-worker:Child sex workers',
    ]);
  });

  it('skips a form overlapping a longer preferred phrase', () => {
    // `pornography` alone is a form of the test data, `child sexual abuse material` is preferred.
    expect(found('It is pornography', skipped)).toEqual(['pornography-bare:pornography']);
    expect(found('Say sexual exploitation of children in travel and tourism.')).toEqual([]);
  });
});

describe('allowed', () => {
  it('skips matches inside allowed phrases, case-insensitively, as literal text', () => {
    const options = { allow: ['Child Porn Task Force', 'a.*'] };
    expect(found('The child porn task force met. Child porn is abuse.', options)).toEqual([
      'child-porn:Child porn',
    ]);
    expect(found('The child porn task force met.', { ...options, reportSkipped: true })).toEqual([
      'child-porn:child porn@allowed',
    ]);
  });
});

describe('near: child (consent-implying phrasing)', () => {
  it('reports when the sentence indicates a child by age or by word', () => {
    expect(found('The teacher had sex with a 14-year-old pupil, prosecutors said.')).toEqual([
      'consent-phrasing:had sex with',
    ]);
    expect(
      found('The accused described it as a consensual relationship with the 13-year-old.'),
    ).toEqual(['consent-phrasing:consensual relationship']);
    expect(found('He had sex with a girl he met online.')).toEqual([
      'consent-phrasing:had sex with',
    ]);
    expect(found('He had sex with her when she was aged 15.')).toEqual([
      'consent-phrasing:had sex with',
    ]);
    expect(found('He had sex with her when she was 15 years old.')).toEqual([
      'consent-phrasing:had sex with',
    ]);
  });

  it('reads ages written in words and upper bounds', () => {
    expect(found('He had sex with a fourteen-year-old.')).toEqual([
      'consent-phrasing:had sex with',
    ]);
    expect(found('He had sex with people under 16.')).toEqual(['consent-phrasing:had sex with']);
    expect(found('He had sex with someone under the age of 18.')).toEqual([
      'consent-phrasing:had sex with',
    ]);
    expect(found('He had sex with someone under the age of 21.')).toEqual([]);
    expect(found('He had sex with a nineteen-year-old.')).toEqual([]);
  });

  it('reports nothing when no child is indicated in the same sentence', () => {
    expect(found('The couple had sex with the lights on.', skipped)).toEqual([]);
    expect(found('He had sex with a 24-year-old colleague.')).toEqual([]);
    expect(found('The girl left. They had sex with the door open.')).toEqual([]);
    expect(found('They had a consensual relationship for years.')).toEqual([]);
  });
});
