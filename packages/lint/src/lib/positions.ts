import type { Point } from 'unist';

/**
 * The index of the last of `starts` (ascending, `starts[0]` at or before every value asked)
 * that is at or before `offset`: the line, part or run an offset falls in.
 */
export function lastStartAtOrBefore(starts: readonly number[], offset: number): number {
  let low = 0;
  let high = starts.length - 1;
  while (low < high) {
    const middle = (low + high + 1) >> 1;
    if ((starts[middle] ?? 0) <= offset) low = middle;
    else high = middle - 1;
  }
  return low;
}

/**
 * Offsets → line/column points by binary search over line starts.
 *
 * `vfile-location` scans lines linearly for every lookup, which turns a large file with many
 * tokens into quadratic work; the fast path exists to avoid exactly that kind of cost.
 */
export class LineIndex {
  readonly #lineStarts: number[] = [0];
  readonly #length: number;

  constructor(value: string) {
    this.#length = value.length;
    if (!value.includes('\r')) {
      // The usual case, found by a native search instead of a look at every character.
      for (let end = value.indexOf('\n'); end !== -1; end = value.indexOf('\n', end + 1))
        this.#lineStarts.push(end + 1);
      return;
    }
    for (let index = 0; index < value.length; index++) {
      const code = value.charCodeAt(index);
      // CR LF is one line ending; a lone CR ends a line too, as in vfile-location and parse-latin.
      if (code === 10 /* \n */) this.#lineStarts.push(index + 1);
      else if (code === 13 /* \r */ && value.charCodeAt(index + 1) !== 10)
        this.#lineStarts.push(index + 1);
    }
  }

  toPoint(offset: number): Point {
    const clamped = Math.max(0, Math.min(offset, this.#length));
    const low = lastStartAtOrBefore(this.#lineStarts, clamped);
    return { line: low + 1, column: clamped - (this.#lineStarts[low] ?? 0) + 1, offset: clamped };
  }

  /** 1-based line of an offset. */
  lineOf(offset: number): number {
    return this.toPoint(offset).line;
  }

  /** Offset where a 1-based line starts (the end of the file past the last line). */
  lineStart(line: number): number {
    return this.#lineStarts[line - 1] ?? this.#length;
  }

  get lineCount(): number {
    return this.#lineStarts.length;
  }
}
