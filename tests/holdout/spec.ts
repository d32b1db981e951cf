/**
 * The hand-written judgement behind tests/fixtures/holdout/annotations.jsonl: for each document,
 * what a careful editor following the dataset's stances would flag, and what must never get a
 * warning. Offsets are not written here: build-annotations.ts finds them with indexOf.
 *
 * An expected item is `[match, stance]` when `match` occurs once in the document, or
 * `[match, stance, snippet]` where `snippet` occurs once and contains `match`.
 * A protected item is `[text, kind]`; every occurrence of `text` is protected.
 */
export type Stance = 'avoid' | 'caution';
export type Kind =
  'title' | 'quotation' | 'mention' | 'adult_or_general' | 'preferred' | 'trap' | 'code' | 'url';

export interface DocumentSpec {
  readonly file: string;
  readonly expected: ReadonlyArray<readonly [string, Stance] | readonly [string, Stance, string]>;
  readonly protect: ReadonlyArray<readonly [string, Kind]>;
}

export const specs: readonly DocumentSpec[] = [
  {
    file: '01-raid-laptops.md',
    expected: [
      ['child pornography', 'avoid'],
      ['paedophile', 'caution'],
    ],
    protect: [['You hear about kiddie porn on the news', 'quotation']],
  },
  {
    file: '02-court-summary.md',
    expected: [['child pornography', 'avoid', 'noted that possession of child pornography']],
    protect: [
      ['"possessing child pornography"', 'quotation'],
      ['"accessing child pornography"', 'quotation'],
      ['Sex Offender Information Registration Act', 'title'],
    ],
  },
  {
    file: '03-opsc-policy.md',
    expected: [['child prostitution', 'avoid', 'efforts against child prostitution']],
    protect: [
      [
        'Optional Protocol to the Convention on the Rights of the Child on the sale of children, child prostitution and child pornography',
        'title',
      ],
      ['"child pornography"', 'quotation'],
      [
        'Directive 2011/93/EU on combating the sexual abuse and sexual exploitation of children and child pornography',
        'title',
      ],
      ['child sexual abuse material', 'preferred'],
      ['children exploited in prostitution', 'preferred'],
    ],
  },
  {
    file: '04-special-rapporteur.md',
    expected: [],
    protect: [
      [
        'Special Rapporteur on the sale of children, child prostitution and child pornography',
        'title',
      ],
      [
        'Special Rapporteur on the sale and sexual exploitation of children, including child prostitution, child pornography and other child sexual abuse material',
        'title',
      ],
      [
        'special rapporteur on the sale of children, child prostitution and child pornography',
        'title',
      ],
      ['"child prostitutes"', 'quotation'],
      ['children exploited in prostitution', 'preferred'],
    ],
  },
  {
    file: '05-ecpat-history.md',
    expected: [['child sex tourism', 'avoid']],
    protect: [
      ['End Child Prostitution in Asian Tourism', 'title'],
      [
        'End Child Prostitution, Child Pornography and Trafficking of Children for Sexual Purposes',
        'title',
      ],
      ['Sex tourism in general', 'adult_or_general'],
      ['adult sex workers', 'adult_or_general'],
      ['groups of sex workers', 'adult_or_general'],
      ['sexual exploitation of children in travel and tourism', 'preferred'],
    ],
  },
  {
    file: '06-us-cppa.md',
    expected: [['AI child pornography', 'avoid']],
    protect: [
      ['Child Pornography Prevention Act', 'title'],
      ['AI-generated child sexual abuse material', 'preferred'],
    ],
  },
  {
    file: '07-uk-poca.md',
    expected: [],
    protect: [
      ['Protection of Children Act 1978', 'title'],
      ['"indecent images of children"', 'preferred'],
      ['pseudo-photograph', 'trap'],
      ['revenge porn', 'mention'],
    ],
  },
  {
    file: '08-australia-code.md',
    expected: [],
    protect: [
      ['Criminal Code Act 1995', 'title'],
      ['"child pornography material"', 'quotation'],
      ['the term child pornography material', 'mention'],
      ['"child abuse material"', 'preferred'],
      ['Australian Centre to Counter Child Exploitation', 'title'],
      ['online child sexual exploitation', 'preferred'],
    ],
  },
  {
    file: '09-platform-transparency.md',
    expected: [
      ['sextortion', 'caution'],
      ['online predators', 'avoid'],
    ],
    protect: [['child sexual abuse material', 'preferred']],
  },
  {
    file: '10-tourism-statistics.md',
    expected: [],
    protect: [
      ['sex tourism in general', 'adult_or_general'],
      ['brothels are licensed for adults', 'adult_or_general'],
    ],
  },
  {
    file: '11-coach-scandal.md',
    expected: [
      ['had sex with', 'caution', 'had sex with a 15-year-old gymnast'],
      ['historical abuse', 'avoid'],
    ],
    protect: [
      ['consensual relationship', 'trap'],
      ['"relationship"', 'quotation'],
      ['sexually assaulted', 'preferred'],
      ['groomed', 'preferred'],
    ],
  },
  {
    file: '12-adult-industry-policy.md',
    expected: [],
    protect: [
      ['sex workers in the adult industry', 'adult_or_general'],
      ['adult pornography', 'adult_or_general'],
      ['Adult pornography', 'adult_or_general'],
      ["Porn stars' privacy", 'adult_or_general'],
      ['porn stars', 'adult_or_general'],
      ["Sex workers' rights", 'adult_or_general'],
      ['consenting adult sex work', 'adult_or_general'],
      ['sex trafficking', 'adult_or_general'],
      ['sex workers into', 'adult_or_general'],
      ['child sexual abuse material', 'preferred'],
    ],
  },
  {
    file: '13-pet-grooming.md',
    expected: [],
    protect: [
      ['dog grooming', 'trap'],
      ['Pawfect Grooming', 'trap'],
      ['groomers', 'trap'],
      ['"junior groomer"', 'trap'],
      ['cat grooming', 'trap'],
      ['be groomed', 'trap'],
    ],
  },
  {
    file: '14-bridal-hair.md',
    expected: [],
    protect: [
      ['The groom and groomsmen', 'trap'],
      ['beard grooming', 'trap'],
      ['grooming appointments', 'trap'],
      ['flower girl', 'trap'],
      ['the bride', 'trap'],
    ],
  },
  {
    file: '15-cerebral-palsy.md',
    expected: [],
    protect: [
      ['(CP)', 'trap'],
      ['CP affects', 'trap'],
      ['spastic CP', 'trap'],
      ['child with CP', 'trap'],
    ],
  },
  {
    file: '16-clinical-abstract.md',
    expected: [],
    protect: [
      ['Pedophilic disorder', 'trap'],
      ['pedophilic disorder', 'trap'],
      ['sexual interest in children', 'trap'],
      ['paraphilia', 'trap'],
      ['child sexual abuse material', 'preferred'],
      ['CSAM', 'preferred'],
    ],
  },
  {
    file: '17-terminology-research.md',
    expected: [],
    protect: [
      ['the term "child pornography"', 'mention'],
      ['so-called "child prostitution"', 'mention'],
      ['labels such as child sex worker', 'mention'],
      ['had child porn in the headline', 'mention'],
      ['the phrase kiddie porn', 'mention'],
      ['the phrase child sexual abuse material', 'preferred'],
    ],
  },
  {
    file: '18-oped-minister.md',
    expected: [['child sex tourism', 'avoid']],
    protect: [
      ['"wipe out child prostitution in this city within two years"', 'quotation'],
      ['"child prostitutes"', 'quotation'],
      ['children exploited in prostitution', 'preferred'],
    ],
  },
  {
    file: '19-news-in-brief.md',
    expected: [
      ['CHILD PORN', 'avoid'],
      ['PAEDO', 'caution'],
      ['Historic Child Abuse', 'avoid'],
      ['CHILD SEX TOURIST', 'avoid'],
      ['Sextortion', 'caution'],
    ],
    protect: [['sex offenders register', 'preferred']],
  },
  {
    file: '20-markdown-features.md',
    expected: [
      ['child porn sites', 'avoid', '[child porn sites]'],
      ['child *pornography*', 'avoid'],
      ['**child porn**ography', 'avoid'],
    ],
    protect: [
      ['*child* sexual abuse material', 'preferred'],
      ['Do not write *child pornography*', 'mention'],
      ['https://example.org/news/2023/child-porn-sites-shut-down', 'url'],
      ['| child pornography |', 'mention'],
      ['| child prostitute |', 'mention'],
      ['grep -ri "child porn" archive/', 'code'],
      ['`child-pornography`', 'code'],
      ['*child sexual abuse material (CSAM)*', 'preferred'],
    ],
  },
  {
    file: '21-variants-linebreaks.md',
    expected: [
      ['child-sex tourism', 'avoid'],
      ['child\nprostitution', 'avoid'],
      ['paedophiles', 'caution'],
      ['pedophile', 'caution'],
      ['childporn', 'avoid'],
      ['webcam sex tourism', 'avoid'],
    ],
    protect: [],
  },
  {
    file: '22-possessives.md',
    expected: [
      ["child pornographers'", 'avoid'],
      ["child prostitute's", 'avoid'],
    ],
    protect: [
      ['called child prostitutes', 'mention'],
      ['labels such as "paedophile"', 'mention'],
      ["The paedophile's mindset is a tabloid idea", 'quotation'],
      ['children exploited in prostitution', 'preferred'],
    ],
  },
  {
    file: '23-consent-children.md',
    expected: [
      ['sexual relationship', 'caution'],
      ['having sex with', 'caution'],
      ['affair with', 'caution'],
    ],
    protect: [
      ['"mature for her age"', 'quotation'],
      ['position of trust', 'preferred'],
    ],
  },
  {
    file: '24-consent-adults.md',
    expected: [],
    protect: [
      ['affair with a married colleague', 'adult_or_general'],
      ['sexual relationship with the 41-year-old officer', 'adult_or_general'],
      ['"consensual throughout"', 'adult_or_general'],
      ['relationship with his student', 'adult_or_general'],
      ['had sex with other partners', 'adult_or_general'],
    ],
  },
  {
    file: '25-child-marriage.md',
    expected: [
      ['child brides', 'caution', 'The child brides our researchers'],
      ['early marriage', 'caution', 'early marriage of girls'],
    ],
    protect: [
      ['"child brides"', 'quotation'],
      ['"a child bride radiant in red"', 'quotation'],
      ['Child marriage', 'preferred'],
      ['Forced marriage', 'preferred'],
      ['Child, early and forced marriage (CEFM)', 'preferred'],
    ],
  },
  {
    file: '26-trafficking-report.md',
    expected: [
      ['Child sex trafficking', 'caution'],
      ['Pimps', 'caution'],
    ],
    protect: [
      ['sex trafficking involving adult women', 'adult_or_general'],
      ['trafficking of children for sexual purposes', 'preferred'],
    ],
  },
  {
    file: '27-school-sexting.md',
    expected: [['sexting', 'caution', 'involved in sexting']],
    protect: [['sexting between consenting partners', 'adult_or_general']],
  },
  {
    file: '28-sentencing-blockquote.md',
    expected: [['kiddie porn', 'avoid']],
    protect: [
      ['You are, on your own admission, a paedophile.', 'quotation'],
      ['You collected child pornography of the most', 'quotation'],
    ],
  },
  {
    file: '29-juvenile-justice.md',
    expected: [
      ['juvenile sex offenders', 'avoid'],
      ['adolescent sex offenders', 'avoid'],
    ],
    protect: [
      ['Juvenile Sex Offender Registration Program', 'title'],
      ['children who display harmful sexual behaviour', 'preferred'],
    ],
  },
  {
    file: '30-ngo-annual.md',
    expected: [],
    protect: [
      ['child sexual abuse material (CSAM)', 'preferred'],
      ['sexual exploitation of children in travel and tourism', 'preferred'],
      ['travelling child sex offender', 'preferred'],
      ['children exploited in prostitution', 'preferred'],
      ['online grooming', 'preferred'],
      ['sexual extortion of children', 'preferred'],
    ],
  },
  {
    file: '31-interpol-operation.md',
    expected: [],
    protect: [
      ['International Child Sexual Exploitation database', 'title'],
      ['travelling sex offenders', 'preferred'],
    ],
  },
  {
    file: '32-ai-deepfakes.md',
    expected: [['simulated child pornography', 'avoid']],
    protect: [
      ['"AI child porn"', 'quotation'],
      ['Deepfake porn of adult celebrities', 'adult_or_general'],
      ['AI-generated child sexual abuse material', 'preferred'],
    ],
  },
  {
    file: '33-parliament-debate.md',
    expected: [['child pornography', 'avoid', 'possessing child pornography']],
    protect: [
      ['Child Trafficking and Pornography Act 1998', 'title'],
      [
        '"For too long our laws have spoken of child pornography as if it were a kind of pornography,"',
        'quotation',
      ],
      ['"child sexual abuse material"', 'preferred'],
    ],
  },
  {
    file: '34-inquiry-history.md',
    expected: [['historic abuse', 'avoid']],
    protect: [
      ['Independent Inquiry into Child Sexual Abuse', 'title'],
      ['non-recent abuse', 'preferred'],
      ['sexual exploitation of children', 'preferred'],
      ['child sexual abuse', 'preferred'],
    ],
  },
  {
    file: '35-wildlife-trap.md',
    expected: [],
    protect: [
      ['"predators and prey"', 'trap'],
      ['predators matter', 'trap'],
      ['sex of the hatchlings', 'trap'],
      ['"monster munch"', 'trap'],
      ['monster trail', 'trap'],
    ],
  },
  {
    file: '36-travel-advisory.md',
    expected: [
      ['Sex tourism involving children', 'avoid'],
      ['Child sex tourists', 'avoid'],
      ['age of consent', 'caution'],
    ],
    protect: [
      ['Prostitution between adults', 'adult_or_general'],
      ['Same-sex relationships between adults', 'adult_or_general'],
    ],
  },
  {
    file: '37-tabloid.md',
    expected: [
      ['SEX BEAST', 'caution'],
      ['evil monster', 'caution', 'fury as evil monster'],
      ['evil monster', 'caution', 'The evil monster, 52'],
      ['paedo', 'caution', 'The paedo was caught'],
    ],
    protect: [
      ['We need to know where these predators live.', 'quotation'],
      ['monster truck collection', 'trap'],
      ['groomed', 'preferred'],
    ],
  },
  {
    file: '38-fact-check.md',
    expected: [],
    protect: [['"known pedo"', 'quotation']],
  },
  {
    file: '39-police-advice.md',
    expected: [],
    protect: [
      ['Online grooming', 'preferred'],
      ['Groomers', 'preferred'],
      ['being groomed', 'preferred'],
      ['Sexual extortion of children', 'preferred'],
    ],
  },
  {
    file: '40-legal-instruments-lowercase.md',
    expected: [],
    protect: [
      [
        'optional protocol on the sale of children, child prostitution and child pornography',
        'title',
      ],
      ['offences concerning child prostitution', 'title'],
      ['offences concerning child pornography', 'title'],
      [
        'EU Directive on combating the sexual abuse and sexual exploitation of children and child pornography',
        'title',
      ],
      ['"Child Prostitution"', 'quotation'],
      ['ILO Worst Forms of Child Labour Convention', 'title'],
      ['use, procuring or offering of a child for prostitution', 'title'],
    ],
  },
  {
    file: '41-prostituted-pimp.md',
    expected: [
      ['prostituted children', 'caution'],
      ['pimp', 'caution', 'a pimp who recruited'],
      ['older boyfriend', 'caution'],
    ],
    protect: [
      ['consent to sex', 'trap'],
      ['child sex offenders', 'preferred'],
      ['Adult women who sell sex', 'adult_or_general'],
    ],
  },
  {
    file: '42-charges-quoted.md',
    expected: [],
    protect: [
      ['"using a minor in a sexual performance"', 'quotation'],
      ['"promotion of child pornography"', 'quotation'],
      ['"solicitation of a minor"', 'quotation'],
      ['"NO MERCY FOR CHILD PREDATORS"', 'quotation'],
    ],
  },
  {
    file: '43-asia-statutes.md',
    expected: [['child pornography', 'avoid', 'write about child pornography dens']],
    protect: [
      ['Anti-Child Pornography Act of 2009', 'title'],
      [
        'Act on Regulation and Punishment of Acts Relating to Child Prostitution and Child Pornography, and the Protection of Children',
        'title',
      ],
      [
        '"Certain activities relating to material constituting or containing child pornography"',
        'title',
      ],
      [
        'Optional Protocol on the sale of children, child prostitution and child pornography',
        'title',
      ],
      [
        'https://www.ohchr.org/en/instruments-mechanisms/instruments/optional-protocol-convention-rights-child-sale-children-child',
        'url',
      ],
    ],
  },
  {
    file: '44-title-case-headlines.md',
    expected: [
      ['Child Pornography', 'avoid'],
      ['Child Prostitution', 'avoid'],
      ['Child Sex Tourism', 'avoid'],
    ],
    protect: [],
  },
  {
    file: '45-long-quote-paragraphs.md',
    expected: [],
    protect: [
      ['To them I was a child prostitute, not a child.', 'quotation'],
      ["'We still hear officers talk about kiddie porn as if it were a joke,'", 'quotation'],
    ],
  },
  {
    file: '46-variant-spellings.md',
    expected: [
      ['child porn', 'avoid', 'child porn-related'],
      ['sextorted', 'caution'],
      ['pedophile', 'caution'],
      ['KIDDIE-PORN', 'avoid'],
    ],
    protect: [
      ['"sextortion"', 'quotation'],
      ['Child Pornography and Obscenity Squad', 'title'],
    ],
  },
  {
    file: '47-adult-near-child-traps.md',
    expected: [],
    protect: [
      ['support sex workers', 'adult_or_general'],
      ['"People think sex workers don\'t have families,"', 'quotation'],
      ['sex workers can bring their children', 'adult_or_general'],
      ['"Adult sex work is not our priority; exploitation is,"', 'quotation'],
    ],
  },
  {
    file: '48-lists-fragments.md',
    expected: [
      ['child pornography', 'avoid', 'child pornography offences'],
      ['child prostitution', 'avoid', '- child prostitution and related'],
    ],
    protect: [
      ['"child prostitution"', 'mention'],
      ['sexual assault of a child', 'preferred'],
      ['abuse of position of trust', 'preferred'],
      ['"sexual exploitation of children"', 'preferred'],
    ],
  },
  {
    file: '49-cms-export.md',
    expected: [
      ['child pornography', 'avoid', 'possessing child pornography'],
      ['historical child sexual abuse', 'avoid'],
      ['child\u00ADpornography', 'avoid'],
    ],
    protect: [],
  },
  {
    file: '50-shortened-names.md',
    expected: [],
    protect: [
      ['UN special rapporteur on child prostitution and child pornography', 'title'],
      ['"We need our own child pornography act, and we need it now,"', 'quotation'],
      ['*Kiddie Porn: The Hidden Trade*', 'title'],
      ['online child sexual exploitation', 'preferred'],
    ],
  },
  {
    file: '51-mentions-without-cues.md',
    expected: [],
    protect: [
      ['What used to be called child pornography', 'mention'],
      ['Some national laws still use child pornography', 'mention'],
      ['but child prostitution in others', 'mention'],
      ['defines sex trafficking as', 'mention'],
      ['"child prostitution is a thing of the past in our city.', 'quotation'],
      ['child sexual abuse material (CSAM)', 'preferred'],
      ['"sexual exploitation of children"', 'preferred'],
    ],
  },
  {
    file: '52-adult-clauses.md',
    expected: [],
    protect: [
      ['Sex tourism brings money to the resort', 'adult_or_general'],
      ['"I had sex with more tourists last season than I can count,"', 'quotation'],
      ['"The men who come for the younger girls are not tourists,"', 'quotation'],
    ],
  },
];

/**
 * Documents 01–48 were written before the linter was run on anything; these were written after
 * probing it with single sentences, to put the failure patterns found into realistic context.
 * The scorer reports both subsets so that the blind figures stay visible.
 */
export const writtenAfterProbing: ReadonlySet<string> = new Set([
  '49-cms-export.md',
  '50-shortened-names.md',
  '51-mentions-without-cues.md',
  '52-adult-clauses.md',
]);
