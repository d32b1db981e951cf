/**
 * Block quotes and list items opened on one line (`> > > …`, `- - - …`) past which a Markdown
 * document is refused rather than parsed.
 *
 * Each level costs micromark a scan of the rest of the line (`- - -` is tried as a thematic
 * break at every level) and mdast-util-from-markdown a walk of every event inside the list, so
 * the time grows with the square of the depth (5,000 levels took 15 s) before the recursive tree
 * walks run out of stack anyway. No real document comes near this depth.
 */
export const maximumNesting = 1000;

/** The error `lint` throws for a document nested deeper than `maximumNesting`. */
export class NestingError extends RangeError {
  constructor(line: number) {
    super(
      `nested too deeply: line ${line} opens more than ${maximumNesting.toLocaleString('en')} block quotes or list items`,
    );
    this.name = 'NestingError';
  }
}

// One container marker: a block-quote `>`, or a list item's bullet or number followed by white
// space (or the line end), after at most three spaces of indentation.
const containerMarker = /[ \t]{0,3}(?:>[ \t]?|(?:[-+*]|\d{1,9}[.)])(?:[ \t]+|(?=\r?\n|$)))/y;

/** Throw a `NestingError` when a line of `document` opens more than `maximumNesting` containers. */
export function assertNesting(document: string): void {
  // Cheap first: no line can be that deep without that many marker characters.
  if (document.length <= maximumNesting) return;
  let line = 1;
  for (let lineStart = 0; lineStart < document.length; line++) {
    let lineEnd = document.indexOf('\n', lineStart);
    if (lineEnd === -1) lineEnd = document.length;
    if (lineEnd - lineStart > maximumNesting) {
      let depth = 0;
      containerMarker.lastIndex = lineStart;
      while (containerMarker.lastIndex < lineEnd && containerMarker.test(document)) {
        if (++depth > maximumNesting) throw new NestingError(line);
      }
    }
    lineStart = lineEnd + 1;
  }
}
