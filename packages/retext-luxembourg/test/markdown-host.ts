import rehypeParse from 'rehype-parse';
import rehypeRetext from 'rehype-retext';
import remarkGfm from 'remark-gfm';
import remarkParse from 'remark-parse';
import remarkRetext from 'remark-retext';
import retextEnglish from 'retext-english';
import { unified, type Plugin } from 'unified';
import type { Node } from 'unist';
import { visit } from 'unist-util-visit';
import { VFile } from 'vfile';
import type { Options } from '../src/lib/types.js';
import { testPlugin } from './helpers.js';
import { createMentionHeaderTestFor } from '../src/lib/plugin.js';
import { testDataset } from './fixtures/dataset.js';

const isMentionHeader = createMentionHeaderTestFor(testDataset);

/** The text of a Markdown node (its `value`s, in order). */
function textOf(node: MdNode & { value?: string }): string {
  return node.value ?? (node.children ?? []).map((child) => textOf(child)).join('');
}

interface MdNode {
  type: string;
  children?: MdNode[];
  position?: { start: { offset?: number }; end: { offset?: number } };
}

/**
 * What a host such as `@luxlint/lint` does before the plugin runs: record block quotations in
 * `file.data.luxembourgQuoteRanges`, cells under an `Avoid`-like column heading in
 * `file.data.luxembourgMentionRanges`, and turn GFM table cells into paragraphs
 * (mdast-util-to-nlcst skips tables).
 */
export function remarkHostStub() {
  return (root: Node, file: VFile): void => {
    const tree = root as unknown as MdNode;
    const ranges: [number, number][] = [];
    const mentionRanges: [number, number][] = [];
    visit(tree as never, (node: MdNode, index: number | undefined, parent: MdNode | undefined) => {
      if (node.type === 'blockquote' && node.position) {
        ranges.push([node.position.start.offset ?? 0, node.position.end.offset ?? 0]);
      }
      if (node.type === 'table' && parent?.children && index !== undefined) {
        const cells: MdNode[] = [];
        // Columns headed `Avoid`, `Don't say` …: their body cells list words, not uses.
        const headerRow = node.children?.[0]?.children ?? [];
        const mentionColumns = new Set<number>();
        for (const [column, cell] of headerRow.entries()) {
          if (isMentionHeader(textOf(cell))) mentionColumns.add(column);
        }
        for (const [rowIndex, row] of (node.children ?? []).entries()) {
          for (const [column, cell] of (row.children ?? []).entries()) {
            if (rowIndex > 0 && mentionColumns.has(column) && cell.position) {
              mentionRanges.push([cell.position.start.offset ?? 0, cell.position.end.offset ?? 0]);
            }
            const paragraph: MdNode = { type: 'paragraph', children: cell.children ?? [] };
            if (cell.position) paragraph.position = cell.position;
            cells.push(paragraph);
          }
        }
        parent.children.splice(index, 1, ...cells);
        return index + cells.length;
      }
      return undefined;
    });
    file.data.luxembourgQuoteRanges = ranges;
    file.data.luxembourgMentionRanges = mentionRanges;
  };
}

/** Lint Markdown through remark-retext with `plugin` (defaults to the test dataset). */
export async function lintMarkdown(
  value: string,
  options?: Options,
  plugin: Plugin<[(Options | undefined)?], never> = testPlugin as never,
): Promise<VFile> {
  const file = new VFile(value);
  const processor = unified()
    .use(remarkParse)
    .use(remarkGfm)
    .use(remarkHostStub)
    .use(remarkRetext, unified().use(retextEnglish).use(plugin, options) as never);
  await processor.run(processor.parse(file), file);
  return file;
}

/** Lint HTML through rehype-retext with the test dataset. */
export async function lintHtml(value: string, options?: Options): Promise<VFile> {
  const file = new VFile(value);
  const processor = unified()
    .use(rehypeParse, { fragment: true })
    .use(rehypeRetext, unified().use(retextEnglish).use(testPlugin, options) as never);
  await processor.run(processor.parse(file), file);
  return file;
}
