import { gfmFromMarkdown } from 'mdast-util-gfm';
import { gfm } from 'micromark-extension-gfm';
import type { Processor } from 'unified';

/** Options of `remarkGfmSyntax`. */
export interface GfmSyntaxOptions {
  /**
   * Whether footnotes (`[^1]` calls, `[^1]: …` definitions) are recognised (default `true`).
   * Turn them off only for a document that cannot define one (see `mayDefineFootnotes`): a
   * footnote call without its definition is plain text, so the parse is the same.
   */
  readonly footnotes?: boolean;
}

/**
 * Whether `document` may hold a footnote definition (`[^label]: …`), which needs both `[^` and
 * `]:` as written.
 */
export function mayDefineFootnotes(document: string): boolean {
  return document.includes('[^') && document.includes(']:');
}

/** The constructs of micromark-extension-gfm-footnote, by name. */
const footnoteConstructs = new Set([
  'gfmFootnoteCall',
  'gfmPotentialFootnoteCall',
  'gfmFootnoteDefinition',
]);

type Extension = ReturnType<typeof gfm>;

/**
 * GFM without its footnote constructs. The footnote extension's "potential call" walks back over
 * every event of a paragraph at each `]` that follows no `[` (to find the `[^` it might close),
 * so a paragraph of many such brackets (`] &` repeated) took time quadratic in its length.
 */
function gfmWithoutFootnotes(): Extension {
  const extension = gfm() as Record<string, unknown>;
  const filtered: Record<string, unknown> = {};
  for (const [field, value] of Object.entries(extension)) {
    if (value === null || typeof value !== 'object' || Array.isArray(value)) {
      filtered[field] = value;
      continue;
    }
    const byCode: Record<string, unknown> = {};
    for (const [code, constructs] of Object.entries(value as Record<string, unknown>)) {
      if (!Array.isArray(constructs)) {
        byCode[code] = constructs;
        continue;
      }
      const kept = constructs.filter(
        (construct: { name?: string }) => !footnoteConstructs.has(construct.name ?? ''),
      );
      if (kept.length > 0) byCode[code] = kept;
    }
    filtered[field] = byCode;
  }
  return filtered as Extension;
}

/**
 * remark-gfm's parsing half (GFM tables, strikethrough, autolinks, footnotes, task lists) without
 * its serialiser: a linter never writes Markdown, and mdast-util-to-markdown was a third of the
 * Markdown code a one-draft command-line run loaded.
 */
export function remarkGfmSyntax(this: Processor, options: GfmSyntaxOptions = {}): undefined {
  const data = this.data();
  (data.micromarkExtensions ??= []).push(
    options.footnotes === false ? gfmWithoutFootnotes() : gfm(),
  );
  (data.fromMarkdownExtensions ??= []).push(gfmFromMarkdown());
  return undefined;
}
