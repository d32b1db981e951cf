import type { VFile } from 'vfile';

/** The message class of `vfile` (as a type, so `vfile-message` need not be a dependency). */
type VFileMessage = ReturnType<VFile['message']>;

/** The replacement retext-luxembourg attaches to a message it can fix safely. */
interface Fix {
  readonly offset: number;
  readonly endOffset: number;
  readonly text: string;
}

function fixOf(message: VFileMessage): Fix | undefined {
  const fix = (message as VFileMessage & { fix?: unknown }).fix;
  if (typeof fix !== 'object' || fix === null) return undefined;
  const { offset, endOffset, text } = fix as Partial<Fix>;
  if (typeof offset !== 'number' || typeof endOffset !== 'number' || typeof text !== 'string')
    return undefined;
  if (!Number.isInteger(offset) || !Number.isInteger(endOffset) || offset < 0 || endOffset < offset)
    return undefined;
  return { offset, endOffset, text };
}

/**
 * Apply the `fix` of each message to `value` and return the new text.
 *
 * Fixes are applied in message order; one that overlaps a fix already taken (or reaches past
 * the end of `value`) is skipped, so the first wins and the text is never garbled. Messages
 * without a fix (quotations, legal titles, cautions) change nothing.
 */
export function applyFixes(value: string, messages: readonly VFileMessage[]): string {
  // Accepted fixes, disjoint and sorted by offset, so only neighbours can overlap a new one.
  const taken: Fix[] = [];
  for (const message of messages) {
    const fix = fixOf(message);
    if (!fix || fix.endOffset > value.length) continue;
    let low = 0;
    let high = taken.length;
    while (low < high) {
      const middle = (low + high) >> 1;
      if ((taken[middle] as Fix).offset < fix.offset) low = middle + 1;
      else high = middle;
    }
    const before = taken[low - 1];
    const after = taken[low];
    if (before && touches(before, fix)) continue;
    if (after && touches(fix, after)) continue;
    taken.splice(low, 0, fix);
  }
  let result = '';
  let from = 0;
  for (const fix of taken) {
    result += value.slice(from, fix.offset) + fix.text;
    from = fix.endOffset;
  }
  return result + value.slice(from);
}

/**
 * Whether two fixes (`first` starting no later than `second`) conflict: they share characters,
 * or one is an insertion at the edge of the other, where the result would depend on order.
 */
function touches(first: Fix, second: Fix): boolean {
  if (second.offset < first.endOffset) return true;
  const insertion = first.offset === first.endOffset || second.offset === second.endOffset;
  return insertion && second.offset === first.endOffset;
}
