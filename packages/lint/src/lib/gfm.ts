import { gfmFromMarkdown } from 'mdast-util-gfm';
import { gfm } from 'micromark-extension-gfm';
import type { Processor } from 'unified';

/**
 * How much of GFM's footnote syntax to recognise: all of it; all but a call written after `!`
 * (`![^1]`, which needs the "potential call" construct); or none.
 */
export type FootnoteSupport = 'full' | 'without-image-calls' | 'none';

/** Options of `remarkGfmSyntax`. */
export interface GfmSyntaxOptions {
  /**
   * Footnote syntax recognised (default `'full'`). Choose less only where the document cannot
   * use the rest (see `footnoteSupportFor`), so that the parse is the same.
   */
  readonly footnotes?: FootnoteSupport;
}

/**
 * Whether `document` may hold a footnote definition (`[^label]: …`), which needs both `[^` and
 * `]:` as written.
 */
export function mayDefineFootnotes(document: string): boolean {
  return document.includes('[^') && document.includes(']:');
}

/**
 * The least footnote syntax that reads `document` as full GFM does. A footnote call without its
 * definition is plain text, so without a definition no footnote construct applies; and the
 * "potential call" only completes a call after an image opening `![`, so without `![` it never
 * applies. Both matter: that construct walks back over every event of a paragraph at each `]`
 * that follows no `[`, so a paragraph of many such brackets (`] &` repeated) took time
 * quadratic in its length (66,000 repeats: 97 s).
 */
export function footnoteSupportFor(document: string): FootnoteSupport {
  if (!mayDefineFootnotes(document)) return 'none';
  return document.includes('![') ? 'full' : 'without-image-calls';
}

/** The footnote constructs of micromark-extension-gfm each level of support leaves out, by name. */
const footnoteConstructsLeftOut: Record<FootnoteSupport, ReadonlySet<string>> = {
  full: new Set(),
  'without-image-calls': new Set(['gfmPotentialFootnoteCall']),
  none: new Set(['gfmFootnoteCall', 'gfmPotentialFootnoteCall', 'gfmFootnoteDefinition']),
};

type Extension = ReturnType<typeof gfm>;

/** GFM with only the footnote constructs `footnotes` asks for. */
function gfmWith(footnotes: FootnoteSupport): Extension {
  const extension = gfm();
  const leftOut = footnoteConstructsLeftOut[footnotes];
  if (leftOut.size === 0) return extension;
  const filtered: Record<string, unknown> = {};
  for (const [field, value] of Object.entries(extension as Record<string, unknown>)) {
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
        (construct: { name?: string }) => !leftOut.has(construct.name ?? ''),
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
  (data.micromarkExtensions ??= []).push(gfmWith(options.footnotes ?? 'full'));
  (data.fromMarkdownExtensions ??= []).push(gfmFromMarkdown());
  return undefined;
}
