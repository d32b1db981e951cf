/**
 * Append every item of `items` to `target`.
 *
 * `target.push(...items)` passes each item as a function argument, which overflows the call
 * stack once a block holds a few hundred thousand tokens (a 1 MB paragraph does); a loop has no
 * such limit.
 */
export function appendAll<T>(target: T[], items: readonly T[]): void {
  for (const item of items) target.push(item);
}
