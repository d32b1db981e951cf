import type { Compiled } from './compile.js';

/** Letters that may continue a word; digits and punctuation start a new candidate word. */
const letter = /[\p{L}\p{M}]/u;

/**
 * A conservative text prefilter: `false` only when no enabled form can match, because no word
 * of the text starts with a word that can start a form (`childporn` starts with `child`).
 * Linear in the text: each word start checks a handful of prefix lengths in a Set.
 */
export function createTextPrefilter(compiled: Compiled): (text: string) => boolean {
  const { anchors, anchorLengths } = compiled;
  if (anchors.size === 0) return () => false;
  return (text: string): boolean => {
    const folded = text.toLowerCase();
    let index = 0;
    const length = folded.length;
    while (index < length) {
      const character = folded[index] as string;
      if (!isLetterAt(folded, index, character)) {
        index++;
        continue;
      }
      let end = index;
      while (end < length && isLetterAt(folded, end, folded[end] as string)) end++;
      const runLength = end - index;
      for (const anchorLength of anchorLengths) {
        if (anchorLength > runLength) break;
        if (anchors.has(folded.slice(index, index + anchorLength))) return true;
      }
      index = end;
    }
    return false;
  };
}

function isLetterAt(text: string, index: number, character: string): boolean {
  const code = character.charCodeAt(0);
  if (code < 0x80) return (code >= 0x61 && code <= 0x7a) || (code >= 0x41 && code <= 0x5a);
  // Surrogate pairs and other non-ASCII letters.
  const point = text.codePointAt(index);
  return point !== undefined && letter.test(String.fromCodePoint(point));
}
