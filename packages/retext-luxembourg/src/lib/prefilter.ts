import type { Compiled } from './compile.js';
import type { TrieNode } from './trie.js';

/**
 * The hyphens the matcher reads through (`teen-age` is also `teenage`), as a global expression.
 * Without the `u` flag: every one is a single UTF-16 unit, so it matches the same, and irregexp
 * scans faster without it (Markdown lists put a hyphen in most files).
 */
const hyphenExpression = /[-\u2010-\u2013]/g;

/**
 * The stem of a word: without a final plural or possessive ending or a final `e`/`y`, so that
 * inflected variants (`pornography`, `pornographies`) share one stem. A stem is a prefix of its
 * word, so looking for the stem instead of the word keeps the test conservative.
 */
function stemOf(word: string): string {
  const cut = word.endsWith('ies')
    ? 3
    : word.endsWith('es')
      ? 2
      : word.endsWith('s') || word.endsWith('y') || word.endsWith('e')
        ? 1
        : 0;
  return word.length - cut >= shortestWord ? word.slice(0, word.length - cut) : word;
}

/** Words shorter than this (`a`, `of`, a possessive `s`) are left out of a requirement unless it has nothing else. */
const shortestWord = 3;

/**
 * A conservative text prefilter: `false` only when no enabled form can match. Every form the
 * matcher can find is a path of words through the compiled tries, and each of those words is
 * a piece of the text the parser sees, so a text that lacks a stem of some word of every path
 * (as a substring of the lower-cased text, hyphens removed) cannot match.
 *
 * One precompiled alternation of each path's longest stem (its anchor), built from the dataset
 * only (literal words, no quantifier, so it cannot backtrack catastrophically), finds the anchors
 * in one pass; each anchor found checks its paths' other stems as substrings. Substring
 * tests are deliberately looser than the matcher's word boundaries (`childporn` holds `child`
 * and `porn`), which keeps the gate conservative; needing every word of a path keeps it
 * selective: everyday words such as `had`, `age` or `online` no longer let a text through.
 */
export function createTextPrefilter(
  compiled: Compiled,
  requirements: PrefilterRequirements = prefilterRequirements(compiled),
): (text: string) => boolean {
  // In each requirement, the stems that most requirements share come first: a stem is looked
  // for once per text (below), so a shared stem that is missing (`sex` in most prose) rules out
  // the requirement without a scan for its other stems.
  const shared = new Map<string, number>();
  for (const [, lists] of requirements)
    for (const others of lists)
      for (const stem of others) shared.set(stem, (shared.get(stem) ?? 0) + 1);
  const byAnchor = new Map(
    requirements.map(([anchor, lists]) => [
      anchor,
      lists.map((others) =>
        [...others].sort((a, b) => (shared.get(b) ?? 0) - (shared.get(a) ?? 0)),
      ),
    ]),
  );
  if (byAnchor.size === 0) return () => false;
  const anchors = [...byAnchor.keys()].sort((a, b) => b.length - a.length || (a < b ? -1 : 1));
  // At one position the alternation reports only its first (longest) anchor: every anchor
  // inside that one is present too.
  const implied = impliedStems(anchors);
  // Without the `u` flag when every stem is ASCII (the usual case): the same matches, and
  // irregexp scans faster without it.
  const ascii = anchors.every((stem) => /^[\x20-\x7e]*$/u.test(stem));
  const anchorExpression = new RegExp(anchors.map(escapeLiteral).join('|'), ascii ? 'g' : 'gu');

  return (text: string): boolean => {
    let folded = text.toLowerCase();
    hyphenExpression.lastIndex = 0;
    if (hyphenExpression.test(folded)) folded = folded.replace(hyphenExpression, '');
    // Only anchors go into the alternation (the other stems of a requirement are checked with
    // `includes` once its anchor is found): common words such as `the` or `with` are others of
    // a few requirements, and matching every one of them was most of the scan on prose.
    anchorExpression.lastIndex = 0;
    let hit = anchorExpression.exec(folded);
    // Most texts asked about hold no anchor (three sentences in four, even of term-dense prose):
    // they need nothing more.
    if (!hit) return false;
    const checked = new Set<string>();
    // Whether the text holds a stem, asked once per stem: a stem missing from the text costs a
    // scan of all of it, and `sex` alone is an other stem of five requirements of common
    // anchors (`with`, `worker`, `minor`), so prose without it was scanned for it five times.
    const present = new Map<string, boolean>();
    const holds = (stem: string): boolean => {
      let found = present.get(stem);
      if (found === undefined) {
        found = folded.includes(stem);
        present.set(stem, found);
      }
      return found;
    };
    for (; hit; hit = anchorExpression.exec(folded)) {
      for (const anchor of implied.get(hit[0]) ?? []) {
        if (checked.has(anchor)) continue;
        checked.add(anchor);
        for (const others of byAnchor.get(anchor) ?? []) if (others.every(holds)) return true;
      }
      // Anchors may overlap (`sextortion` holds `sex` and `extortion`): look again one further on.
      anchorExpression.lastIndex = hit.index + 1;
    }
    return false;
  };
}

/**
 * What a text must hold for some enabled form to match: anchor stem → lists of the other stems
 * that must also be present (any one list suffices). Plain data, so that the default
 * configurations can be computed ahead of time (src/generated/prefilter.ts): walking every path
 * of the form tries is most of the cost of building a prefilter, and a one-draft command-line run
 * would pay it before its first lint.
 */
export type PrefilterRequirements = ReadonlyArray<
  readonly [anchor: string, others: ReadonlyArray<readonly string[]>]
>;

/** Compute the prefilter's requirements for a compiled configuration. */
export function prefilterRequirements(compiled: Compiled): PrefilterRequirements {
  return [...weakestRequirements(requirementsOf([compiled.forms, compiled.exactForms]))];
}

/** Each stem → every stem that occurs inside it (itself included). */
function impliedStems(stems: readonly string[]): Map<string, string[]> {
  // Looking up each substring of a stem is linear in the number of stems (stems are short);
  // testing every pair was quadratic and took tens of milliseconds of every CLI start.
  const known = new Set(stems);
  const implied = new Map<string, string[]>();
  for (const stem of stems) {
    const inside = new Set<string>();
    for (let start = 0; start < stem.length; start++) {
      for (let end = start + 1; end <= stem.length; end++) {
        const piece = stem.slice(start, end);
        if (known.has(piece)) inside.add(piece);
      }
    }
    implied.set(stem, [...inside]);
  }
  return implied;
}

/**
 * Drop every requirement that another, weaker one already covers: the text holding all stems
 * of `childpornograph` also holds `child` and `pornograph`, so the joined spelling needs no
 * stem of its own. Only a kept requirement can cover another, so the result stays
 * conservative. Fewer stems make the alternation shorter.
 */
function weakestRequirements(
  requirements: readonly (readonly string[])[],
): Map<string, (readonly string[])[]> {
  const total = (stems: readonly string[]): number =>
    stems.reduce((sum, stem) => sum + stem.length, 0);
  const ordered = [...requirements].sort((a, b) => total(a) - total(b) || b.length - a.length);
  const implied = impliedStems([...new Set(requirements.flat())]);
  const byAnchor = new Map<string, (readonly string[])[]>();
  for (const requirement of ordered) {
    const holds = new Set(requirement.flatMap((stem) => implied.get(stem) ?? [stem]));
    let covered = false;
    for (const anchor of holds) {
      if (byAnchor.get(anchor)?.some((others) => others.every((stem) => holds.has(stem)))) {
        covered = true;
        break;
      }
    }
    if (covered) continue;
    const [anchor, ...others] = requirement as [string, ...string[]];
    let list = byAnchor.get(anchor);
    if (!list) {
      list = [];
      byAnchor.set(anchor, list);
    }
    list.push(others);
  }
  return byAnchor;
}

/** Every path to an end in `roots`, as its stems (longest first), deduplicated. */
function requirementsOf(roots: readonly TrieNode<unknown>[]): string[][] {
  // Runs once per configuration, before the first lint (a CLI run pays it): inflected and joined
  // variants share stems, so paths are deduplicated on their stems before anything else.
  const stems = new Map<string, string>();
  const stemFor = (word: string): string => {
    let stem = stems.get(word);
    if (stem === undefined) {
      stem = stemOf(word.toLowerCase());
      stems.set(word, stem);
    }
    return stem;
  };
  const seenPaths = new Set<string>();
  const seen = new Set<string>();
  const requirements: string[][] = [];
  const add = (path: readonly string[]): void => {
    const pathKey = path.join(' ');
    if (seenPaths.has(pathKey)) return;
    seenPaths.add(pathKey);
    const distinct = [...new Set(path)];
    const long = distinct.filter((stem) => stem.length >= shortestWord);
    const candidates = long.length > 0 ? long : distinct.filter((stem) => stem.length > 0);
    // A stem inside another stem of the path adds nothing to a substring test.
    const needed = candidates
      .filter((stem) => !candidates.some((other) => other !== stem && other.includes(stem)))
      .sort((a, b) => b.length - a.length || (a < b ? -1 : 1));
    const key = needed.join(' ');
    if (needed.length === 0 || seen.has(key)) return;
    seen.add(key);
    requirements.push(needed);
  };
  const path: string[] = [];
  const walk = (edges: Map<string, TrieNode<unknown>> | undefined): void => {
    if (!edges) return;
    for (const [word, child] of edges) {
      path.push(stemFor(word));
      visit(child);
      path.pop();
    }
  };
  const visit = (node: TrieNode<unknown>): void => {
    if (node.ends && node.ends.length > 0) add(path);
    walk(node.flex);
    walk(node.apostrophe);
  };
  for (const root of roots) visit(root);
  return requirements;
}

function escapeLiteral(value: string): string {
  return value.replace(/[.*+?^${}()|[\]\\]/gu, '\\$&');
}
