import type { FormEnd } from './compile.js';
import { hyphens } from './text.js';
import type { Word } from './tokens.js';
import type { TrieNode } from './trie.js';

/** A span of words `[first, last]` (indices into the document's words). */
export interface Span {
  readonly first: number;
  readonly last: number;
  readonly start: number;
  readonly end: number;
}

/** A match of a form. */
export interface FormMatch extends Span {
  readonly end_: FormEnd;
}

/**
 * Walk `root` from word `first`; call `found` for every path end reached.
 * Words join through flex joins (space, hyphen, line break, markup) or an apostrophe (`'s`).
 * A word of the data may also be written as a hyphenated compound (`teen-age` for `teenage`).
 */
export function walk<End>(
  words: readonly Word[],
  first: number,
  root: TrieNode<End>,
  exact: boolean,
  found: (last: number, ends: readonly End[]) => void,
): void {
  const keyOf = (word: Word): string => (exact ? word.value : word.folded);
  const step = (index: number, node: TrieNode<End>, edge: 'flex' | 'apostrophe'): void => {
    const word = words[index];
    if (!word || word.inUrl) return;
    const edges = edge === 'flex' ? node.flex : node.apostrophe;
    if (!edges) return;
    const single = edges.get(keyOf(word));
    if (single) advance(index, single);
    const next = words[index + 1];
    if (word.join === 'flex' && hyphens.has(word.separator) && next && !next.inUrl) {
      const merged = edges.get(keyOf(word) + keyOf(next));
      if (merged) advance(index + 1, merged);
    }
  };
  const advance = (index: number, node: TrieNode<End>): void => {
    if (node.ends) found(index, node.ends);
    const word = words[index] as Word;
    if (word.join === 'flex') step(index + 1, node, 'flex');
    else if (word.join === 'apostrophe') step(index + 1, node, 'apostrophe');
  };
  step(first, root, 'flex');
}

/** Every match of the forms in `words`, longest first where they overlap; no overlapping duplicates. */
export function findMatches(
  words: readonly Word[],
  from: number,
  to: number,
  forms: TrieNode<FormEnd>,
  exactForms: TrieNode<FormEnd>,
): FormMatch[] {
  const candidates: FormMatch[] = [];
  for (let first = from; first < to; first++) {
    const word = words[first] as Word;
    if (word.inUrl) continue;
    const next = words[first + 1];
    const merged = next && word.join === 'flex' && hyphens.has(word.separator);
    const folded =
      forms.flex?.has(word.folded) || (merged && forms.flex?.has(word.folded + next.folded));
    const exact =
      exactForms.flex?.has(word.value) || (merged && exactForms.flex?.has(word.value + next.value));
    // Most words begin no form: no walk, and no callback made for them.
    if (!folded && !exact) continue;
    const record = (last: number, ends: readonly FormEnd[]): void => {
      if (last >= to) return;
      const lastWord = words[last] as Word;
      // Prefer the base (uninflected) reading of a path, then the first form in the data.
      const best = [...ends].sort((a, b) => Number(a.inflected) - Number(b.inflected))[0];
      if (best) candidates.push({ first, last, start: word.start, end: lastWord.end, end_: best });
    };
    if (folded) walk(words, first, forms, false, record);
    if (exact) walk(words, first, exactForms, true, record);
  }
  if (candidates.length === 0) return candidates;
  candidates.sort((a, b) => b.end - b.start - (a.end - a.start) || a.start - b.start);
  // Longest first; a word already taken by a longer match cannot belong to another.
  const taken = new Uint8Array(Math.max(0, to - from));
  const chosen: FormMatch[] = [];
  for (const candidate of candidates) {
    let free = true;
    for (let index = candidate.first; index <= candidate.last; index++) {
      if (taken[index - from]) {
        free = false;
        break;
      }
    }
    if (!free) continue;
    taken.fill(1, candidate.first - from, candidate.last - from + 1);
    chosen.push(candidate);
  }
  return chosen.sort((a, b) => a.start - b.start);
}

/** Spans of every occurrence of a trie's phrases in `words[from, to)` (overlaps kept). */
export function findOccurrences(
  words: readonly Word[],
  from: number,
  to: number,
  root: TrieNode<true>,
): Span[] {
  const spans: Span[] = [];
  for (let first = from; first < to; first++) {
    const word = words[first] as Word;
    walk(words, first, root, false, (last) => {
      if (last < to) spans.push({ first, last, start: word.start, end: (words[last] as Word).end });
    });
  }
  return spans;
}

/**
 * Spans of every occurrence of a trie's phrases where punctuation between words is ignored
 * (titles: `Directive 2011/93/EU`, `…sale of children, child prostitution…`); only a paragraph
 * break stops a phrase.
 */
export function findLooseOccurrences(
  words: readonly Word[],
  from: number,
  to: number,
  root: TrieNode<true>,
): Span[] {
  const spans: Span[] = [];
  for (let first = from; first < to; first++) {
    const start = words[first] as Word;
    let node: TrieNode<true> | undefined = root;
    for (let index = first; index < to; index++) {
      const word = words[index] as Word;
      node = node.flex?.get(word.folded);
      if (!node) break;
      if (node.ends) spans.push({ first, last: index, start: start.start, end: word.end });
      if (word.join === 'barrier') break;
    }
  }
  return spans;
}
