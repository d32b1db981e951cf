/**
 * Freeze a value and everything it holds. The generated literals are plain objects; freezing
 * them once at load means no consumer can change the dataset under another's feet.
 */
export function deepFreeze<T>(value: T): T {
  if (value && typeof value === 'object' && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const child of Object.values(value)) deepFreeze(child);
  }
  return value;
}
