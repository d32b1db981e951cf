/**
 * Writes tests/fixtures/eval-cases.jsonl, the project's own evaluation cases.
 *
 * Sentences are written for luxlint (news, NGO, court and policy register); offsets are
 * computed here with indexOf, never typed by hand. Run: `pnpm exec tsx tests/eval/build-cases.ts`.
 * `tests/eval/cases.test.ts` checks the written file against this source.
 */
import { writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { EvalCase, ProtectedKind, Stance } from './cases.js';

/** A flag: the text to find, its stance, and which occurrence (0-based) when it repeats. */
type Flag = readonly [match: string, stance: Stance, occurrence?: number];
type Protect = readonly [text: string, kind: ProtectedKind];

interface Definition {
  readonly category: string;
  readonly text: string;
  readonly flags?: readonly Flag[];
  readonly protect?: readonly Protect[];
}

const A = 'avoid';
const C = 'caution';

const definitions: Definition[] = [
  // ── Flags in plain prose ───────────────────────────────────────────────────────────────
  {
    category: 'flag',
    text: 'Detectives said the hard drives held more than 4,000 files of child pornography.',
    flags: [['child pornography', A]],
  },
  {
    category: 'flag',
    text: 'The trial heard that the defendant had shared child pornography with two other men.',
    flags: [['child pornography', A]],
  },
  {
    category: 'flag',
    text: 'A former scout leader admitted possessing child porn at Leeds Crown Court.',
    flags: [['child porn', A]],
  },
  {
    category: 'flag',
    text: 'Moderators at the platform removed kiddie porn within hours, a spokesperson claimed.',
    flags: [['kiddie porn', A]],
  },
  {
    category: 'flag',
    text: 'He told the chatroom he collected kid porn, according to the indictment.',
    flags: [['kid porn', A]],
  },
  {
    category: 'flag',
    text: 'The senator called for tougher sentences for anyone selling underage porn online.',
    flags: [['underage porn', A]],
  },
  {
    category: 'flag',
    text: 'Customs officers intercepted a parcel of juvenile pornography at the border.',
    flags: [['juvenile pornography', A]],
  },
  {
    category: 'flag',
    text: 'Researchers catalogued forums where pornography involving minors was openly traded.',
    flags: [['pornography involving minors', A]],
  },
  {
    category: 'flag',
    text: 'The prosecution described him as a prolific child pornographer.',
    flags: [['child pornographer', A]],
  },
  {
    category: 'flag',
    text: 'Two child pornographers were jailed in the same week.',
    flags: [['child pornographers', A]],
  },
  {
    category: 'flag',
    text: 'Filters failed to catch child pornographic content uploaded overnight.',
    flags: [['child pornographic', A]],
  },
  {
    category: 'flag',
    text: 'Police found pornographic images of children on a laptop seized from his van.',
    flags: [['pornographic images of children', A]],
  },
  {
    category: 'flag',
    text: 'The charity warned that virtual child pornography is spreading through image generators.',
    flags: [['virtual child pornography', A]],
  },
  {
    category: 'flag',
    text: 'Lawmakers debated whether simulated child pornography should be treated as real abuse imagery.',
    flags: [['simulated child pornography', A]],
  },
  {
    category: 'flag',
    text: 'Child prostitution persists near the bus terminal, a local outreach worker said.',
    flags: [['Child prostitution', A]],
  },
  {
    category: 'flag',
    text: 'The report links teenage prostitution in the district to debt bondage.',
    flags: [['teenage prostitution', A]],
  },
  {
    category: 'flag',
    text: 'The club owner was convicted of organising underage prostitution.',
    flags: [['underage prostitution', A]],
  },
  {
    category: 'flag',
    text: 'Social workers met a child prostitute who had been moved across three provinces.',
    flags: [['child prostitute', A]],
  },
  {
    category: 'flag',
    text: 'Neighbours said teen prostitutes were brought to the house at night.',
    flags: [['teen prostitutes', A]],
  },
  {
    category: 'flag',
    text: 'The documentary follows a juvenile prostitute through the city’s night courts.',
    flags: [['juvenile prostitute', A]],
  },
  {
    category: 'flag',
    text: 'Police rescued an underage prostitute from a hotel near the airport.',
    flags: [['underage prostitute', A]],
  },
  {
    category: 'flag',
    text: 'Charities estimate that thousands of child sex workers live on the streets of the capital.',
    flags: [['child sex workers', A]],
  },
  {
    category: 'flag',
    text: 'The ministry denied that an underage sex worker had been detained at the checkpoint.',
    flags: [['underage sex worker', A]],
  },
  {
    category: 'flag',
    text: 'The island’s reputation for child sex tourism has hurt its hotel trade.',
    flags: [['child sex tourism', A]],
  },
  {
    category: 'flag',
    text: 'A retired teacher was named as a child sex tourist by the court in Phnom Penh.',
    flags: [['child sex tourist', A]],
  },
  {
    category: 'flag',
    text: 'Airlines are training crews to spot child sex tourists on long-haul routes.',
    flags: [['child sex tourists', A]],
  },
  {
    category: 'flag',
    text: 'Investigators say webcam child sex tourism is cheap to run and hard to trace.',
    flags: [['webcam child sex tourism', A]],
  },
  {
    category: 'flag',
    text: 'Treatment programmes for juvenile sex offenders have long waiting lists.',
    flags: [['juvenile sex offenders', A]],
  },
  {
    category: 'flag',
    text: 'The clinic works with adolescent sex offenders referred by the courts.',
    flags: [['adolescent sex offenders', A]],
  },
  {
    category: 'flag',
    text: 'Schools were warned about sextortion after a spike in reports from pupils.',
    flags: [['sextortion', C]],
  },
  {
    category: 'flag',
    text: 'The 15-year-old was sextorted by a man posing as a girl his age.',
    flags: [['sextorted', C]],
  },
  {
    category: 'flag',
    text: 'Residents protested outside the home of a convicted paedophile.',
    flags: [['paedophile', C]],
  },
  {
    category: 'flag',
    text: 'The tabloid ran a photo of the alleged pedophile on its front page.',
    flags: [['pedophile', C]],
  },
  {
    category: 'flag',
    text: 'Police broke up a paedophile ring operating across four counties.',
    flags: [['paedophile', C]],
  },
  {
    category: 'flag',
    text: 'The coach was described by neighbours as a child molester.',
    flags: [['child molester', C]],
  },
  {
    category: 'flag',
    text: 'Archive footage showed collections of child erotica seized in the 1990s.',
    flags: [['child erotica', C]],
  },
  {
    category: 'flag',
    text: 'In some regions child brides are withdrawn from school at twelve.',
    flags: [['child brides', C]],
  },
  {
    category: 'flag',
    text: 'Campaigners say early marriage keeps girls out of secondary education.',
    flags: [['early marriage', C]],
  },
  {
    category: 'flag',
    text: 'The inquiry into historical abuse at the boarding school will report next year.',
    flags: [['historical abuse', A]],
  },
  {
    category: 'flag',
    text: 'The paper described the 14-year-old as the teacher’s schoolgirl lover.',
    flags: [['schoolgirl lover', A]],
  },
  {
    category: 'flag',
    text: 'A sexual predator used the game’s chat to contact children, police said.',
    flags: [['sexual predator', A]],
  },
  {
    category: 'flag',
    text: 'Parents were urged to watch for online predators in gaming apps.',
    flags: [['online predators', A]],
  },
  {
    category: 'flag',
    text: 'Prosecutors said the 12-year-old was groomed through child sex trafficking networks.',
    flags: [['child sex trafficking', C]],
  },
  {
    category: 'flag',
    text: 'The leaflet claimed the boy had put himself at risk by going to the party.',
    flags: [['put himself at risk', C]],
  },

  // ── Inflections, possessives, variants, case ──────────────────────────────────────────
  {
    category: 'flag',
    text: 'One child prostitute’s account was read to the tribunal in full.',
    flags: [['child prostitute’s', A]],
  },
  {
    category: 'flag',
    text: 'The child prostitutes’ families were never told where they had been taken.',
    flags: [['child prostitutes’', A]],
  },
  {
    category: 'flag',
    text: "The inquiry examined a child sex tourist's travel records over six years.",
    flags: [["child sex tourist's", A]],
  },
  {
    category: 'flag',
    text: 'He admitted running a child-pornography site from a rented flat.',
    flags: [['child-pornography', A]],
  },
  {
    category: 'flag',
    text: 'Child-prostitution rings were dismantled in a joint operation.',
    flags: [['Child-prostitution', A]],
  },
  {
    category: 'flag',
    text: 'The agency published a child\u00A0pornography awareness leaflet in May.',
    flags: [['child\u00A0pornography', A]],
  },
  {
    category: 'flag',
    text: 'A child\u2011sex\u2011tourism investigation opened in Manila last week.',
    flags: [['child\u2011sex\u2011tourism', A]],
  },
  {
    category: 'flag',
    text: 'The hotel chain trained staff to report child\u2010prostitution on its premises.',
    flags: [['child\u2010prostitution', A]],
  },
  {
    category: 'flag',
    text: 'Officers believe the server was used to store child\npornography for several years.',
    flags: [['child\npornography', A]],
  },
  {
    category: 'flag',
    text: 'The resort was known for child sex\ntourism long before the new law.',
    flags: [['child sex\ntourism', A]],
  },
  {
    category: 'flag',
    text: 'The ring lured children into child   prostitution with promises of work.',
    flags: [['child   prostitution', A]],
  },
  {
    category: 'flag',
    text: 'CHILD PORNOGRAPHY CHARGES DROPPED, the headline read in block capitals.',
    flags: [['CHILD PORNOGRAPHY', A]],
  },
  {
    category: 'flag',
    text: 'Child Sex Tourism Is Rising, Agency Warns',
    flags: [['Child Sex Tourism', A]],
  },
  {
    category: 'flag',
    text: 'The file lists kiddy porn among the items seized.',
    flags: [['kiddy porn', A]],
  },
  {
    category: 'flag',
    text: 'Networks trading child porn and child prostitution often overlap, analysts say.',
    flags: [
      ['child porn', A],
      ['child prostitution', A],
    ],
  },
  {
    category: 'flag',
    text: 'Child pornography offences rose by a third; child pornography arrests rose too.',
    flags: [
      ['Child pornography', A, 0],
      ['child pornography', A, 0],
    ],
  },
  {
    category: 'flag',
    text: 'Teen sex workers and child sex tourists were both mentioned in the police briefing.',
    flags: [
      ['Teen sex workers', A],
      ['child sex tourists', A],
    ],
  },

  // ── Markdown structure ────────────────────────────────────────────────────────────────
  {
    category: 'flag',
    text: '## Child prostitution in port cities\n\nA new survey covers five harbours.',
    flags: [['Child prostitution', A]],
  },
  {
    category: 'flag',
    text: '# Annual review\n\nReports of **child porn** sharing rose sharply in the second half.',
    flags: [['child porn', A]],
  },
  {
    category: 'flag',
    text: 'The unit reviews _child pornography_ referrals from abroad.',
    flags: [['child pornography', A]],
  },
  {
    category: 'flag',
    text: 'The court heard how *child* pornography was sold on the forum.',
    flags: [['child* pornography', A]],
  },
  {
    category: 'flag',
    text: '| Country | Issue |\n| --- | --- |\n| Kenya | child sex tourism |\n| Brazil | child labour |',
    flags: [['child sex tourism', A]],
  },
  {
    category: 'flag',
    text: '| Year | Cases of child prostitution |\n|---|---|\n| 2021 | 14 |',
    flags: [['child prostitution', A]],
  },
  {
    category: 'flag',
    text: 'Findings:\n\n- rising sextortion among boys\n- more reports from schools',
    flags: [['sextortion', C]],
  },
  {
    category: 'flag',
    text: '1. Online grooming\n2. Child pornography distribution\n3. Trafficking',
    flags: [['Child pornography', A]],
    protect: [['Online grooming', 'preferred']],
  },
  {
    category: 'flag',
    text: 'Key terms\n---------\n\nThe officer kept calling them child prostitutes.',
    flags: [['child prostitutes', A]],
  },
  {
    category: 'flag',
    text: 'See the [report on child sex tourism](https://example.org/report) for details.',
    flags: [['child sex tourism', A]],
  },
  {
    category: 'flag',
    text: '> Editor’s note: this story was updated.\n\nThe boy was described as a child sex worker in early drafts.',
    flags: [['child sex worker', A]],
  },

  // ── Legal titles, mandates, organisations ─────────────────────────────────────────────
  {
    category: 'legal_title',
    text: 'Both countries ratified the Optional Protocol on the Sale of Children, Child Prostitution and Child Pornography within a year of each other.',
    protect: [
      [
        'Optional Protocol on the Sale of Children, Child Prostitution and Child Pornography',
        'title',
      ],
    ],
  },
  {
    category: 'legal_title',
    text: 'In its concluding observations, the committee referred to the Optional Protocol to the Convention on the Rights of the Child on the sale of children, child prostitution and child pornography and asked for updated data.',
    protect: [
      [
        'Optional Protocol to the Convention on the Rights of the Child on the sale of children, child prostitution and child pornography',
        'title',
      ],
    ],
  },
  {
    category: 'legal_title',
    text: 'The Special Rapporteur on the sale and sexual exploitation of children, including child prostitution, child pornography and other child sexual abuse material visited the country in 2019.',
    protect: [
      [
        'Special Rapporteur on the sale and sexual exploitation of children, including child prostitution, child pornography and other child sexual abuse material',
        'title',
      ],
    ],
  },
  {
    category: 'legal_title',
    text: 'Her predecessor held the post of Special Rapporteur on the sale of children, child prostitution and child pornography for six years.',
    protect: [
      [
        'Special Rapporteur on the sale of children, child prostitution and child pornography',
        'title',
      ],
    ],
  },
  {
    category: 'legal_title',
    text: 'The name ECPAT once stood for End Child Prostitution, Child Pornography and Trafficking of Children for Sexual Purposes.',
    protect: [
      [
        'End Child Prostitution, Child Pornography and Trafficking of Children for Sexual Purposes',
        'title',
      ],
    ],
  },
  {
    category: 'legal_title',
    text: 'The Philippines passed the Anti-Child Pornography Act of 2009 after years of lobbying.',
    protect: [['Anti-Child Pornography Act of 2009', 'title']],
  },
  {
    category: 'legal_title',
    text: 'Restitution was ordered under the Amy, Vicky, and Andy Child Pornography Victim Assistance Act of 2018.',
    protect: [['Amy, Vicky, and Andy Child Pornography Victim Assistance Act of 2018', 'title']],
  },
  {
    category: 'legal_title',
    text: 'Council Framework Decision 2004/68/JHA on combating the sexual exploitation of children and child pornography was later replaced.',
    protect: [
      [
        'Council Framework Decision 2004/68/JHA on combating the sexual exploitation of children and child pornography',
        'title',
      ],
    ],
  },
  {
    category: 'legal_title',
    text: 'Member states had until December 2013 to transpose Directive 2011/93/EU on combating the sexual abuse and sexual exploitation of children and child pornography.',
    protect: [
      [
        'Directive 2011/93/EU on combating the sexual abuse and sexual exploitation of children and child pornography',
        'title',
      ],
    ],
  },
  {
    category: 'legal_title',
    text: 'Critics of the Stop Enabling Sex Traffickers Act said it pushed adult workers offline.',
    protect: [['Stop Enabling Sex Traffickers Act', 'title']],
  },
  {
    category: 'legal_title',
    text: 'The Allow States and Victims to Fight Online Sex Trafficking Act was signed in April 2018.',
    protect: [['Allow States and Victims to Fight Online Sex Trafficking Act', 'title']],
  },
  {
    category: 'legal_title',
    text: 'The Supreme Court struck down parts of the Child Pornography Prevention Act of 1996 in a landmark ruling.',
    protect: [['Child Pornography Prevention Act of 1996', 'title']],
  },
  {
    category: 'legal_title',
    text: 'He was indicted under the Anti-Child Pornography Act and the Cybercrime Prevention Act.',
    protect: [['Anti-Child Pornography Act', 'title']],
  },
  {
    category: 'legal_title',
    text: 'ECPAT International, first launched as End Child Prostitution in Asian Tourism, now works in over a hundred countries.',
    protect: [['End Child Prostitution in Asian Tourism', 'title']],
  },
  {
    category: 'legal_title',
    text: 'Article 3 of the Optional Protocol on the sale of children, child prostitution and child pornography lists the acts states must criminalise, and it remains the main reference.',
    protect: [
      [
        'Optional Protocol on the sale of children, child prostitution and child pornography',
        'title',
      ],
    ],
  },
  {
    category: 'legal_title',
    text: 'The 2002 report of the Special Rapporteur on the sale of children, child prostitution and child pornography focused on the Internet; observers now speak of child sexual abuse material.',
    protect: [
      [
        'Special Rapporteur on the sale of children, child prostitution and child pornography',
        'title',
      ],
      ['child sexual abuse material', 'preferred'],
    ],
  },
  {
    category: 'legal_title',
    text: 'Under the Optional Protocol on the Sale of Children, Child Prostitution and Child Pornography, the state reported in 2015, yet its own press release still spoke of child prostitutes.',
    flags: [['child prostitutes', A]],
    protect: [
      [
        'Optional Protocol on the Sale of Children, Child Prostitution and Child Pornography',
        'title',
      ],
    ],
  },
  {
    category: 'legal_title',
    text: 'The Anti-Child Pornography Act of 2009 is in force, but the minister still talked about child porn on the radio.',
    flags: [['child porn', A]],
    protect: [['Anti-Child Pornography Act of 2009', 'title']],
  },
  {
    category: 'legal_title',
    text: 'The Optional Protocol on the Sale of Children, Child Prostitution and Child Pornography has 178 states parties.',
    protect: [
      [
        'Optional Protocol on the Sale of Children, Child Prostitution and Child Pornography',
        'title',
      ],
    ],
  },
  {
    category: 'legal_title',
    text: 'Funding came from End Child Prostitution, Child Pornography and Trafficking of Children for Sexual Purposes and two local partners.',
    protect: [
      [
        'End Child Prostitution, Child Pornography and Trafficking of Children for Sexual Purposes',
        'title',
      ],
    ],
  },

  // ── Quotations ───────────────────────────────────────────────────────────────────────
  {
    category: 'quotation',
    text: '"He was running a child prostitution racket from the bar," the detective told reporters.',
    protect: [['"He was running a child prostitution racket from the bar,"', 'quotation']],
  },
  {
    category: 'quotation',
    text: 'The judge said: “You collected child pornography over a decade and showed no remorse.”',
    protect: [
      ['“You collected child pornography over a decade and showed no remorse.”', 'quotation'],
    ],
  },
  {
    category: 'quotation',
    text: '‘This town has a child sex tourism problem,’ the mayor admitted at the meeting.',
    protect: [['‘This town has a child sex tourism problem,’', 'quotation']],
  },
  {
    category: 'quotation',
    text: 'A neighbour told the paper the man "looked like a typical paedophile" and kept to himself.',
    protect: [['"looked like a typical paedophile"', 'quotation']],
  },
  {
    category: 'quotation',
    text: 'The charge sheet reads “possession of child pornography, three counts”.',
    protect: [['“possession of child pornography, three counts”', 'quotation']],
  },
  {
    category: 'quotation',
    text: '> We found child porn on every device we seized.\n\nThe officer’s statement was read aloud in court.',
    protect: [['We found child porn on every device we seized.', 'quotation']],
  },
  {
    category: 'quotation',
    text: 'The minister wrote:\n\n> Child prostitution has no place in our country,\n> and we will prosecute every case.\n\nCampaigners welcomed the pledge but not the wording.',
    protect: [['Child prostitution has no place in our country', 'quotation']],
  },
  {
    category: 'quotation',
    text: '“Sextortion is the fastest-growing threat we see,” the agency’s director said.',
    protect: [['“Sextortion is the fastest-growing threat we see,”', 'quotation']],
  },
  {
    category: 'quotation',
    text: 'In 1998 the newspaper wrote that "child sex tourists flock to the beaches every winter".',
    protect: [['"child sex tourists flock to the beaches every winter"', 'quotation']],
  },
  {
    category: 'quotation',
    text: 'The victim’s mother said: "They called her a child prostitute as if she had chosen it."',
    protect: [['"They called her a child prostitute as if she had chosen it."', 'quotation']],
  },
  {
    category: 'quotation',
    text: 'Quoting the 2004 ruling, the appeal court repeated that “the trade in child pornography feeds on demand.”',
    protect: [['“the trade in child pornography feeds on demand.”', 'quotation']],
  },
  {
    category: 'quotation',
    text: '"The kiddie porn was on a USB stick in his car," the witness testified, "under the seat."',
    protect: [['"The kiddie porn was on a USB stick in his car,"', 'quotation']],
  },

  // ── Mentions of a term as a term ──────────────────────────────────────────────────────
  {
    category: 'metalinguistic',
    text: 'Many agencies have dropped the term "child pornography" in favour of CSAM.',
    protect: [
      ['"child pornography"', 'mention'],
      ['CSAM', 'preferred'],
    ],
  },
  {
    category: 'metalinguistic',
    text: 'The phrase ‘child prostitute’ implies a choice no child can make.',
    protect: [['‘child prostitute’', 'mention']],
  },
  {
    category: 'metalinguistic',
    text: 'The word "paedophile" is a clinical label, not a synonym for offender.',
    protect: [['"paedophile"', 'mention']],
  },
  {
    category: 'metalinguistic',
    text: 'So-called child sex tourism is better described as the sexual exploitation of children in travel and tourism.',
    protect: [
      ['So-called child sex tourism', 'mention'],
      ['sexual exploitation of children in travel and tourism', 'preferred'],
    ],
  },
  {
    category: 'metalinguistic',
    text: 'Reporters should avoid the expression "kiddie porn", the style guide says.',
    protect: [['"kiddie porn"', 'mention']],
  },
  {
    category: 'metalinguistic',
    text: 'What the press calls so-called child prostitution is the sexual exploitation of children.',
    protect: [['so-called child prostitution', 'mention']],
  },
  {
    category: 'metalinguistic',
    text: 'The label “child sex worker” hides the adults who profit.',
    protect: [['“child sex worker”', 'mention']],
  },
  {
    category: 'metalinguistic',
    text: 'Europol avoids the term “sextortion” in its own reports.',
    protect: [['“sextortion”', 'mention']],
  },
  {
    category: 'metalinguistic',
    text: 'The term "early marriage" is sometimes used where "child marriage" would be clearer.',
    protect: [
      ['"early marriage"', 'mention'],
      ['"child marriage"', 'preferred'],
    ],
  },
  {
    category: 'metalinguistic',
    text: 'The guide explains why the term child pornography is misleading.',
    protect: [['child pornography', 'mention']],
  },
  {
    category: 'metalinguistic',
    text: 'A so-called “child sex tourist” is simply a travelling child sex offender.',
    protect: [['“child sex tourist”', 'mention']],
  },

  // ── Adult and general contexts ────────────────────────────────────────────────────────
  {
    category: 'adult_or_general',
    text: 'The regulator fined three adult pornography websites for weak age checks.',
    protect: [['adult pornography', 'adult_or_general']],
  },
  {
    category: 'adult_or_general',
    text: 'Sex workers in the city marched for better access to health care.',
    protect: [['Sex workers', 'adult_or_general']],
  },
  {
    category: 'adult_or_general',
    text: 'The bill would decriminalise sex work between consenting adults.',
    protect: [['sex work', 'adult_or_general']],
  },
  {
    category: 'adult_or_general',
    text: 'Adult prostitution is legal but regulated in the Netherlands.',
    protect: [['Adult prostitution', 'adult_or_general']],
  },
  {
    category: 'adult_or_general',
    text: 'Tourism revenue doubled after the new airport opened.',
    protect: [['Tourism', 'adult_or_general']],
  },
  {
    category: 'adult_or_general',
    text: 'Family tourism and school trips drove bookings in July.',
    protect: [['Family tourism', 'adult_or_general']],
  },
  {
    category: 'adult_or_general',
    text: 'The study surveyed 2,000 adults about their use of pornography.',
    protect: [['pornography', 'adult_or_general']],
  },
  {
    category: 'adult_or_general',
    text: 'Child protection services in the county were reorganised in 2022.',
    protect: [['Child protection', 'adult_or_general']],
  },
  {
    category: 'adult_or_general',
    text: 'The union represents adult sex workers in three states.',
    protect: [['adult sex workers', 'adult_or_general']],
  },
  {
    category: 'adult_or_general',
    text: 'The children’s museum opened a new wing about the history of photography.',
    protect: [['children’s museum', 'adult_or_general']],
  },
  {
    category: 'adult_or_general',
    text: 'Child care costs rose faster than wages, the statistics office said.',
    protect: [['Child care', 'adult_or_general']],
  },
  {
    category: 'adult_or_general',
    text: 'The porn industry’s trade body responded to the new rules for adult performers.',
    protect: [['porn industry', 'adult_or_general']],
  },

  // ── Preferred terms ───────────────────────────────────────────────────────────────────
  {
    category: 'preferred_term',
    text: 'The hotline received 32,000 reports of child sexual abuse material last year.',
    protect: [['child sexual abuse material', 'preferred']],
  },
  {
    category: 'preferred_term',
    text: 'Analysts classify CSAM and CSEM separately in the annual statistics.',
    protect: [
      ['CSAM', 'preferred'],
      ['CSEM', 'preferred'],
    ],
  },
  {
    category: 'preferred_term',
    text: 'The NGO supports children exploited in prostitution along the border.',
    protect: [['children exploited in prostitution', 'preferred']],
  },
  {
    category: 'preferred_term',
    text: 'The conference focused on the sexual exploitation of children in travel and tourism.',
    protect: [['sexual exploitation of children in travel and tourism', 'preferred']],
  },
  {
    category: 'preferred_term',
    text: 'The helpline advises families on the sexual extortion of children online.',
    protect: [['sexual extortion of children', 'preferred']],
  },
  {
    category: 'preferred_term',
    text: 'A travelling child sex offender was arrested at the airport on Friday.',
    protect: [['travelling child sex offender', 'preferred']],
  },
  {
    category: 'preferred_term',
    text: 'Therapists work with children who display harmful sexual behaviour.',
    protect: [['harmful sexual behaviour', 'preferred']],
  },
  {
    category: 'preferred_term',
    text: 'Online grooming cases reported to police doubled in five years.',
    protect: [['Online grooming', 'preferred']],
  },
  {
    category: 'preferred_term',
    text: 'The survey asked survivors of child sexual abuse what support they received.',
    protect: [
      ['survivors', 'preferred'],
      ['child sexual abuse', 'preferred'],
    ],
  },
  {
    category: 'preferred_term',
    text: 'Live streaming of child sexual abuse is often paid for in small amounts.',
    protect: [['Live streaming of child sexual abuse', 'preferred']],
  },
  {
    category: 'preferred_term',
    text: 'Image-based sexual abuse affects adults and children alike.',
    protect: [['Image-based sexual abuse', 'preferred']],
  },
  {
    category: 'preferred_term',
    text: 'The ministry published new figures on child marriage and forced marriage.',
    protect: [
      ['child marriage', 'preferred'],
      ['forced marriage', 'preferred'],
    ],
  },
  {
    category: 'preferred_term',
    text: 'The task force targets the commercial sexual exploitation of children.',
    protect: [['commercial sexual exploitation of children', 'preferred']],
  },
  {
    category: 'preferred_term',
    text: 'Computer-generated child sexual abuse material is still abuse material, the agency says.',
    protect: [['child sexual abuse material', 'preferred']],
  },
  {
    category: 'preferred_term',
    text: 'Prosecutors charged the man with the rape of a child under 13.',
    protect: [['rape of a child', 'preferred']],
  },

  // ── Traps: close to a term but fine ───────────────────────────────────────────────────
  {
    category: 'trap',
    text: 'The pamphlet covers sexual health education for teenagers.',
    protect: [['sexual health', 'trap']],
  },
  {
    category: 'trap',
    text: 'The gallery closed an exhibition of pornographic prints by adult artists of the 1920s.',
    protect: [['pornographic prints', 'trap']],
  },
  {
    category: 'trap',
    text: 'Dog grooming salons have reopened across the region.',
    protect: [['Dog grooming', 'trap']],
  },
  {
    category: 'trap',
    text: 'The board is grooming a successor for the chief executive.',
    protect: [['grooming', 'trap']],
  },
  {
    category: 'trap',
    text: 'Her backlog grooming sessions keep the sprint planning short.',
    protect: [['backlog grooming', 'trap']],
  },
  {
    category: 'trap',
    text: 'Foxes are the main predator of ground-nesting birds in the reserve.',
    protect: [['predator', 'trap']],
  },
  {
    category: 'trap',
    text: 'Rural tourism grew faster than city breaks this summer.',
    protect: [['Rural tourism', 'trap']],
  },
  {
    category: 'trap',
    text: 'The child was born prematurely and spent a week in intensive care.',
    protect: [['child', 'trap']],
  },
  {
    category: 'trap',
    text: 'The sextant was restored by the maritime museum.',
    protect: [['sextant', 'trap']],
  },
  {
    category: 'trap',
    text: 'Childhood vaccination rates rose in every province.',
    protect: [['Childhood', 'trap']],
  },
  {
    category: 'trap',
    text: 'The sexual and reproductive rights of adolescents were the focus of the summit.',
    protect: [['sexual and reproductive rights', 'trap']],
  },
  {
    category: 'trap',
    text: 'A pimple cream advert was banned for misleading claims.',
    protect: [['pimple', 'trap']],
  },
  {
    category: 'trap',
    text: 'The brides and grooms arrived at the town hall in vintage cars.',
    protect: [['grooms', 'trap']],
  },
  {
    category: 'trap',
    text: 'Two adults told the court they had sex with each other in the parked car.',
    protect: [['had sex with', 'trap']],
  },
  {
    category: 'trap',
    text: 'She described a consensual relationship with a colleague of her own age.',
    protect: [['consensual relationship', 'trap']],
  },

  // ── Code and URLs ─────────────────────────────────────────────────────────────────────
  {
    category: 'trap',
    text: 'Run `grep -ri "child porn" data/` to find the legacy labels.',
    protect: [['grep -ri "child porn" data/', 'code']],
  },
  {
    category: 'trap',
    text: '```python\nLABELS = ["child pornography", "child prostitution"]\n```\n\nThe list above is the old taxonomy.',
    protect: [
      ['"child pornography"', 'code'],
      ['"child prostitution"', 'code'],
    ],
  },
  {
    category: 'trap',
    text: '    classifier.label("child sex tourism")\n\nThat line is from the 2015 codebase.',
    protect: [['classifier.label("child sex tourism")', 'code']],
  },
  {
    category: 'trap',
    text: 'The archived page is at https://example.org/news/child-prostitution-crackdown and is no longer maintained.',
    protect: [['https://example.org/news/child-prostitution-crackdown', 'url']],
  },
  {
    category: 'trap',
    text: 'Read it at <https://example.net/child-porn-law-explained> before the meeting.',
    protect: [['https://example.net/child-porn-law-explained', 'url']],
  },
  {
    category: 'trap',
    text: 'Old links such as www.example.com/child-sex-tourism/ redirect to the new site.',
    protect: [['www.example.com/child-sex-tourism/', 'url']],
  },
  {
    category: 'trap',
    text: '---\ntitle: child pornography policy review\n---\n\nThe review starts in March.',
    protect: [['child pornography', 'code']],
  },
  {
    category: 'trap',
    text: 'The field is named `child_prostitution_flag` in the old database.',
    protect: [['child_prostitution_flag', 'code']],
  },

  // ── Consent-implying phrasing ─────────────────────────────────────────────────────────
  {
    category: 'flag',
    text: 'The youth worker had sex with a 15-year-old girl he met at the centre.',
    flags: [['had sex with a 15-year-old', C]],
  },
  {
    category: 'flag',
    text: 'Court papers say the coach had a sexual relationship with a 14-year-old swimmer.',
    flags: [['sexual relationship', C]],
  },
  {
    category: 'flag',
    text: 'His lawyer argued it was a consensual relationship with the 13-year-old.',
    flags: [['consensual relationship', C]],
  },
  {
    category: 'flag',
    text: 'The vicar is accused of having sex with a minor in the 1980s.',
    flags: [['having sex with a minor', C]],
  },
  {
    category: 'flag',
    text: 'The report said the girl, aged 12, had an affair with her tutor.',
    flags: [['affair with', C]],
  },
  {
    category: 'flag',
    text: 'Police said the man had sex with the schoolgirl several times.',
    flags: [['had sex with', C]],
  },
  {
    category: 'flag',
    text: 'The tabloid claimed the 14-year-old consented to sex with the landlord.',
    flags: [['consented to sex', C]],
  },
  {
    category: 'trap',
    text: 'The couple, both in their forties, had sex with the lights off, the novel says.',
    protect: [['had sex with', 'trap']],
  },
  {
    category: 'trap',
    text: 'Researchers asked adults whether they had sex with a new partner in the past year.',
    protect: [['had sex with', 'trap']],
  },

  // ── More real-world shapes ────────────────────────────────────────────────────────────
  {
    category: 'flag',
    text: 'Police Smash Child Prostitution Ring in Coastal Town',
    flags: [['Child Prostitution', A]],
  },
  {
    category: 'flag',
    text: 'The hotline gets calls about kiddie-porn sites every week.',
    flags: [['kiddie-porn', A]],
  },
  {
    category: 'flag',
    text: 'He was jailed for sexual intercourse with a 13-year-old girl.',
    flags: [['sexual intercourse with', C]],
  },
  {
    category: 'flag',
    text: 'A survey found underage sex was rarely reported to police.',
    flags: [['underage sex', C]],
  },
  {
    category: 'flag',
    text: 'Officers said the two men were juvenile-prostitution organisers.',
    flags: [['juvenile-prostitution', A]],
  },
  {
    category: 'flag',
    text: 'Three Child Pornographers Sentenced',
    flags: [['Child Pornographers', A]],
  },
  {
    category: 'flag',
    text: '| Offence | Cases |\n| --- | --- |\n| Child sex tourism | 12 |\n| Optional Protocol reporting | 3 |',
    flags: [['Child sex tourism', A]],
  },
  {
    category: 'metalinguistic',
    text: '## Why “child porn” is the wrong word\n\nThe slang trivialises abuse.',
    protect: [['“child porn”', 'mention']],
  },
  {
    category: 'legal_title',
    text: 'The Council of Europe report “Fighting ‘child sex tourism’” was adopted in 2013.',
    protect: [['Fighting ‘child sex tourism’', 'title']],
  },
  {
    category: 'legal_title',
    text: '- Optional Protocol on the Sale of Children, Child Prostitution and Child Pornography (2000)\n- Lanzarote Convention (2007)',
    protect: [
      [
        'Optional Protocol on the Sale of Children, Child Prostitution and Child Pornography',
        'title',
      ],
    ],
  },
  {
    category: 'quotation',
    text: 'Asked about the case, he said: “I never thought of it as child pornography. I thought they were just pictures.”',
    protect: [
      [
        '“I never thought of it as child pornography. I thought they were just pictures.”',
        'quotation',
      ],
    ],
  },
  {
    category: 'preferred_term',
    text: 'Child sexual exploitation material and child sexual abuse imagery were seized in the raid.',
    protect: [
      ['Child sexual exploitation material', 'preferred'],
      ['child sexual abuse imagery', 'preferred'],
    ],
  },
  {
    category: 'trap',
    text: 'The adult performers’ union criticised the pornography tax.',
    protect: [['pornography tax', 'adult_or_general']],
  },
];

/** Offsets of the `occurrence`-th `needle` in `text`, or an error naming the case. */
function locate(id: string, text: string, needle: string, occurrence = 0): [number, number] {
  let index = -1;
  for (let count = 0; count <= occurrence; count++) {
    index = text.indexOf(needle, index + 1);
    if (index === -1)
      throw new Error(`${id}: \`${needle}\` (occurrence ${occurrence}) not in text`);
  }
  return [index, index + needle.length];
}

export function buildCases(): EvalCase[] {
  return definitions.map((definition, index) => {
    const id = `e${String(index + 1).padStart(3, '0')}`;
    const expected = (definition.flags ?? []).map(([match, stance, occurrence]) => {
      const [start, end] = locate(id, definition.text, match, occurrence);
      return { match, stance, start, end };
    });
    for (const [text] of definition.protect ?? []) locate(id, definition.text, text);
    return {
      id,
      text: definition.text,
      expected,
      must_not_flag: (definition.protect ?? []).map(([text]) => text),
      must_not_flag_kinds: (definition.protect ?? []).map(([, kind]) => kind),
      category: definition.category,
    };
  });
}

export const casesPath = fileURLToPath(new URL('../fixtures/eval-cases.jsonl', import.meta.url));

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const cases = buildCases();
  writeFileSync(casesPath, cases.map((item) => JSON.stringify(item)).join('\n') + '\n');
  console.log(`wrote ${cases.length} cases to ${casesPath}`);
}
