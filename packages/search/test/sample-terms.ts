import type { Category, LocalizedText, Status, Term } from '@luxlint/terms';

interface Draft {
  readonly id: string;
  readonly status: Status;
  readonly category: Category;
  readonly term: string;
  readonly match?: readonly string[];
  readonly abbreviations?: readonly string[];
  readonly alternatives?: readonly string[];
  readonly searchPhrases?: readonly string[];
  readonly preferred?: readonly string[];
  readonly aliases?: readonly string[];
  readonly summary: string;
  readonly why: string;
  readonly fr?: { readonly term: string; readonly match?: readonly string[] };
}

function localized(term: string, draft: Draft, match: readonly string[]): LocalizedText {
  return {
    term,
    abbreviations: draft.abbreviations ?? [],
    match: match.map((phrase) => ({ phrase, caseSensitive: false, inflect: true })),
    alternatives: draft.alternatives ?? [],
    searchPhrases: draft.searchPhrases ?? [],
    summary: draft.summary,
    why: draft.why,
    examples: { incorrect: [], correct: [] },
  };
}

/** A compiled entry, the shape `@luxlint/terms` produces, from the few fields search reads. */
export function makeTerm(draft: Draft): Term {
  const text: Record<string, LocalizedText> = {
    en: localized(draft.term, draft, draft.match ?? []),
  };
  if (draft.fr) text.fr = localized(draft.fr.term, draft, draft.fr.match ?? []);
  return {
    id: draft.id,
    aliases: draft.aliases ?? [],
    status: draft.status,
    category: draft.category,
    legal: false,
    provenance: 'unverified',
    preferred: draft.preferred ?? [],
    related: [],
    sources: [{ ref: 'test fixture', provenance: 'unverified' }],
    text: text as Term['text'],
  };
}

/** A small dataset in the shape of the real one (invented wording, not the dataset's). */
export const sampleTerms: readonly Term[] = [
  makeTerm({
    id: 'child-porn',
    status: 'avoid',
    category: 'abuse-material',
    term: 'child porn',
    match: ['child porn', 'kiddie|kiddy|kid porn', 'childporn'],
    preferred: ['child-sexual-abuse-material'],
    summary: 'Slang that trivialises recorded abuse; say child sexual abuse material.',
    why: 'A casual word for adult entertainment applied to the record of a crime against a child.',
  }),
  makeTerm({
    id: 'child-pornography',
    status: 'avoid',
    category: 'abuse-material',
    term: 'child pornography',
    match: ['child pornography', 'child pornographic material', 'underage pornography'],
    preferred: ['child-sexual-abuse-material', 'child-sexual-exploitation-material'],
    summary: 'Call it child sexual abuse material: each image records abuse.',
    why: 'Pornography suggests consenting adults and lawful content, which hides the abuse.',
    fr: { term: 'pédopornographie', match: ['pédopornographie', 'pornographie infantile'] },
  }),
  makeTerm({
    id: 'child-sexual-abuse-material',
    status: 'use',
    category: 'abuse-material',
    term: 'child sexual abuse material',
    abbreviations: ['CSAM'],
    alternatives: ['child sexual abuse images'],
    aliases: ['csam'],
    summary: 'The preferred name for images and videos that record the sexual abuse of a child.',
    why: 'Names the content for what it is: evidence of a crime against a child.',
  }),
  makeTerm({
    id: 'child-sexual-exploitation-material',
    status: 'use',
    category: 'abuse-material',
    term: 'child sexual exploitation material',
    abbreviations: ['CSEM'],
    summary: 'A wider name covering sexualised material that may not show abuse itself.',
    why: 'Useful when the material exploits a child without depicting an assault.',
  }),
  makeTerm({
    id: 'paedophile',
    status: 'caution',
    category: 'perpetrators',
    term: 'paedophile',
    match: ['paedophile', 'paedo', 'paedophilia'],
    alternatives: ['child sex offender'],
    summary: 'A clinical word; most offenders are better called child sex offenders.',
    why: 'Not every offender has the diagnosis and not everyone with it offends.',
  }),
  makeTerm({
    id: 'sextortion',
    status: 'caution',
    category: 'online',
    term: 'sextortion',
    match: ['sextortion', 'sextort'],
    alternatives: ['sexual extortion of children'],
    summary: 'A catchy blend that hides the sexual abuse; name the extortion of a child.',
    why: 'The portmanteau sounds light and minimises coercion and blackmail of children online.',
  }),
  makeTerm({
    id: 'sexualised-images-of-children',
    status: 'caution',
    category: 'abuse-material',
    term: 'sexualised images of children',
    summary: 'Images not showing abuse but used in a sexual way.',
    why: 'Whether they are unlawful varies; intent of the viewer matters.',
  }),
  makeTerm({
    id: 'sex-with-a-child',
    status: 'avoid',
    category: 'sexual-abuse',
    term: 'sex with a child',
    match: ['have|has|had sex with a child|minor', 'sexual relationship with a child|minor'],
    alternatives: ['sexually abused a child', 'raped a child'],
    summary: 'Implies mutual consent a child cannot give; say what the adult did.',
    why: 'Describing abuse as sex with a minor frames a crime as a relationship.',
  }),
  makeTerm({
    id: 'child-sex-tourism',
    status: 'avoid',
    category: 'travel-and-tourism',
    term: 'child sex tourism',
    match: ['child sex tourism', 'child sex tour'],
    abbreviations: ['CST'],
    preferred: ['sexual-exploitation-of-children-in-travel-and-tourism'],
    summary: 'Presents abuse abroad as a kind of holiday; name the exploitation.',
    why: 'Offenders include business travellers and volunteers, not only tourists.',
  }),
  makeTerm({
    id: 'sexual-exploitation-of-children-in-travel-and-tourism',
    status: 'use',
    category: 'travel-and-tourism',
    term: 'sexual exploitation of children in travel and tourism',
    abbreviations: ['SECTT'],
    summary: 'Puts the exploitation first and covers every kind of traveller.',
    why: 'Avoids presenting the crime as a tourism product.',
  }),
];
