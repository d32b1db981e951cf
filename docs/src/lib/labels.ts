/**
 * How the site names and explains the dataset's closed lists. These are presentation, not facts
 * about a term: every fact about an entry comes from @luxlint/terms.
 */
import type { Category, Provenance, Status } from '@luxlint/terms';

export const categoryLabels: Record<Category, string> = {
  'child-and-umbrella': 'Children and umbrella terms',
  'sexual-abuse': 'Sexual abuse',
  'sexual-exploitation': 'Sexual exploitation',
  prostitution: 'Exploitation in prostitution',
  'sale-and-trafficking': 'Sale and trafficking',
  'abuse-material': 'Abuse material',
  online: 'Online and technology-facilitated',
  'travel-and-tourism': 'Travel and tourism',
  'child-marriage': 'Child marriage',
  perpetrators: 'People who offend',
  victims: 'Victims and survivors',
};

export const statusLabels: Record<Status, string> = {
  use: 'Use',
  caution: 'Use with care',
  avoid: 'Avoid',
};

/** One line saying what a status means, shown beside the badge. */
export const statusMeanings: Record<Status, string> = {
  use: 'A preferred term: it names what happened to the child accurately.',
  caution:
    'Acceptable in some contexts and misleading in others: check the explanation before using it.',
  avoid:
    'Discouraged: it hides the abuse, blames the child or softens the crime. Use an alternative; the entry says when the term is still correct.',
};

export const provenanceLabels: Record<Provenance, string> = {
  'guidelines-2016': 'Guidelines 2016',
  'guidelines-2025': 'Guidelines 2025',
  'iwg-member': 'IWG-member guidance',
  'media-guide': 'Media guide',
  unverified: 'Unverified',
};

export const provenanceMeanings: Record<Provenance, string> = {
  'guidelines-2016':
    'The stance is the Luxembourg Guidelines’ own (first edition, 2016), as confirmed by the source cited.',
  'guidelines-2025':
    'The stance is the Guidelines’ own in the second edition (2025), as confirmed by the source cited.',
  'iwg-member':
    'Guidance from a member of the Interagency Working Group (such as INTERPOL, Europol, ECPAT, INHOPE or ICMEC) that applies the Guidelines.',
  'media-guide': 'A newsroom or NGO style guide.',
  unverified:
    'Our reading, not confirmed against the Guidelines text. Treat it as a suggestion from the luxlint maintainers.',
};
