import type { Compiled } from './compile.js';
import { hyphens } from './text.js';

const letter = /[\p{L}\p{M}]/u;

/**
 * A conservative text prefilter: `false` only when no enabled form can match, because no word
 * of the text starts with a word that can start a form (`childporn` starts with `child`; a
 * hyphenated `teen-age` is also read as `teenage`). Linear in the text: each word start checks
 * a handful of prefix lengths in a Set.
 */
export function createTextPrefilter(compiled: Compiled): (text: string) => boolean {
  const { anchors, anchorLengths } = compiled;
  const longest = anchorLengths.at(-1) ?? 0;
  if (anchors.size === 0) return () => false;
  return (text: string): boolean => {
    const folded = text.toLowerCase();
    const length = folded.length;
    let index = 0;
    while (index < length) {
      if (!isLetterAt(folded, index)) {
        index++;
        continue;
      }
      // The letters from here, reading through single hyphens, up to the longest anchor.
      let candidate = '';
      let at = index;
      while (at < length && candidate.length < longest) {
        if (isLetterAt(folded, at)) {
          const point = folded.codePointAt(at) ?? 0;
          const character = String.fromCodePoint(point);
          candidate += character;
          at += character.length;
        } else if (hyphens.has(folded[at] as string) && at + 1 < length && isLetterAt(folded, at + 1)) {
          at++;
        } else {
          break;
        }
      }
      for (const anchorLength of anchorLengths) {
        if (anchorLength > candidate.length) break;
        if (anchors.has(candidate.slice(0, anchorLength))) return true;
      }
      // Continue after the first run only, so that every word start is checked.
      let next = index;
      while (next < length && isLetterAt(folded, next)) next += (folded.codePointAt(next) ?? 0) > 0xffff ? 2 : 1;
      index = next;
    }
    return false;
  };
}

function isLetterAt(text: string, index: number): boolean {
  const code = text.charCodeAt(index);
  if (code < 0x80) return (code >= 0x61 && code <= 0x7a) || (code >= 0x41 && code <= 0x5a);
  const point = text.codePointAt(index);
  return point !== undefined && letter.test(String.fromCodePoint(point));
}
