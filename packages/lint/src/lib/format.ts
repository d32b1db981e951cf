/** The input formats `lint` understands. */
export type Format = 'markdown' | 'mdx' | 'text' | 'html';

const extensions: Readonly<Record<string, Format>> = {
  md: 'markdown',
  markdown: 'markdown',
  mdown: 'markdown',
  mkd: 'markdown',
  mdx: 'mdx',
  txt: 'text',
  text: 'text',
  html: 'html',
  htm: 'html',
  xhtml: 'html',
};

/**
 * The format of a file from its extension (case-insensitive), or `undefined` when the
 * extension is not one luxlint reads as prose.
 */
export function formatFromPath(path: string): Format | undefined {
  const name = path.slice(Math.max(path.lastIndexOf('/'), path.lastIndexOf('\\')) + 1);
  const dot = name.lastIndexOf('.');
  // `.md` alone is a hidden file without an extension, as in Node's `path.extname`.
  if (dot <= 0) return undefined;
  return extensions[name.slice(dot + 1).toLowerCase()];
}
