/**
 * Where a Markdown document can be cut into runs that parse the same alone as in place, so the
 * fast path can run remark only on runs with a candidate word.
 *
 * A cut goes before a line that follows a blank line and starts in column 1 outside any fenced
 * code and front matter: by CommonMark, no block (paragraph, list item, block quote, table,
 * indented code, HTML of kinds 6–7) continues past such a line. Whatever could make that false
 * — raw HTML blocks, fences that may sit inside a list item, link or footnote definitions (which
 * act at a distance), a lone carriage return — turns cutting off for the whole document, which is
 * always correct.
 */
const blankLine = /^[ \t]*$/;
// `[\s\S]`, not `.`: a line separator (U+2028) inside a line is text to micromark.
const columnZeroFence = /^(`{3,}|~{3,})([\s\S]*)$/;
const indentedFence = /^ {1,3}(`{3,}|~{3,})/;
// HTML that starts a block (kinds 1–7), except a comment that closes on its own line.
const htmlStart = /^ {0,3}<(?:[A-Za-z][A-Za-z\d-]*(?:[\s/>]|$)|\/[A-Za-z]|[!?])/;
const oneLineComment = /^ {0,3}<!--.*-->[ \t]*$/;
const frontMatterOpen = /^(---|\+\+\+)[ \t]*$/;

/**
 * Whether the line starting at `offset` needs a closer look: it may be blank, indented, a fence
 * or HTML (`<`), all of which show in its first character.
 */
function mayMatter(document: string, offset: number): boolean {
  if (offset >= document.length) return true;
  switch (document.charCodeAt(offset)) {
    case 9: // tab
    case 10: // an empty line
    case 13: // CR of an empty CR LF line
    case 32: // space
    case 60: // <
    case 96: // `
    case 126: // ~
      return true;
    default:
      return false;
  }
}

/** Start offsets of the runs (the first is 0), or undefined when the document must be parsed whole. */
export function markdownCuts(document: string): number[] | undefined {
  if (document.includes(']:')) return undefined;
  // A lone carriage return ends a line for micromark, not for the line split below.
  if (/\r(?!\n)/.test(document)) return undefined;
  const cuts = [0];
  let offset = 0;
  let lineNumber = 0;
  let fence: { character: string; length: number } | undefined;
  let frontMatter: string | undefined;
  let previousBlank = false;
  while (offset <= document.length) {
    let end = document.indexOf('\n', offset);
    if (end === -1) end = document.length;
    if (lineNumber > 0 && !fence && frontMatter === undefined && !mayMatter(document, offset)) {
      // Most lines: not blank, not indented, no fence or HTML (those start in the first column
      // or after spaces) — only a cut can come of them, and only the first character decides.
      if (previousBlank && document.charCodeAt(offset) !== 0xfeff) cuts.push(offset);
      previousBlank = false;
      lineNumber++;
      offset = end + 1;
      continue;
    }
    const line = document.slice(offset, end).replace(/\r$/, '');
    if (lineNumber === 0 && frontMatterOpen.test(line)) {
      frontMatter = line.trim();
    } else if (frontMatter !== undefined) {
      if (line.trim() === frontMatter) frontMatter = undefined;
    } else if (fence) {
      const close = /^ {0,3}(`{3,}|~{3,})[ \t]*$/.exec(line);
      if (close && close[1]?.[0] === fence.character && (close[1]?.length ?? 0) >= fence.length)
        fence = undefined;
    } else {
      const blank = blankLine.test(line);
      // micromark drops a byte order mark at the start of its input: a run must not start with one.
      if (!blank && previousBlank && !/^[ \t\uFEFF]/.test(line) && lineNumber > 0)
        cuts.push(offset);
      if (indentedFence.test(line)) return undefined;
      if (htmlStart.test(line) && !oneLineComment.test(line)) return undefined;
      const open = columnZeroFence.exec(line);
      if (open && !(open[1]?.startsWith('`') && open[2]?.includes('`'))) {
        fence = { character: open[1]?.[0] ?? '`', length: open[1]?.length ?? 3 };
      }
      previousBlank = blank;
    }
    if (fence || frontMatter !== undefined) previousBlank = false;
    lineNumber++;
    offset = end + 1;
  }
  // An unclosed front matter block is not front matter: let remark decide on the whole text.
  if (frontMatter !== undefined) return undefined;
  return cuts;
}
