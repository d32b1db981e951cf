import type { VFile } from 'vfile';
import { lintWith, type LintOptions } from './engine.js';
import type { Format } from './format.js';
import { readHtml } from './html.js';
import { readMarkdown } from './markdown.js';
import { readMdx } from './mdx.js';
import type { Reader } from './reader.js';
import { readText } from './read-text.js';

const readers: Readonly<Record<Format, Reader>> = {
  markdown: readMarkdown,
  mdx: readMdx,
  html: readHtml,
  text: readText,
};

/**
 * Lint `value` with retext-luxembourg and return a file with the messages, sorted by position.
 *
 * Synchronous, and free of Node-only APIs, so it runs in a browser as well.
 */
export function lint(value: string, options: LintOptions = {}): VFile {
  return lintWith(value, options, (format) => readers[format]);
}
