import type { Part } from './text.js';

/** A node of a word trie; edges are words, split by how the word is joined to the previous one. */
export interface TrieNode<End> {
  flex?: Map<string, TrieNode<End>>;
  apostrophe?: Map<string, TrieNode<End>>;
  ends?: End[];
}

/** Add a sequence of parts to `root`, keyed by `key(word)`. */
export function insert<End>(
  root: TrieNode<End>,
  parts: readonly Part[],
  end: End,
  key: (word: string) => string,
): void {
  let node = root;
  for (const [index, part] of parts.entries()) {
    const edge = index === 0 || part.via === 'flex' ? 'flex' : 'apostrophe';
    let edges = node[edge];
    if (!edges) {
      edges = new Map();
      node[edge] = edges;
    }
    const word = key(part.word);
    let child = edges.get(word);
    if (!child) {
      child = {};
      edges.set(word, child);
    }
    node = child;
  }
  (node.ends ??= []).push(end);
}
