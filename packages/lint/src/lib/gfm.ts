import { gfmFromMarkdown } from 'mdast-util-gfm';
import { gfm } from 'micromark-extension-gfm';
import type { Processor } from 'unified';

/**
 * remark-gfm's parsing half (GFM tables, strikethrough, autolinks, footnotes, task lists) without
 * its serialiser: a linter never writes Markdown, and mdast-util-to-markdown was a third of the
 * Markdown code a one-draft command-line run loaded.
 */
export function remarkGfmSyntax(this: Processor): undefined {
  const data = this.data();
  (data.micromarkExtensions ??= []).push(gfm());
  (data.fromMarkdownExtensions ??= []).push(gfmFromMarkdown());
  return undefined;
}
