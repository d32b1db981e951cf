import type { Compiled } from './compile.js';
import { hyphens } from './text.js';

const letter = /[\p{L}\p{M}]/u;

/** How many leading letters the quick gate looks at before the full anchor check. */
const gateLength = 3;

/**
 * A conservative text prefilter: `false` only when no enabled form can match, because no word
 * of the text starts with a word that can start a form (`childporn` starts with `child`; a
 * hyphenated `teen-age` is also read as `teenage`). Linear in the text: one precompiled
 * alternation finds word starts whose first letters begin an anchor, and only those few check
 * the anchor prefixes in a Set.
 */
export function createTextPrefilter(compiled: Compiled): (text: string) => boolean {
  const { anchors, anchorLengths } = compiled;
  if (anchors.size === 0) return () => false;
  const longest = anchorLengths.at(-1) ?? 0;
  const gate = new Set<string>();
  for (const anchor of anchors) gate.add([...anchor].slice(0, gateLength).join(''));

  /** The letters from `start`, reading through single hyphens between letters, up to `limit` characters. */
  const lettersFrom = (text: string, start: number, limit: number): string => {
    let result = '';
    let at = start;
    while (at < text.length && result.length < limit) {
      if (isLetterAt(text, at)) {
        const width = (text.codePointAt(at) ?? 0) > 0xffff ? 2 : 1;
        result += text.slice(at, at + width);
        at += width;
      } else if (hyphens.has(text.charAt(at)) && at + 1 < text.length && isLetterAt(text, at + 1)) {
        at++;
      } else {
        break;
      }
    }
    return result;
  };

  // One precompiled alternation of the gates, built from the dataset only (never from user
  // strings): literal letters with an optional hyphen between them, no nested quantifier, so it
  // cannot backtrack catastrophically.
  const optionalHyphen = `[${[...hyphens].map(escapeInClass).join('')}]?`;
  const alternatives = [...gate]
    .sort((a, b) => b.length - a.length)
    .map((entry) => [...entry].map(escapeLiteral).join(optionalHyphen));
  const gateExpression = new RegExp(`(?<![\\p{L}\\p{M}])(?:${alternatives.join('|')})`, 'gu');

  return (text: string): boolean => {
    const folded = text.toLowerCase();
    gateExpression.lastIndex = 0;
    let hit: RegExpExecArray | null;
    while ((hit = gateExpression.exec(folded)) !== null) {
      const candidate = lettersFrom(folded, hit.index, longest);
      for (const anchorLength of anchorLengths) {
        if (anchorLength > candidate.length) break;
        if (anchors.has(candidate.slice(0, anchorLength))) return true;
      }
      gateExpression.lastIndex = hit.index + 1;
    }
    return false;
  };
}

function escapeLiteral(value: string): string {
  return value.replace(/[.*+?^${}()|[\]\\]/gu, '\\$&');
}

function escapeInClass(value: string): string {
  return value.replace(/[\]\\^-]/gu, '\\$&');
}

function isLetterAt(text: string, index: number): boolean {
  const code = text.charCodeAt(index);
  if (code < 0x80) return (code >= 0x61 && code <= 0x7a) || (code >= 0x41 && code <= 0x5a);
  const point = text.codePointAt(index);
  return point !== undefined && letter.test(String.fromCodePoint(point));
}
