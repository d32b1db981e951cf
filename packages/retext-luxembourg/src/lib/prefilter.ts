import type { Compiled } from './compile.js';
import type { TrieNode } from './trie.js';

/** The hyphens the matcher reads through (`teen-age` is also `teenage`), as a global expression. */
const hyphenExpression = /[-\u2010-\u2013]/gu;

/** What one complete path through the form tries needs: an anchor word and the other words. */
interface Requirement {
  /** Folded words other than the anchor (none implied by another of the path's words). */
  readonly others: readonly string[];
}

/**
 * A conservative text prefilter: `false` only when no enabled form can match. Every form the
 * matcher can find is a path of words through the compiled tries, and each of those words is
 * a piece of the text the parser sees, so a text in which some word of every path is missing
 * (as a substring of the lower-cased text, hyphens removed) cannot match.
 *
 * Per path, the longest word is its anchor (long words are the rare ones: `pornography`, not
 * `child`). One precompiled alternation of the anchors, built from the dataset only (literal
 * words, no quantifier, so it cannot backtrack catastrophically), finds candidate anchors; only
 * then are the other words of that anchor's paths looked up. Substring tests are deliberately
 * looser than the matcher's word boundaries (`childporn` contains `child` and `porn`), which
 * keeps the gate conservative; the anchors keep it selective, because everyday words such as
 * `had`, `age` or `online` no longer let a text through on their own.
 */
export function createTextPrefilter(compiled: Compiled): (text: string) => boolean {
  const byAnchor = requirementsByAnchor([compiled.forms, compiled.exactForms]);
  if (byAnchor.size === 0) return () => false;
  const anchors = [...byAnchor.keys()].sort((a, b) => b.length - a.length || (a < b ? -1 : 1));
  // At one position the alternation reports only its first (longest) alternative: every anchor
  // inside that one is present too, so check them all.
  const implied = new Map<string, string[]>();
  for (const anchor of anchors)
    implied.set(
      anchor,
      anchors.filter((other) => anchor.includes(other)),
    );
  const anchorExpression = new RegExp(anchors.map(escapeLiteral).join('|'), 'gu');

  return (text: string): boolean => {
    let folded = text.toLowerCase();
    hyphenExpression.lastIndex = 0;
    if (hyphenExpression.test(folded)) folded = folded.replace(hyphenExpression, '');
    let checked: Set<string> | undefined;
    anchorExpression.lastIndex = 0;
    let hit: RegExpExecArray | null;
    while ((hit = anchorExpression.exec(folded)) !== null) {
      for (const anchor of implied.get(hit[0]) ?? []) {
        if (checked?.has(anchor)) continue;
        (checked ??= new Set()).add(anchor);
        for (const requirement of byAnchor.get(anchor) ?? []) {
          if (requirement.others.every((word) => folded.includes(word))) return true;
        }
      }
      // Anchors may overlap (`sextortion` holds `sex` and `extortion`): look again one further on.
      anchorExpression.lastIndex = hit.index + 1;
    }
    return false;
  };
}

/** Every path to an end in `roots`, as an anchor and the other words it needs, deduplicated. */
function requirementsByAnchor(roots: readonly TrieNode<unknown>[]): Map<string, Requirement[]> {
  const seen = new Set<string>();
  const byAnchor = new Map<string, Requirement[]>();
  const add = (path: readonly string[]): void => {
    const distinct = [...new Set(path)].filter((word) => word.length > 0);
    // A word inside another word of the path adds nothing to a substring test.
    const needed = distinct
      .filter((word) => !distinct.some((other) => other !== word && other.includes(word)))
      .sort((a, b) => b.length - a.length || (a < b ? -1 : 1));
    const key = needed.join(' ');
    if (needed.length === 0 || seen.has(key)) return;
    seen.add(key);
    const [anchor, ...others] = needed as [string, ...string[]];
    let list = byAnchor.get(anchor);
    if (!list) {
      list = [];
      byAnchor.set(anchor, list);
    }
    list.push({ others });
  };
  const visit = (node: TrieNode<unknown>, path: string[]): void => {
    if (node.ends && node.ends.length > 0) add(path);
    for (const edges of [node.flex, node.apostrophe]) {
      if (!edges) continue;
      for (const [word, child] of edges) {
        path.push(word.toLowerCase().replace(hyphenExpression, ''));
        visit(child, path);
        path.pop();
      }
    }
  };
  for (const root of roots) visit(root, []);
  return byAnchor;
}

function escapeLiteral(value: string): string {
  return value.replace(/[.*+?^${}()|[\]\\]/gu, '\\$&');
}
