/**
 * Block quotes and list items a line of Markdown may open or continue, past which the document
 * is refused rather than parsed (markdown-it's `maxNesting` defaults to the same 100).
 *
 * Each level costs micromark a scan of the rest of the line (`- - -` is tried as a thematic
 * break at every level) and mdast-util-from-markdown a walk of every event inside each
 * enclosing list, so the time grows with the square of the depth on one line (5,000 levels took
 * 15 s) and faster still over many lines (lists one level deeper per line: 500 levels took 6 s,
 * 1,000 two minutes; block quotes one deeper per line, 1 MB: 15 s and 1.3 GB), before the
 * recursive tree walks run out of stack. No real document comes near this depth.
 */
export const maximumNesting = 100;

/** The error `lint` throws for a document nested deeper than `maximumNesting`. */
export class NestingError extends RangeError {
  constructor(line: number) {
    super(
      `nested too deeply: line ${line} opens or continues more than ${maximumNesting} block quotes or list items`,
    );
    this.name = 'NestingError';
  }
}

// One container marker: a block-quote `>`, or a list item's bullet or number followed by white
// space (or the line end), after at most three spaces of indentation.
const containerMarker = /[ \t]{0,3}(?:>[ \t]?|(?:[-+*]|\d{1,9}[.)])(?:[ \t]+|(?=\r?\n|$)))/y;
// A line of one marker character and white space only is a thematic break (`* * * *`), however
// long: it opens nothing.
const thematicBreak = /^[ \t]*([-*_])(?:[ \t]*\1)*[ \t]*\r?$/;

/**
 * The most containers the line `document[start, end)` can be inside of: the markers on it, plus,
 * when it has one, the list items its indentation can continue (each needs at least two columns:
 * a bullet and a space). An upper bound: a line of code indented that far counts too.
 */
function depthOf(document: string, start: number, end: number): number {
  let columns = 0;
  let offset = start;
  for (; offset < end; offset++) {
    const code = document.charCodeAt(offset);
    if (code === 32) columns++;
    else if (code === 9) columns += 4 - (columns % 4);
    else break;
  }
  // Cheap first: most lines are short and barely indented.
  if (end - start <= maximumNesting && columns < 2 * maximumNesting) return 0;
  let markers = 0;
  containerMarker.lastIndex = offset;
  while (containerMarker.lastIndex < end && containerMarker.test(document)) {
    if (++markers + Math.floor(columns / 2) > maximumNesting) break;
  }
  if (markers === 0) return 0;
  if (thematicBreak.test(document.slice(start, end))) return 0;
  return markers + Math.floor(columns / 2);
}

/**
 * Throw a `NestingError` when a line of `document` may open or continue more than
 * `maximumNesting` block quotes and list items.
 */
export function assertNesting(document: string): void {
  let line = 1;
  for (let lineStart = 0; lineStart < document.length; line++) {
    let lineEnd = document.indexOf('\n', lineStart);
    if (lineEnd === -1) lineEnd = document.length;
    if (depthOf(document, lineStart, lineEnd) > maximumNesting) throw new NestingError(line);
    lineStart = lineEnd + 1;
  }
}
