import type { Root } from 'nlcst';
import type { Plugin } from 'unified';
import type { VFile } from 'vfile';
import {
  compile,
  idsOf,
  packFor,
  prebuiltTriesOf,
  type Compiled,
  type PrebuiltTries,
} from './compile.js';
import { negationWindow, ParagraphContext } from './context.js';
import { findMatches } from './match.js';
import { formsKey, optionsKey, resolveOptions } from './options.js';
import { report } from './report.js';
import { toWords } from './text.js';
import { flatten, type FlatDocument, type Token, type Word } from './tokens.js';
import type { TrieNode } from './trie.js';
import type { Dataset, Options, QuoteRange } from './types.js';
import {
  createTextPrefilter,
  prefilterRequirements,
  type PrefilterRequirements,
} from './prefilter.js';

/** How many distinct configurations stay compiled (an editor may try many `allow` lists). */
const maximumCachedConfigurations = 32;

/** Compiled data per dataset, per options key: compiling is done once, not per file. */
const caches = new WeakMap<Dataset, Map<string, Compiled>>();

/**
 * What a configuration can load instead of computing (src/generated/prebuilt.ts): its prefilter
 * requirements and, for the default configuration, its tries. Building both was most of a
 * one-draft command-line run's time before its first lint.
 */
export interface PrebuiltConfiguration {
  readonly prefilter: PrefilterRequirements;
  readonly tries?: PrebuiltTries;
}

/** Finds the prebuilt data of a configuration by its `formsKey`. */
export type PrebuiltLookup = (formsKey: string) => PrebuiltConfiguration | undefined;

/** Resolve and compile `options` for `dataset`, using the cache (and `prebuilt` tries). */
export function compiledFor(
  dataset: Dataset,
  options: Options | null | undefined,
  prebuilt?: PrebuiltLookup,
): Compiled {
  const resolved = resolveOptions(
    options,
    idsOf(dataset.terms),
    Object.keys(dataset.languagePacks),
  );
  let cache = caches.get(dataset);
  if (!cache) {
    cache = new Map();
    caches.set(dataset, cache);
  }
  const key = optionsKey(resolved) + JSON.stringify([resolved.reportSkipped, resolved.baseUrl]);
  let compiled = cache.get(key);
  if (compiled) {
    // Keep the most recently used configurations last, so the oldest is dropped first.
    cache.delete(key);
  } else {
    compiled = compile(dataset, resolved, prebuilt?.(formsKey(resolved))?.tries);
    if (cache.size >= maximumCachedConfigurations) {
      const oldest = cache.keys().next();
      if (!oldest.done) cache.delete(oldest.value);
    }
  }
  cache.set(key, compiled);
  return compiled;
}

/** Build the plugin for a dataset (the package's default export binds `@luxlint/terms`). */
export function createPlugin(
  dataset: Dataset,
  prebuilt?: PrebuiltLookup,
): Plugin<[(Options | null | undefined)?], Root> {
  return function retextLuxembourg(options) {
    const compiled = compiledFor(dataset, options, prebuilt);
    return (tree: Root, file: VFile) => {
      lintTree(tree, file, compiled);
    };
  };
}

/**
 * Build `isMentionColumnHeader` for a dataset: whether a table column heading (`Avoid`, `Don't
 * say:`) is one of the pack's `mentionColumnHeaders`, compared word by word ignoring case and
 * punctuation. A host uses it to fill `file.data.luxembourgMentionRanges` with the cells below.
 */
export function createMentionHeaderTestFor(
  dataset: Dataset,
): (header: string, lang?: string) => boolean {
  const cache = new Map<string, Set<string>>();
  return (header, lang = 'en') => {
    let headers = cache.get(lang);
    if (!headers) {
      const pack = packFor(dataset, lang);
      headers = new Set((pack?.mentionColumnHeaders ?? []).map((text) => toWords(text).join(' ')));
      cache.set(lang, headers);
    }
    const words = toWords(header).join(' ');
    return words !== '' && headers.has(words);
  };
}

/** Build `createPrefilter` for a dataset. */
export function createPrefilterFor(
  dataset: Dataset,
  prebuilt?: PrebuiltLookup,
): (options?: Options | null) => (text: string) => boolean {
  return (options) => {
    const compiled = compiledFor(dataset, options, prebuilt);
    return createTextPrefilter(compiled, prebuilt?.(formsKeyOf(dataset, options))?.prefilter);
  };
}

/**
 * What a host must respect to parse only part of a paragraph (the sentences around a candidate)
 * and still get the messages of the whole paragraph, for one configuration. Context rules read
 * across a sentence end in two ways only: a negation up to `wordsBefore` words before a match,
 * and a phrase whose punctuation is ignored (a legal title; an `allow` phrase) going on from the
 * last word of one sentence (`before`, folded) to the first of the next (`after`), which `joins`
 * tells (always `true` when `allow` phrases are set). Every other rule stays within a sentence,
 * or reads words joined by white space or hyphens only; quotation marks are paired over the
 * whole paragraph, so sentences holding one must be parsed.
 */
export interface SentenceWindow {
  readonly wordsBefore: number;
  readonly joins: (before: string, after: string) => boolean;
}

/** Build `createSentenceWindow` for a dataset. */
export function createSentenceWindowFor(
  dataset: Dataset,
  prebuilt?: PrebuiltLookup,
): (options?: Options | null) => SentenceWindow {
  return (options) => {
    const compiled = compiledFor(dataset, options, prebuilt);
    if (compiled.allow.length > 0) return { wordsBefore: negationWindow, joins: () => true };
    const pairs = new Set<string>();
    const collect = (word: string, node: TrieNode<true>): void => {
      for (const [next, child] of node.flex ?? []) {
        pairs.add(`${word}\u0000${next}`);
        collect(next, child);
      }
    };
    for (const [word, child] of compiled.titles.flex ?? []) collect(word, child);
    return {
      wordsBefore: negationWindow,
      joins: (before, after) => pairs.has(`${before}\u0000${after}`),
    };
  };
}

function formsKeyOf(dataset: Dataset, options: Options | null | undefined): string {
  return formsKey(
    resolveOptions(options, idsOf(dataset.terms), Object.keys(dataset.languagePacks)),
  );
}

/**
 * The prebuilt data of the configurations most runs use, keyed by `formsKey`, for
 * src/generated/prebuilt.ts: prefilter requirements of each language with preset `all` and
 * `guidelines` (no rule turned off), and the tries of `all` only (the default; they are large).
 */
export function defaultPrebuilt(dataset: Dataset): Array<[key: string, PrebuiltConfiguration]> {
  const result: Array<[string, PrebuiltConfiguration]> = [];
  for (const lang of Object.keys(dataset.languagePacks).sort()) {
    for (const preset of ['all', 'guidelines'] as const) {
      const options = { lang, preset };
      const compiled = compiledFor(dataset, options);
      const prefilter = prefilterRequirements(compiled);
      result.push([
        formsKeyOf(dataset, options),
        preset === 'all' ? { prefilter, tries: prebuiltTriesOf(compiled) } : { prefilter },
      ]);
    }
  }
  return result;
}

/**
 * A host may check one file in several trees, one after the other, to bound memory (a paragraph
 * of megabytes makes a tree of gigabytes): it sets `file.data.luxembourgMore` to `true` while
 * more trees of the file follow, and to `false` (or removes it) for the last. The last
 * paragraph of a tree with more to come may be continued by the next tree
 * (`data.luxembourgContinues`), so it is flattened but checked only with the next tree; the
 * state carried meanwhile is `file.data.luxembourgCarried`.
 */
function lintTree(tree: Root, file: VFile, compiled: Compiled): void {
  const carried = file.data.luxembourgCarried as FlatDocument | undefined;
  const more = file.data.luxembourgMore === true;
  const document = flatten(tree, carried);
  file.data.luxembourgCarried = undefined;
  const { words } = document;
  const quoteRanges: readonly QuoteRange[] = Array.isArray(file.data.luxembourgQuoteRanges)
    ? file.data.luxembourgQuoteRanges
    : [];
  const mentionRanges: readonly QuoteRange[] = Array.isArray(file.data.luxembourgMentionRanges)
    ? file.data.luxembourgMentionRanges
    : [];
  // The paragraph the next tree may continue: tokens from its first on are kept for it.
  const open = more ? document.paragraphs - 1 : -1;
  let from = 0;
  while (from < words.length) {
    const paragraph = (words[from] as Word).paragraph;
    if (paragraph === open) break;
    let to = from + 1;
    while (to < words.length && (words[to] as Word).paragraph === paragraph) to++;
    // Most paragraphs find no match, at the cost of one look-up per word: nothing else is done.
    lintParagraph(file, document, compiled, from, to, quoteRanges, mentionRanges);
    from = to;
  }
  if (more) file.data.luxembourgCarried = carry(document, open, from);
}

/**
 * What is kept of `document` for the next tree: the tokens of paragraph `open` (and any after it)
 * and its words, from word `firstWord` on. Nothing is copied when nothing before them is dropped,
 * so a paragraph carried through many trees costs nothing more per tree.
 */
function carry(document: FlatDocument, open: number, firstWord: number): FlatDocument {
  const { tokens, words } = document;
  let firstToken = tokens.length;
  while (
    firstToken > 0 &&
    ((tokens[firstToken - 1] as Token).paragraph === open ||
      (tokens[firstToken - 1] as Token).paragraph === -1)
  )
    firstToken--;
  const kept = words.slice(firstWord);
  if (firstToken > 0) for (const word of kept) word.token -= firstToken;
  return {
    tokens: firstToken > 0 ? tokens.slice(firstToken) : tokens,
    words: firstWord > 0 ? kept : words,
    paragraphs: document.paragraphs,
    sentences: document.sentences,
  };
}

function lintParagraph(
  file: VFile,
  document: ReturnType<typeof flatten>,
  compiled: Compiled,
  from: number,
  to: number,
  quoteRanges: readonly QuoteRange[],
  mentionRanges: readonly QuoteRange[],
): void {
  const matches = findMatches(document.words, from, to, compiled.forms, compiled.exactForms);
  if (matches.length === 0) return;
  const context = new ParagraphContext(document, compiled, from, to, quoteRanges, mentionRanges);
  for (const match of matches) {
    if (
      match.end_.form.near === 'child' &&
      (!context.indicatesChild(match) || context.isNegatedConsent(match))
    )
      continue;
    const skip = context.skipReason(match, match.end_.form.near === 'child');
    if (skip !== undefined && !compiled.reportSkipped) continue;
    report(file, document, compiled, match, skip);
  }
}
