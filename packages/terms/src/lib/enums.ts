import type { Category, Provenance, Status } from './types.js';

/** The statuses, from least to most discouraged. */
export const statuses: readonly Status[] = Object.freeze(['use', 'caution', 'avoid']);

/** The categories, in the order of the Guidelines' chapters. */
export const categories: readonly Category[] = Object.freeze([
  'child-and-umbrella',
  'sexual-abuse',
  'sexual-exploitation',
  'prostitution',
  'sale-and-trafficking',
  'abuse-material',
  'online',
  'travel-and-tourism',
  'child-marriage',
  'perpetrators',
  'victims',
]);

/** The provenance tiers, from the Guidelines outwards. */
export const provenances: readonly Provenance[] = Object.freeze([
  'guidelines-2016',
  'guidelines-2025',
  'iwg-member',
  'media-guide',
  'unverified',
]);
