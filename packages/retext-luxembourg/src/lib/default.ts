import { languagePacks, legalTitles, terms } from '@luxlint/terms';
import { prebuiltConfiguration } from '../generated/prebuilt.js';
import {
  createMentionHeaderTestFor,
  createPlugin,
  createPrefilterFor,
  createSentenceWindowFor,
} from './plugin.js';
import type { Dataset } from './types.js';

/** The dataset of `@luxlint/terms`. */
export const defaultDataset: Dataset = { terms, legalTitles, languagePacks };

/**
 * Flag discouraged terms about the sexual exploitation and sexual abuse of children and suggest
 * the terms of the Luxembourg Guidelines.
 */
const retextLuxembourg = createPlugin(defaultDataset, prebuiltConfiguration);
export default retextLuxembourg;

/**
 * Create a conservative text prefilter for `options`: it returns `false` only when no enabled
 * term can match in the text, so the caller may skip parsing it.
 */
export const createPrefilter = createPrefilterFor(defaultDataset, prebuiltConfiguration);

/**
 * Whether a table column heading marks its cells as words to avoid (`Avoid`, `Instead of`,
 * `Don't say`) in the language pack of `lang` (default `en`).
 */
export const isMentionColumnHeader = createMentionHeaderTestFor(defaultDataset);

/**
 * What a host must respect to parse only the sentences around a candidate of a paragraph and
 * still get the paragraph's messages, for `options` (see `SentenceWindow`).
 */
export const createSentenceWindow = createSentenceWindowFor(defaultDataset, prebuiltConfiguration);
