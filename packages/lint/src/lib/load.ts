import type { VFile } from 'vfile';
import { lintWith, type LintOptions } from './engine.js';
import type { Format } from './format.js';
import type { Reader } from './reader.js';

// Each format's parser in its own dynamic import: a bundler makes each a lazy chunk, so a host
// that lints Markdown never loads parse5 (HTML) or acorn (MDX).
const loaders: Readonly<Record<Format, () => Promise<Reader>>> = {
  markdown: async () => (await import('./markdown.js')).readMarkdown,
  mdx: async () => (await import('./mdx.js')).readMdx,
  html: async () => (await import('./html.js')).readHtml,
  text: async () => (await import('./read-text.js')).readText,
};

const loaded = new Map<Format, Reader>();

/** A `lint` function for the given formats, which loads only those formats' parsers. */
export type LoadedLint = (value: string, options?: LintOptions) => VFile;

/**
 * Load the parsers of `formats` and resolve with a `lint` that reads those formats (the same
 * messages as `lint`). For hosts where start-up counts, such as a command line: HTML and MDX
 * support are most of the code. Asking the result for a format not loaded throws.
 */
export async function loadLint(formats: readonly Format[]): Promise<LoadedLint> {
  await Promise.all(
    formats.map(async (format) => {
      if (!loaded.has(format)) loaded.set(format, await loaders[format]());
    }),
  );
  return (value, options = {}) =>
    lintWith(value, options, (format) => {
      const reader = loaded.get(format);
      if (!reader) throw new Error(`loadLint: the ${format} reader was not loaded`);
      return reader;
    });
}
