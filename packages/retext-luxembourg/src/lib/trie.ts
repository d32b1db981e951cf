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

/**
 * A trie as plain JSON data: `f` and `a` are the flex and apostrophe edges, `e` the ends in a
 * form the caller chooses. Used to ship the compiled tries of the default configurations.
 */
export interface TrieData {
  readonly f?: ReadonlyArray<readonly [string, TrieData]>;
  readonly a?: ReadonlyArray<readonly [string, TrieData]>;
  readonly e?: readonly unknown[];
}

/** `node` as data, each end turned into data by `endData`. */
export function toTrieData<End>(node: TrieNode<End>, endData: (end: End) => unknown): TrieData {
  const data: { f?: Array<[string, TrieData]>; a?: Array<[string, TrieData]>; e?: unknown[] } = {};
  if (node.flex) data.f = [...node.flex].map(([word, child]) => [word, toTrieData(child, endData)]);
  if (node.apostrophe)
    data.a = [...node.apostrophe].map(([word, child]) => [word, toTrieData(child, endData)]);
  if (node.ends) data.e = node.ends.map(endData);
  return data;
}

/** The trie `data` stands for, each end read back by `readEnd`. */
export function fromTrieData<End>(data: TrieData, readEnd: (data: unknown) => End): TrieNode<End> {
  const node: TrieNode<End> = {};
  if (data.f) node.flex = edgesFromData(data.f, readEnd);
  if (data.a) node.apostrophe = edgesFromData(data.a, readEnd);
  if (data.e) node.ends = data.e.map(readEnd);
  return node;
}

function edgesFromData<End>(
  edges: ReadonlyArray<readonly [string, TrieData]>,
  readEnd: (data: unknown) => End,
): Map<string, TrieNode<End>> {
  const map = new Map<string, TrieNode<End>>();
  for (const [word, child] of edges) map.set(word, fromTrieData(child, readEnd));
  return map;
}

const depths = new WeakMap<object, number>();

/** The number of edges on the longest path from `root` (how many steps a walk can take). */
export function trieDepth<End>(root: TrieNode<End>): number {
  let depth = depths.get(root);
  if (depth === undefined) {
    depth = 0;
    for (const edges of [root.flex, root.apostrophe]) {
      for (const child of edges?.values() ?? []) depth = Math.max(depth, 1 + trieDepth(child));
    }
    depths.set(root, depth);
  }
  return depth;
}
