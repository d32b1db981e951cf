/** Edit distance (insertions, deletions, substitutions), case-insensitive. */
export function editDistance(a: string, b: string): number {
  const left = a.toLowerCase();
  const right = b.toLowerCase();
  let previous = Array.from({ length: right.length + 1 }, (_, index) => index);
  for (let i = 1; i <= left.length; i++) {
    const current = [i];
    for (let j = 1; j <= right.length; j++) {
      const cost = left[i - 1] === right[j - 1] ? 0 : 1;
      current[j] = Math.min(
        (previous[j] ?? 0) + 1,
        (current[j - 1] ?? 0) + 1,
        (previous[j - 1] ?? 0) + cost,
      );
    }
    previous = current;
  }
  return previous[right.length] ?? 0;
}

/**
 * The closest candidate, or undefined when none is close enough to be a plausible typo
 * (a third of the longer word, at least 2 edits) and none contains the input.
 */
export function didYouMean(input: string, candidates: Iterable<string>): string | undefined {
  let best: string | undefined;
  let bestDistance = Number.POSITIVE_INFINITY;
  const needle = input.toLowerCase();
  for (const candidate of candidates) {
    const distance = editDistance(input, candidate);
    const limit = Math.max(2, Math.floor(Math.max(input.length, candidate.length) / 3));
    const contains = needle.length >= 4 && candidate.toLowerCase().includes(needle);
    if ((distance <= limit || contains) && distance < bestDistance) {
      best = candidate;
      bestDistance = distance;
    }
  }
  return best;
}

/** ` (did you mean "x"?)` or an empty string. */
export function didYouMeanSuffix(input: string, candidates: Iterable<string>): string {
  const suggestion = didYouMean(input, candidates);
  return suggestion === undefined ? '' : ` (did you mean "${suggestion}"?)`;
}
